# Wayfinding (grouped markers, label placement) and the kiosk's own verified assets
# (artwork, icon, earcons). Included at the end of kiosk/CMakeLists.txt.
target_sources(kiosk_ui PRIVATE
  ui/map_layout.cpp
)
target_sources(kiosk_core PRIVATE core/assets.cpp)
target_sources(kiosk_ui PRIVATE ui/artwork.cpp)
target_sources(kiosk_platform PRIVATE platform/earcon_player.cpp)
