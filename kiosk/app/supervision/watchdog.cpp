// sd_notify readiness and watchdog keep-alives (see watchdog.hpp).
#include "app/supervision/watchdog.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include <systemd/sd-daemon.h>

#include "core/log.hpp"

namespace kiosk::app {
namespace {

double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// sd_watchdog_enabled() insists on WATCHDOG_PID == getpid(); under cage the kiosk is the
// service's child, so the parent's pid is accepted too (the unit has NotifyAccess=all).
std::optional<double> watchdogInterval() {
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (!usec || !*usec) return std::nullopt;
    char* end = nullptr;
    const unsigned long long us = std::strtoull(usec, &end, 10);
    if (*end != '\0' || us == 0) return std::nullopt;
    if (const char* pid = std::getenv("WATCHDOG_PID"); pid && *pid) {
        const long p = std::strtol(pid, nullptr, 10);
        if (p != static_cast<long>(getpid()) && p != static_cast<long>(getppid())) return std::nullopt;
    }
    return static_cast<double>(us) / 1e6;
}

}  // namespace

Watchdog::Watchdog() : Watchdog(steadySeconds) {}

Watchdog::Watchdog(Seconds clock) : clock_(std::move(clock)) {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    active_ = socket && *socket;
    if (active_) interval_ = watchdogInterval();
    if (interval_) core::log::info("systemd watchdog: notifying every " + std::to_string(*interval_ / 4) + " s");
}

double Watchdog::maxSleepSeconds(double fallback) const { return interval_ ? *interval_ / 2 : fallback; }

bool Watchdog::notify(const std::string& message) {
    if (!active_) return false;
    const int r = sd_notify(0, message.c_str());
    if (r > 0) {
        ++sent_;
        return true;
    }
    if (!warned_) {
        core::log::warning("systemd notification failed (" + std::to_string(r) + "): " + message);
        warned_ = true;
    }
    return false;
}

void Watchdog::ready(const std::string& status) {
    notify("READY=1\nSTATUS=" + status);
    lastTick_ = clock_();
    if (interval_) notify("WATCHDOG=1");
}

void Watchdog::tick() {
    if (!interval_) return;
    const double now = clock_();
    if (now - lastTick_ < *interval_ / 4) return;
    lastTick_ = now;
    notify("WATCHDOG=1");
}

void Watchdog::status(const std::string& text) { notify("STATUS=" + text); }

void Watchdog::stopping() { notify("STOPPING=1"); }

}  // namespace kiosk::app
