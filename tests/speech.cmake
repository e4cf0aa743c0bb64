# Speech tests: the WAV header parser, the recording sink used by UI tests, and the real
# espeak-ng engine playing through SDL's disk audio driver. Included from tests/CMakeLists.txt.
add_executable(speech_tests
  speech/test_espeak_speech.cpp
  speech/test_recording_speech.cpp
  speech/test_wav_header.cpp
)
target_link_libraries(speech_tests PRIVATE kiosk_platform kiosk_test_main kiosk_build_flags)
catch_discover_tests(speech_tests TEST_PREFIX "speech/" EXTRA_ARGS -w NoTests)
