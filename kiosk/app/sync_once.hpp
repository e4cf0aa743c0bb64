// `kiosk --sync-once --feed URL --cache DIR`: one content sync without a display, for
// scripts, tests and staff; prints what it did.
#pragma once

#include "app/runtime.hpp"
#include "core/sync/sync_health.hpp"
#include "core/sync/sync_service.hpp"

namespace kiosk::app {

// The sync settings from the configuration, with --feed and --cache taking precedence.
core::sync::SyncServiceConfig syncConfigFrom(const Runtime& rt);

// Exit code: 0 when the feed was synced or had nothing new, 1 when the attempt failed
// (the cause printed, the cache left as it was), 2 when the settings are unusable.
int runSyncOnce(const Runtime& rt);

// `kiosk --status`: the cache's versions, the last sync, disk space and crash guard, in
// words. Exit code: core::sync::HealthCode (0 healthy, 1 last attempt failed, 2 no cache,
// 3 no success for 12 h, 4 disk below min_free_bytes, 5 a version crashed the kiosk).
int runStatus(const Runtime& rt);
// The same verdict for `kiosk --check`.
core::sync::SyncHealth syncHealth(const Runtime& rt);
// `kiosk --reset-time`: forgets the trusted time floor (<cache>/trusted_time). Exit 1 on error.
int runResetTime(const Runtime& rt);
// `kiosk --rollback`: the previous version becomes current. Exit 1 when there is none.
int runRollback(const Runtime& rt);

}  // namespace kiosk::app
