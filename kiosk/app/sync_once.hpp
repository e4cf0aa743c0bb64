// `kiosk --sync-once --feed URL --cache DIR`: one content sync without a display, for
// scripts, tests and staff; prints what it did.
#pragma once

#include "app/runtime.hpp"
#include "core/sync/sync_service.hpp"

namespace kiosk::app {

// The sync settings from the configuration, with --feed and --cache taking precedence.
core::sync::SyncServiceConfig syncConfigFrom(const Runtime& rt);

// Exit code: 0 when the feed was synced or had nothing new, 1 when the attempt failed
// (the cause printed, the cache left as it was), 2 when the settings are unusable.
int runSyncOnce(const Runtime& rt);

// `kiosk --status`: the cache's versions and the last sync, in words. Exit 1 when the
// last attempt failed, 2 when there is no cache.
int runStatus(const Runtime& rt);
// `kiosk --rollback`: the previous version becomes current. Exit 1 when there is none.
int runRollback(const Runtime& rt);

}  // namespace kiosk::app
