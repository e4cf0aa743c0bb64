// Rendering and writing the kiosk's textfile metrics (see metrics_writer.hpp).
#include "core/supervision/metrics_writer.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "core/files.hpp"

namespace kiosk::core::supervision {
namespace {

// Label values escape backslash, double quote and newline (text format 0.0.4).
std::string escapeLabel(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

struct Writer {
    std::string out;
    std::string labels;  // kiosk="id"

    void metric(const char* name, const char* type, const char* help, double value, const std::string& extra = {}) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
        out += std::string(name) + "{" + labels + extra + "} " + number(value) + "\n";
    }
};

}  // namespace

const char* screenStateName(ScreenState s) {
    switch (s) {
        case ScreenState::Ok: return "ok";
        case ScreenState::Black: return "black";
        case ScreenState::Frozen: return "frozen";
        case ScreenState::StaleContent: return "stale_content";
    }
    return "?";
}

std::uint64_t residentSetBytes() {
    std::ifstream in("/proc/self/statm");
    unsigned long long size = 0, resident = 0;
    if (!(in >> size >> resident)) return 0;
    return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

std::string renderMetrics(const KioskHealth& h) {
    Writer w;
    w.labels = "kiosk=\"" + escapeLabel(h.kioskId) + "\"";
    w.metric("kiosk_info", "gauge", "Always 1; the labels say which software this kiosk runs.", 1,
             ",version=\"" + escapeLabel(h.softwareVersion) + "\"");
    w.metric("kiosk_content_version", "gauge", "Content version on screen (0: the bundled content).",
             static_cast<double>(h.contentVersion));
    w.metric("kiosk_cache_content_version", "gauge", "Current content version in the cache.",
             static_cast<double>(h.cacheVersion));
    if (h.contentPublishedUnix) {
        w.metric("kiosk_content_age_seconds", "gauge", "Seconds since the content on screen was published.",
                 h.nowUnix - *h.contentPublishedUnix);
    }
    if (h.lastSyncSuccessUnix) {
        w.metric("kiosk_sync_last_success_timestamp_seconds", "gauge", "Unix time of the last successful content sync.",
                 *h.lastSyncSuccessUnix);
    }
    if (h.lastSyncFailureUnix) {
        w.metric("kiosk_sync_last_failure_timestamp_seconds", "gauge", "Unix time of the last failed content sync.",
                 *h.lastSyncFailureUnix);
    }
    w.metric("kiosk_sync_failures_in_a_row", "gauge", "Failed content syncs since the last success.",
             h.syncFailuresInARow);
    w.metric("kiosk_signature_state", "gauge",
             "Always 1; the state label says whether the content's signature checked.", 1,
             ",state=\"" + escapeLabel(h.signatureState) + "\"");
    if (h.trustedTimeUnix) {
        w.metric("kiosk_trusted_time_ahead_seconds", "gauge",
                 "Seconds the trusted time runs ahead of the system clock (negative: behind, not in use).",
                 *h.trustedTimeUnix - h.nowUnix);
    }
    w.metric("kiosk_clock_warning", "gauge",
             "1 when the trusted time is more than a day ahead of the system clock (a server's clock may be wrong).",
             h.clockWarning ? 1 : 0);
    w.metric("kiosk_frames_drawn_total", "counter", "Frames presented since the kiosk started.",
             static_cast<double>(h.framesDrawn));
    w.metric("kiosk_resident_memory_bytes", "gauge", "Resident memory of the kiosk process.",
             static_cast<double>(h.residentBytes));
    w.metric("kiosk_uptime_seconds", "gauge", "Seconds since the kiosk started.", h.uptimeSeconds);
    char hash[24];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(h.lastFrameHash));
    w.metric("kiosk_presented_frame", "gauge", "Always 1; the hash label identifies the last presented picture.", 1,
             std::string(",hash=\"") + hash + "\"");
    w.metric("kiosk_picture_unchanged_seconds", "gauge", "Seconds since the presented picture last changed.",
             h.secondsSincePictureChanged);
    for (ScreenState s : {ScreenState::Ok, ScreenState::Black, ScreenState::Frozen, ScreenState::StaleContent}) {
        if (s == ScreenState::Ok) {
            w.out +=
                "# HELP kiosk_screen_state 1 for the state the presented picture is in (ok, black, frozen, "
                "stale_content).\n"
                "# TYPE kiosk_screen_state gauge\n";
        }
        w.out += "kiosk_screen_state{" + w.labels + ",state=\"" + screenStateName(s) + "\"} " +
                 (h.screen == s ? "1" : "0") + "\n";
    }
    w.out +=
        "# HELP kiosk_crash_guard_state 1 for the crash guard's state (ok, crashing: the only version that drew "
        "keeps crashing, set_aside: a version that crashed is set aside).\n"
        "# TYPE kiosk_crash_guard_state gauge\n";
    for (const char* state : {"ok", "crashing", "set_aside"}) {
        w.out += "kiosk_crash_guard_state{" + w.labels + ",state=\"" + state + "\"} " +
                 (h.crashGuardState == state ? "1" : "0") + "\n";
    }
    w.metric("kiosk_crash_guard_versions_set_aside", "gauge",
             "Content versions the crash guard set aside that no newer version replaced.", h.versionsSetAside);
    w.metric("kiosk_recovery_step", "gauge",
             "Recovery ladder step taken for the screen (0 none, 1 redraw, 2 reload, 3 exit).", h.recoveryStep);
    return w.out;
}

Status MetricsWriter::write(const KioskHealth& health) {
    if (auto s = writeFileAtomically(file_, renderMetrics(health)); !s) {
        return fail("metrics file: " + s.error() + " (check supervision.metrics_file and the folder's permissions)");
    }
    return Ok{};
}

}  // namespace kiosk::core::supervision
