# Speech output: espeak-ng run as a separate process (it is GPL, so never linked), its WAV
# output played through SDL audio. Included at the end of kiosk/CMakeLists.txt.
target_sources(kiosk_platform PRIVATE
  platform/espeak_speech.cpp
  platform/wav_header.cpp
)
# The worker thread that reads the synthesiser's output.
target_link_libraries(kiosk_platform PRIVATE Threads::Threads)
