# Content that can never brick a kiosk: limit-checked JSON parsing, text cleaning and
# image header checks in core. Included at the end of kiosk/CMakeLists.txt.
target_sources(kiosk_core PRIVATE
  core/image_header.cpp
  core/json_parse.cpp
  core/text_safety.cpp
)
# zlib: PNG image data is inflated once, bounded, before stb_image may inflate it.
find_package(ZLIB REQUIRED)
target_link_libraries(kiosk_core PRIVATE ZLIB::ZLIB)
