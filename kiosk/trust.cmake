# Trust and control (issue 12): minisign-compatible feed signatures in core, the staff
# tool's keygen/sign/verify, and (later) the cache lock and the staff socket.
target_sources(kiosk_core PRIVATE core/signature.cpp core/targeting.cpp)
target_sources(kiosk_sync PRIVATE core/sync/feed_trust.cpp)
target_sources(kiosk-feed PRIVATE app/feed_sign.cpp)
# One writer for the cache: the lock, the running kiosk's staff socket.
target_sources(kiosk_sync PRIVATE core/sync/cache_lock.cpp core/sync/staff_socket.cpp)
# One step from a feed folder to the kiosks, and CLI11's words in French (issue 20).
target_sources(kiosk-feed PRIVATE app/feed_publish.cpp app/cli_text.cpp)
target_sources(kiosk_app PRIVATE app/cli_text.cpp)  # kiosk status and its argument errors
