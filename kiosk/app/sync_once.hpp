// `kiosk sync`, `kiosk status`, `kiosk rollback` (aliases --sync-once, --status, --rollback):
// the staff commands without a display, done by the running kiosk when there is one.
#pragma once

#include "app/runtime.hpp"
#include "core/sync/sync_health.hpp"
#include "core/sync/sync_service.hpp"

namespace kiosk::app {

// The sync settings from the configuration, with --feed and --cache taking precedence.
core::sync::SyncServiceConfig syncConfigFrom(const Runtime& rt);

// `kiosk sync` (alias --sync-once): by the running kiosk when there is one, else here
// under the cache lock. Exit code: 0 when the feed was synced or had nothing new, 1 when the attempt failed
// (the cause printed, the cache left as it was), 2 when the settings are unusable.
int runSyncOnce(const Runtime& rt);

// `kiosk status` (alias --status): the cache's versions and the last sync, in words,
// from the running kiosk when one answers on the cache's staff socket. Exit 1 when the
// last attempt failed, 2 when there is no cache.
int runStatus(const Runtime& rt);
// `kiosk rollback` (alias --rollback): the previous version becomes current, done by the
// running kiosk when there is one, else here under the cache lock. Exit 1 when there is
// no previous version or the cache is held by a process that does not answer.
// The sync verdict for `kiosk --check` (see core/sync/sync_health.hpp).
core::sync::SyncHealth syncHealth(const Runtime& rt);
// `kiosk --reset-time`: forgets the trusted time floor (trustedTimePathFor: the state
// folder), done by the running kiosk when there is one. Exit 1 on error.
int runResetTime(const Runtime& rt);
int runRollback(const Runtime& rt);

}  // namespace kiosk::app
