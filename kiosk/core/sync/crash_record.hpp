// Crash records: what tells a crash from a power cut. A handler for the signals of a crash
// (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, which abort() and systemd's watchdog send)
// writes one small file with async-signal-safe calls, then the process dies of the signal.
// A SIGKILL or a power cut leaves no record. The crash guard reads them at the next start.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace kiosk::core::sync {

struct CrashRecord {
    int signal = 0;
    long pid = 0;
    std::string key;              // what the process was showing ("7", "bundled-3"); may be empty
    std::optional<Instant> when;  // the record file's modification time
};

// <dir>/crash-<pid>.record
std::filesystem::path crashRecordPath(const std::filesystem::path& dir, long pid);

// Arms the handlers, process-wide, to write crashRecordPath(dir, getpid()). The path is
// formatted here; the handler only calls open, write, fsync, close, sigaction and raise,
// then puts back the handler that was there before and raises the signal again (the
// default action: a core dump, exit status 128+N; a test framework's report). The
// calling thread (the main thread) gets an alternate signal stack, so a stack overflow
// is recorded too. Error when the path is too long. Arming again moves the record.
Status armCrashRecord(const std::filesystem::path& dir);
// Puts the handlers that were there before arming back. Idempotent.
void disarmCrashRecord();
// What the kiosk shows now, written into a record; any thread, never blocks on disk.
// Keys longer than 40 bytes are cut.
void setCrashRecordKey(std::string_view key);

// The records left in `dir` by processes that died of a signal, oldest first; each file
// is removed once read (unreadable ones too). Reads files: not on the UI thread.
std::vector<CrashRecord> takeCrashRecords(const std::filesystem::path& dir);

// "signal 11 (SIGSEGV)"
std::string describeSignal(int signal);

}  // namespace kiosk::core::sync
