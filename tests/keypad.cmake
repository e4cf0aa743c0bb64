# Keypad and speech (issue 10, point 4): focus order, scrolling into view, settled speech,
# Repeat and Pause on the loop; the focus ring's contrast over every theme colour.
# Included from tests/CMakeLists.txt after loop.cmake.
target_sources(loop_tests PRIVATE loop/test_keypad.cpp)
target_sources(ui_tests PRIVATE ui/test_focus_ring.cpp)
