# The on-screen staff mode (issue 12, point 2): PIN hashing in core, the gesture and the
# keypad/panel screens in ui, the state and actions in app, and `kiosk pin`.
target_sources(kiosk_core PRIVATE core/staff/staff_pin.cpp)
target_sources(kiosk_ui PRIVATE ui/staff/corner_gesture.cpp ui/staff/staff_screens.cpp)
target_sources(kiosk_app PRIVATE app/staff_mode.cpp app/staff_pin_cmd.cpp)
