# Images: decoding on worker threads in core (stb_image, stb_image_resize from libstb),
# textures with a memory budget in platform. Included at the end of kiosk/CMakeLists.txt.
target_sources(kiosk_core PRIVATE core/image_decoder.cpp)
target_sources(kiosk_platform PRIVATE platform/texture_cache.cpp)
# kiosk_core already links PkgConfig::STB and Threads::Threads privately (propagated to
# whatever links the static library), so nothing else is needed here.
