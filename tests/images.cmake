# Image decoding and the texture cache: real files from the bundled content, broken and
# hostile ones written by the tests, textures on a headless SDL software renderer.
add_executable(image_tests
  images/test_image_decoder.cpp
  images/test_texture_cache.cpp
)
target_link_libraries(image_tests PRIVATE kiosk_platform kiosk_test_main kiosk_build_flags PkgConfig::STB)
catch_discover_tests(image_tests TEST_PREFIX "images/" EXTRA_ARGS -w NoTests)
