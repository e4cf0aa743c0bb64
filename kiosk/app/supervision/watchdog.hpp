// The systemd watchdog and readiness (sd_notify, libsystemd): the main loop says READY
// once its first frame is up and ticks every iteration, so a frozen loop gets restarted.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace kiosk::app {

// Threads: main thread only (it proves the *main loop* is alive). Without systemd
// (no NOTIFY_SOCKET) every call is a cheap no-op. Errors are logged once, never fatal.
class Watchdog {
public:
    using Seconds = std::function<double()>;  // a monotonic clock, seconds
    Watchdog();                               // steady_clock
    explicit Watchdog(Seconds clock);

    // WatchdogSec= of the unit, when systemd asked this process (or its parent, the cage
    // compositor, under NotifyAccess=all) to notify; nullopt when off.
    std::optional<double> intervalSeconds() const { return interval_; }
    // The longest the loop may sleep between ticks: WatchdogSec/2, else `fallback`.
    double maxSleepSeconds(double fallback = 1.0) const;

    // READY=1 with a STATUS= line; call once the first frame is presented.
    void ready(const std::string& status = "showing the programme");
    // WATCHDOG=1, sent at most every WatchdogSec/4 however often it is called; call it
    // every loop iteration, including after a sleep.
    void tick();
    // STATUS= (shown by systemctl status), e.g. "content version 12".
    void status(const std::string& text);
    // STOPPING=1 before a clean exit.
    void stopping();

    int notificationsSent() const { return sent_; }  // for tests and the log

private:
    bool notify(const std::string& message);

    Seconds clock_;
    bool active_ = false;  // NOTIFY_SOCKET is set
    std::optional<double> interval_;
    double lastTick_ = -1e9;
    int sent_ = 0;
    bool warned_ = false;
};

}  // namespace kiosk::app
