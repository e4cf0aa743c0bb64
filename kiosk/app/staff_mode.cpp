// The staff mode's state, workers and actions (see staff_mode.hpp). The screens are in
// ui/staff/staff_screens.cpp; this file decides what they show and what a tap does.
#include "app/staff_mode.hpp"

#include <imgui.h>

#include <cmath>
#include <ctime>
#include <filesystem>

#include <unistd.h>

#include "app/trusted_time_text.hpp"
#include "core/log.hpp"
#include "core/messages_fr.hpp"
#include "core/sync/sync_status.hpp"
#include "platform/imgui_renderer.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace kiosk::app {
namespace {
// The narrow no-break space French puts before ": ; ! ?", so that a lone colon never
// starts a line.
std::string narrowSpaces(std::string out) {
    for (const char* mark : {" :", " ;", " !", " ?"}) {
        for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + 3))
            out.replace(at, 1, "\u202F");
    }
    return out;
}

// A core message (English) in French for the panel.
std::string frenchOnScreen(const std::string& english) { return narrowSpaces(core::frenchMessage(english)); }

std::string when(std::optional<core::Instant> t) {
    if (!t) return {};
    const std::time_t s = std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
    std::tm tm{};
    gmtime_r(&s, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%d %H:%M UTC", &tm);
    return out;
}

std::string bytes(std::uintmax_t n) {
    char out[32];
    std::snprintf(out, sizeof out, "%.1f GB", static_cast<double>(n) / 1e9);
    return out;
}

std::string duration(double seconds) {
    const long s = static_cast<long>(seconds);
    const long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
    std::string out = d ? std::to_string(d) + " d " : std::string();
    return out + std::to_string(h) + " h " + (m < 10 ? "0" : "") + std::to_string(m) + " min";
}

}  // namespace

StaffMode::StaffMode(const Runtime& rt, const core::Clock& clock, ui::KioskUi& ui, StaffHooks hooks)
    : rt_(rt), clock_(clock), ui_(ui), hooks_(std::move(hooks)) {
    startedAt_ = clock_.seconds();
    previews_ = {{"1920\u00D71080", 1920, 1080, 43.0f, 900.0f},
                 {"1080\u00D71920", 1080, 1920, 55.0f, 1000.0f},
                 {"1280\u00D7800", 1280, 800, 10.1f, 450.0f}};
    const int w = static_cast<int>(ui_.metrics().width()), h = static_cast<int>(ui_.metrics().height());
    previews_.erase(std::remove_if(previews_.begin(), previews_.end(),
                                   [&](const Preview& p) { return p.width == w && p.height == h; }),
                    previews_.end());
    for (const auto& p : previews_) view_.previews.push_back(p.label);
    view_.pinSet = core::staff::isPinHash(rt_.config.staffPinHash);
}

StaffMode::~StaffMode() {
    stopping_ = true;
    std::lock_guard lock(jobsMutex_);
    for (auto& t : jobs_) {
        if (t.joinable()) t.join();
    }
}

// A worker computes; what it returns runs on the main thread, through the inbox.
void StaffMode::runJob(std::function<std::function<void()>()> work) {
    ++workers_;
    std::lock_guard lock(jobsMutex_);
    jobs_.emplace_back([this, work = std::move(work)] {
        auto done = work();
        hooks_.post([this, done = std::move(done)] {
            --workers_;
            if (done) done();
            hooks_.settle();
        });
    });
}

void StaffMode::pointer(const ui::PointerEvent& e) {
    const double now = clock_.seconds();
    if (active()) {
        lastActivity_ = now;
        if (state_ == State::Preview && e.kind == ui::PointerEvent::Kind::Down &&
            (e.x >= previewW_ || e.y >= previewH_)) {
            endPreview();                // a touch beside the preview goes back to the panel
            ignoreUntilRelease_ = true;  // ...and does not also press what is under it there
        }
        return;
    }
    gesture_.setScreen(ui_.metrics().width(), ui_.metrics().height());
    bool done = false;
    switch (e.kind) {
        case ui::PointerEvent::Kind::Down: done = gesture_.down(e.pointerId, e.x, e.y, now); break;
        case ui::PointerEvent::Kind::Move: gesture_.move(e.pointerId, e.x, e.y); break;
        case ui::PointerEvent::Kind::Up: done = gesture_.up(e.pointerId, e.x, e.y, now); break;
        case ui::PointerEvent::Kind::Cancel: gesture_.reset(); break;
    }
    if (done) {
        core::log::info("staff gesture: the PIN keypad opens");
        open();
    } else if (!holdingStats_ && gesture_.armed(now)) {
        holdingStats_ = true;
        holdFromAttract_ = ui_.currentScreen() == "attract";  // this release is what wakes it
        heldStats_ = ui_.statsSink();
        ui_.setStatsSink(nullptr);
    }
}

// The tap did not come: it was a visitor after all, whose visit counts from now.
void StaffMode::releaseHeldStats() {
    if (!holdingStats_) return;
    holdingStats_ = false;
    ui_.setStatsSink(heldStats_);
    if (heldStats_ && holdFromAttract_ && ui_.currentScreen() != "attract") heldStats_->visitStarted();
    heldStats_ = nullptr;
}

void StaffMode::keyboardOpen() {
    if (active()) return;
    core::log::info("staff keys (Ctrl+Alt+Q): the PIN keypad opens");
    open();
}

void StaffMode::keyActivity() {
    if (active()) lastActivity_ = clock_.seconds();
}

void StaffMode::digit(int d) {
    if (state_ != State::Keypad) return;
    handle({ui::staff::StaffCommand::Digit, d});
}

// A fresh visitor view underneath, the statistics and speech off until the panel closes.
void StaffMode::open() {
    gesture_.reset();
    const bool gestureWokeIt = holdingStats_ && holdFromAttract_;  // that "visit" was never counted
    savedStats_ = holdingStats_ ? heldStats_ : ui_.statsSink();
    holdingStats_ = false;
    heldStats_ = nullptr;
    ui_.setStatsSink(gestureWokeIt ? nullptr : savedStats_);
    ui_.resetForNextVisitor();  // ends a visitor's visit when there was one
    ui_.setStatsSink(nullptr);
    state_ = State::Keypad;
    view_.page = ui::staff::StaffView::Page::Keypad;
    view_.lang = ui_.lang();
    view_.digits = 0;
    view_.wrong = false;
    pin_.clear();
    lastActivity_ = clock_.seconds();
    ignoreUntilRelease_ = true;  // the gesture's last tap is not a key press
    ui::KeypadFocus::reset();
    hooks_.settle();
}

void StaffMode::close() {
    if (!active()) return;
    if (state_ == State::Preview) endPreview();
    core::log::info("staff mode closed: back to the visitor view");
    state_ = State::Closed;
    pin_.clear();
    ++generation_;
    view_.result.clear();
    syncBefore_.reset();
    ui_.resetForNextVisitor();
    ui_.setStatsSink(savedStats_);
    ui::KeypadFocus::reset();
    hooks_.settle();
}

void StaffMode::handle(const ui::staff::StaffTap& tap) {
    using C = ui::staff::StaffCommand;
    lastActivity_ = clock_.seconds();
    switch (tap.command) {
        case C::Digit:
            if (pin_.size() < 12 && !view_.verifying && throttle_.waitSeconds(clock_.seconds()) <= 0) {
                pin_ += static_cast<char>('0' + tap.value);
                view_.wrong = false;
            }
            break;
        case C::Erase:
            if (!pin_.empty()) pin_.pop_back();
            break;
        case C::Submit: submit(); break;
        case C::Cancel:
        case C::Close: close(); break;
        case C::Language: view_.lang = view_.lang == core::Lang::Fr ? core::Lang::En : core::Lang::Fr; break;
        case C::SyncNow: {
            core::sync::SyncService* sync = hooks_.sync();
            if (!sync) {
                setResult(ui::tr(ui::Str::StaffNoFeed, view_.lang), true);
                break;
            }
            core::log::info("staff: sync now");
            syncBefore_ = sync->attempts();
            sync->syncNow();
            view_.working = true;
            break;
        }
        case C::Rollback: {
            core::sync::SyncService* sync = hooks_.sync();
            if (!sync) {
                setResult(std::string(ui::tr(ui::Str::StaffRollbackFailed, view_.lang)) + ": " +
                              ui::tr(ui::Str::StaffNoFeed, view_.lang),
                          true);
                break;
            }
            core::log::info("staff: roll back");
            view_.working = true;
            // The same path as `kiosk rollback` reaching a running kiosk: the sync worker,
            // which holds the cache lock, does it; the content arrives like a sync's.
            auto done = std::make_shared<std::future<core::Status>>(sync->rollback());
            runJob([this, done]() -> std::function<void()> {
                while (!stopping_ && done->wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
                }
                if (stopping_) return {};
                const core::Status st = done->get();
                return [this, st] {
                    view_.working = false;
                    core::sync::SyncService* s = hooks_.sync();
                    if (st) {
                        setResult(std::string(ui::tr(ui::Str::StaffRollbackDone, view_.lang)) + ": version " +
                                      std::to_string(s ? s->status().currentVersion : 0),
                                  false);
                    } else {
                        setResult(std::string(ui::tr(ui::Str::StaffRollbackFailed, view_.lang)) + ": " + st.error(),
                                  true);
                    }
                };
            });
            break;
        }
        case C::Reload:
            core::log::info("staff: reload the content");
            view_.working = true;
            hooks_.reload([this](std::string what) {
                view_.working = false;
                setResult(std::string(ui::tr(ui::Str::StaffReloaded, view_.lang)) + (what.empty() ? "" : ": " + what),
                          false);
            });
            break;
        case C::Restart:
            hooks_.leave(kExitRestart, "staff restart from the panel: exit code 75, systemd starts the kiosk again");
            break;
        case C::Exit: hooks_.leave(kExitStaff, "staff exit from the panel"); break;
        case C::Preview: startPreview(tap.value); break;
    }
    view_.digits = static_cast<int>(pin_.size());
}

void StaffMode::submit() {
    if (view_.verifying || pin_.empty() || !view_.pinSet || throttle_.waitSeconds(clock_.seconds()) > 0) return;
    view_.verifying = true;
    const std::string hash = rt_.config.staffPinHash, pin = pin_;
    pin_.clear();
    const std::uint64_t generation = ++generation_;
    // Argon2id takes a noticeable time by design: never on the UI thread.
    runJob([this, hash, pin, generation]() -> std::function<void()> {
        const bool ok = core::staff::verifyPin(hash, pin);
        return [this, ok, generation] { verified(ok, generation); };
    });
}

void StaffMode::verified(bool ok, std::uint64_t generation) {
    view_.verifying = false;
    if (generation != generation_ || state_ != State::Keypad) return;
    if (ok) {
        throttle_.succeeded();
        core::log::info("staff PIN accepted: the staff panel opens");
        openPanel();
        return;
    }
    throttle_.failed(clock_.seconds());
    view_.wrong = true;
    core::log::warning("wrong staff PIN (" + std::to_string(throttle_.failures()) + " in a row): next try in " +
                       std::to_string(static_cast<int>(core::staff::PinThrottle::delayAfter(throttle_.failures()))) +
                       " s");
}

void StaffMode::openPanel() {
    state_ = State::Panel;
    view_.page = ui::staff::StaffView::Page::Panel;
    view_.result.clear();
    ui::KeypadFocus::reset();
    lastActivity_ = clock_.seconds();
    const std::string where = !rt_.config.cacheDir.empty() ? rt_.config.cacheDir : rt_.contentDir();
    runJob([this, where]() -> std::function<void()> {  // statvfs can wait on a busy disk
        std::error_code ec;
        std::filesystem::path on = where;  // a cache not made yet: the disk it will be on
        while (!on.empty() && on != on.root_path() && !std::filesystem::exists(on, ec)) on = on.parent_path();
        const auto space = std::filesystem::space(on.empty() ? std::filesystem::path(".") : on, ec);
        std::string text = ec ? std::string("? (") + ec.message() + ")" : bytes(space.available) + " (" + where + ")";
        return [this, text] { freeDisk_ = text; };
    });
}

void StaffMode::setResult(std::string text, bool failed) {
    if (view_.lang == core::Lang::Fr) {  // "Label: core message" -> "Label : message en français"
        const std::size_t colon = text.find(": ");
        if (colon != std::string::npos && colon > 0 && text[colon - 1] != ' ')
            text = text.substr(0, colon) + "\u202F: " + frenchOnScreen(text.substr(colon + 2));
    }
    view_.result = std::move(text);
    view_.resultFailed = failed;
    core::log::info("staff panel: " + view_.result);
}

// The visitor UI at another size class, scaled to fit this screen, top left; the rest
// of the screen (and the button in the preview's corner) go back to the panel.
void StaffMode::startPreview(int index) {
    if (index < 0 || index >= static_cast<int>(previews_.size())) return;
    const Preview& p = previews_[static_cast<std::size_t>(index)];
    savedMetrics_ = ui_.metrics();
    const float s = std::min({1.0f, savedMetrics_->width() / static_cast<float>(p.width),
                              savedMetrics_->height() / static_cast<float>(p.height)});
    ui::ScreenGeometry g;
    g.widthPx = static_cast<int>(std::lround(p.width * s));
    g.heightPx = static_cast<int>(std::lround(p.height * s));
    g.diagonalInches = p.diagonal;  // the same physical screen drawn smaller: the same layout
    g.viewingDistanceMm = p.distance;
    previewW_ = static_cast<float>(g.widthPx);
    previewH_ = static_cast<float>(g.heightPx);
    core::log::info("staff: preview of the visitor view at " + p.label);
    ui_.setMetrics(ui::Metrics(g));
    ui_.resetForNextVisitor();
    ui_.setOverlay([this] { drawPreviewBar(); });
    state_ = State::Preview;
    lastActivity_ = clock_.seconds();
    hooks_.settle();
}

void StaffMode::endPreview() {
    ui_.setOverlay({});
    if (savedMetrics_) ui_.setMetrics(*savedMetrics_);
    savedMetrics_.reset();
    ui_.resetForNextVisitor();
    if (state_ == State::Preview) state_ = State::Panel;
    ui::KeypadFocus::reset();
    hooks_.settle();
}

void StaffMode::drawPreviewBar() {
    const ui::Metrics& m = ui_.metrics();
    const ui::Fonts& f = ui_.fonts();
    const std::string label = "\u2715 " + std::string(ui::tr(ui::Str::StaffPreviewBack, view_.lang));
    const ImVec2 size(std::max(m.cssPx(48), ui::badgeSize(label, f.bodyBold).x + m.cssPx(24)),
                      std::max(m.cssPx(48), f.bodyBold->FontSize * 2));
    ImGui::SetNextWindowPos(ImVec2(m.width() - size.x - m.cssPx(4), m.height() - size.y - m.cssPx(4)));
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##staff-preview", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    if (ui::button("##staff-preview-back", label, size, ui::ButtonKind::Accent)) {
        hooks_.post([this] { endPreview(); });  // not while ImGui draws the visitor frame
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void StaffMode::refreshRows() {
    using ui::Str;
    const core::Lang l = view_.lang;
    auto s = [l](Str id) { return std::string(ui::tr(id, l)); };
    const core::sync::SyncService* sync = hooks_.sync();
    const core::sync::SyncStatus st = sync ? sync->status() : core::sync::SyncStatus{};
    std::vector<std::pair<std::string, std::string>> rows;
    char host[256] = {};
    (void)gethostname(host, sizeof host - 1);
    rows.emplace_back(s(Str::StaffKiosk),
                      (rt_.config.kioskId.empty() ? s(Str::StaffNone) : rt_.config.kioskId) + " (" + host + ")");
    std::string groups;
    for (const auto& g : rt_.config.groups) groups += (groups.empty() ? "" : ", ") + g;
    rows.emplace_back(s(Str::StaffGroups), groups.empty() ? s(Str::StaffNone) : groups);
    if (const core::Content* c = ui_.content()) {
        rows.emplace_back(s(Str::StaffContent), "version " + std::to_string(c->manifest.version) + ", " +
                                                    when(c->manifest.published.instant));
    } else {
        rows.emplace_back(s(Str::StaffContent), s(Str::StaffNone));
    }
    // Core messages are English; the French panel shows them through the phrase table.
    auto inLang = [l](const std::string& english) { return l == core::Lang::Fr ? frenchOnScreen(english) : english; };
    rows.emplace_back(s(Str::StaffSignature), inLang(core::sync::describeSignature(st, clock_.now())));
    // The trusted time, a warning when it is far ahead of the system clock (a server's or
    // signer's clock may be wrong: Home would show a wrong date).
    const core::sync::TrustedTimeRecord trusted = sync ? sync->trustedTime() : core::sync::TrustedTimeRecord{};
    const core::Instant system = core::sync::uncorrected(clock_).now();
    view_.warningRows.clear();
    if (core::sync::farAheadOfSystemClock(trusted.value, system)) view_.warningRows.push_back(rows.size());
    const bool fr = l == core::Lang::Fr;
    rows.emplace_back(s(Str::StaffTrustedTime), fr ? narrowSpaces(trustedTimeText(trusted, system, true))
                                                   : trustedTimeText(trusted, system, false));
    rows.emplace_back(s(Str::StaffLastSync),
                      st.lastSuccess
                          ? when(st.lastSuccess) + (st.lastResult.empty() ? "" : " \u2013 " + inLang(st.lastResult))
                          : s(Str::StaffNever));
    rows.emplace_back(s(Str::StaffLastError), st.lastError.empty() ? s(Str::StaffNone) : inLang(st.lastError));
    const auto guard = hooks_.guard ? hooks_.guard() : std::nullopt;
    rows.emplace_back(s(Str::StaffCrashGuard), guard ? inLang(core::sync::describeGuard(*guard)) : s(Str::StaffNone));
    rows.emplace_back(s(Str::StaffFeed), rt_.config.feedUrl.empty() ? s(Str::StaffNone) + " (" + rt_.contentDir() + ")"
                                                                    : rt_.config.feedUrl);
    std::string network = s(Str::StaffUnknown);
    if (sync && st.lastAttempt) {
        network = (st.consecutiveFailures == 0 ? s(Str::StaffReachable) : s(Str::StaffUnreachable)) + " (" +
                  when(st.lastAttempt) + ")";
    }
    rows.emplace_back(s(Str::StaffNetwork), network);
    rows.emplace_back(s(Str::StaffDisk), freeDisk_.empty() ? "\u2026" : freeDisk_);
    rows.emplace_back(s(Str::StaffUptime), duration(clock_.seconds() - startedAt_));
    rows.emplace_back(s(Str::StaffSoftware), std::string("kiosk ") + KIOSK_VERSION);
    view_.rows = std::move(rows);
}

void StaffMode::render(platform::ImGuiRenderer& renderer, ui::InputQueue& input, float dt) {
    view_.digits = static_cast<int>(pin_.size());
    view_.waitSeconds = shownWait();
    drawnMinute_ = uptimeMinute();
    if (state_ == State::Panel) refreshRows();
    if (ui_.prepareFrame()) renderer.fontsChanged();
    renderer.newFrame();
    const ui::staff::StaffFrameEnv env{&ui_.metrics(), &ui_.fonts(), &ui_.theme()};
    auto taps = ui::staff::drawStaffFrame(env, input, dt, view_);
    if (ignoreUntilRelease_) {
        taps.clear();
        if (!ImGui::GetIO().MouseDown[0]) ignoreUntilRelease_ = false;
    }
    const ui::Rgb bg = ui_.theme().background;
    renderer.render(bg.r, bg.g, bg.b);
    for (const auto& t : taps) {
        if (!replacesVisitorUi()) break;
        handle(t);
    }
}

double StaffMode::timeoutSeconds() const {
    return state_ == State::Keypad ? kKeypadTimeoutSeconds : kPanelTimeoutSeconds;
}

void StaffMode::turn() {
    if (holdingStats_ && !active() && !gesture_.armed(clock_.seconds())) releaseHeldStats();
    if (!active()) return;
    const double now = clock_.seconds();
    if (now - lastActivity_ >= timeoutSeconds()) {
        core::log::info("staff mode: no touch for " + std::to_string(static_cast<int>(timeoutSeconds())) + " s");
        close();
        return;
    }
    if (syncBefore_) {
        core::sync::SyncService* sync = hooks_.sync();
        if (sync && sync->attempts() > *syncBefore_) {
            syncBefore_.reset();
            view_.working = false;
            const auto st = sync->status();
            if (st.lastError.empty()) {
                setResult(std::string(ui::tr(ui::Str::StaffSyncDone, view_.lang)) + ": " + st.lastResult, false);
            } else {
                setResult(std::string(ui::tr(ui::Str::StaffSyncFailed, view_.lang)) + ": " + st.lastError, true);
            }
            hooks_.settle();
        }
    }
}

int StaffMode::shownWait() const { return static_cast<int>(std::ceil(throttle_.waitSeconds(clock_.seconds()) - 1e-6)); }

long StaffMode::uptimeMinute() const { return static_cast<long>(std::floor((clock_.seconds() - startedAt_) / 60)); }

double StaffMode::secondsUntilChange() const {
    if (!active()) return holdingStats_ ? std::max(0.0, gesture_.armedUntil() + 0.001 - clock_.seconds()) : 3600;
    const double now = clock_.seconds();
    double next = std::max(0.001, lastActivity_ + timeoutSeconds() - now);
    const double wait = throttle_.waitSeconds(now);
    // What the last frame shows is out of date: draw now (the countdown, the uptime).
    if (state_ == State::Keypad && shownWait() != view_.waitSeconds) return 0;
    if (state_ == State::Panel && uptimeMinute() != drawnMinute_) return 0;
    // The countdown's number changes on each whole second of the wait; a millisecond past it.
    if (state_ == State::Keypad && wait > 0) next = std::min(next, wait - std::floor(wait - 1e-6) + 0.001);
    if (state_ == State::Panel) next = std::min(next, 60 - std::fmod(now - startedAt_, 60.0));  // the uptime's minutes
    return next;
}

}  // namespace kiosk::app
