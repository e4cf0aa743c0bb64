// Soak (issue 9 point 7): the real App loop for HOURS simulated hours on a driven clock:
// attract loop, a scripted visit every 20 minutes, a sync every 3 minutes from a file://
// feed, a content change every 2 hours. Reports live heap, RSS and open descriptors after
// the warm-up and at the end. scripts/soak.sh builds it under ASan and runs it.
#include <SDL.h>

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include <unistd.h>
#include <nlohmann/json.hpp>

#if defined(__SANITIZE_ADDRESS__)
// The ASan runtime's own count of live heap bytes (GCC ships the runtime but not this
// header, which comes with clang).
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif

#include "app/app.hpp"
#include "app/config.hpp"
#include "app/font_lookup.hpp"
#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/time.hpp"
#include "platform/video.hpp"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

constexpr const char* kUsage =
    "usage: kiosk_soak [HOURS] [--min-step SECONDS]\n"
    "  HOURS       simulated hours of the real App loop (default 72)\n"
    "  --min-step  when the loop sleeps, the driven clock jumps at least this far (default 20):\n"
    "              every timer still fires, at most that late, and 72 h take minutes\n"
    "Exit codes: 0 heap growth after the warm-up under 2 MiB and no descriptor leaked;\n"
    "            1 over budget; 2 usage or setup error.\n";

// When the loop would sleep, the clock moves instead: by what the loop asked, at least
// `minStep` (so animations end in one frame), never past `limit`.
class CoarseEvents final : public app::EventSource {
public:
    explicit CoarseEvents(core::ManualClock& clock) : clock_(clock) {}
    bool wait(SDL_Event& e, double seconds) override {
        if (SDL_PollEvent(&e)) return true;
        if (!advance) return SDL_WaitEventTimeout(&e, std::max(1, static_cast<int>(seconds * 1000))) == 1;
        clock_.advance(std::max(0.0, std::min(std::max(seconds, minStep), limit - clock_.seconds())));
        return false;
    }
    bool advance = false;
    double minStep = 20, limit = 0;

private:
    core::ManualClock& clock_;
};

struct Sample {
    double heapMiB = 0, rssMiB = 0, texturesMiB = 0;
    int fds = 0;
    // The live heap without the texture cache, which grows to its budget by design (each
    // content version's pictures are new paths; least recently used go past the budget).
    double ownMiB() const { return heapMiB - texturesMiB; }
};

Sample sample(double texturesMiB = 0) {
    Sample s;
    s.texturesMiB = texturesMiB;
#if defined(__SANITIZE_ADDRESS__)
    s.heapMiB = static_cast<double>(__sanitizer_get_current_allocated_bytes()) / (1 << 20);
#else
    s.heapMiB = static_cast<double>(mallinfo2().uordblks) / (1 << 20);
#endif
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    s.rssMiB = static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1 << 20);
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++s.fds;
    --s.fds;  // the iterator's own
    return s;
}

void print(const char* what, double hours, const Sample& s) {
    std::printf("%-10s %6.1f h  heap %8.2f MiB (textures %6.2f)  RSS %8.2f MiB  fds %3d\n", what, hours, s.heapMiB,
                s.texturesMiB, s.rssMiB, s.fds);
    std::fflush(stdout);
}

class Soak {
public:
    Soak(const fs::path& dir, double minStep)
        : dir_(dir),
          clock_(core::parseDateTimeWithOffset("2027-10-20T08:00:00+02:00").value().instant),
          events_(clock_) {
        events_.minStep = minStep;
    }

    bool setUp() {
        fs::copy(KIOSK_BUNDLED_CONTENT, feed(), fs::copy_options::recursive);
        fs::remove(feed() / "manifest.json");
        if (!core::buildFeed(feed(), clock_.now()).written) return false;
        platform::VideoOptions vo;
        vo.headless = true;
        vo.width = 640;
        vo.height = 400;
        auto video = platform::Video::open(vo);
        if (!video) {
            std::fprintf(stderr, "kiosk_soak: %s\n", video.error().c_str());
            return false;
        }
        video_ = std::move(video).value();
        SDL_InitSubSystem(SDL_INIT_EVENTS);
        rt_.config = app::defaultConfig();
        if (auto f = app::findFontFile(rt_.config.fontFamily, false)) rt_.config.fontRegular = f.value();
        if (auto f = app::findFontFile(rt_.config.fontFamily, true)) rt_.config.fontBold = f.value();
        rt_.config.screen.width = vo.width;
        rt_.config.screen.height = vo.height;
        rt_.config.feedUrl = "file://" + (feed() / "manifest.json").string();
        rt_.config.allowedFileRoots = {feed().string()};
        rt_.config.cacheDir = (dir_ / "cache").string();
        rt_.config.stateDir = (dir_ / "state").string();
        rt_.config.contentDir = KIOSK_BUNDLED_CONTENT;
        rt_.config.pollSeconds = 180;
        app::AppParts parts;
        parts.video = video_.get();
        parts.clock = &clock_;
        parts.events = &events_;
        app_ = std::make_unique<app::App>(rt_, parts);
        if (auto s = app_->init(); !s) {
            std::fprintf(stderr, "kiosk_soak: %s\n", s.error().c_str());
            return false;
        }
        // The first sync (an empty cache: the neutral screen until it lands).
        for (int i = 0; i < 500 && !app_->showingContent(); ++i) settle(0.02);
        return app_->showingContent();
    }

    // The scripted day: returns false when the loop stopped.
    bool runUntil(double endSeconds) {
        while (clock_.seconds() < endSeconds) {
            if (clock_.seconds() >= nextSync_) sync();
            if (clock_.seconds() >= nextVisit_) visit();
            if (clock_.seconds() >= nextChange_) changeContent();
            const double target = std::min({nextSync_, nextVisit_, nextChange_, endSeconds});
            events_.advance = true;
            events_.limit = target;
            for (int i = 0; i < 100000 && clock_.seconds() < target - 1e-9 && app_->running(); ++i) {
                app_->turn(target - clock_.seconds());
            }
            events_.advance = false;
            if (!app_->running()) return false;
        }
        return true;
    }

    void tearDown() {
        app_.reset();
        SDL_QuitSubSystem(SDL_INIT_EVENTS);
        video_.reset();
    }

    double hours() const { return clock_.seconds() / 3600; }
    int syncs = 0, visits = 0, changes = 0;
    std::int64_t shownVersion() const { return app_->ui().content() ? app_->ui().content()->manifest.version : 0; }
    std::uint64_t frames() const { return app_->framesPresented(); }
    std::size_t textureBudgetMiB() const { return app_->images().budgetBytes() >> 20; }
    Sample measure() const { return sample(static_cast<double>(app_->images().stats().bytesUsed) / (1 << 20)); }

private:
    fs::path feed() const { return dir_ / "feed"; }

    // Turns without moving the clock until nothing is due and no worker is busy.
    void settle(double wait = 0.0) {
        for (int i = 0; i < 2000; ++i) {
            const bool queued = SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT) == SDL_TRUE;
            if (!queued && !app_->workersBusy() && app_->secondsUntilDue() > 0 && wait == 0) break;
            app_->turn(app_->workersBusy() || wait > 0 ? std::max(wait, 0.02) : 0.0);
            if (wait > 0) return;
        }
    }

    void sync() {
        nextSync_ = clock_.seconds() + 180;
        auto* s = app_->sync();
        if (!s) return;
        const auto before = s->attempts();
        s->syncNow();
        for (int i = 0; i < 500 && s->attempts() == before; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        settle();
        ++syncs;
    }

    void finger(Uint32 type, float x, float y) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.fingerId = 1;
        e.tfinger.x = x;
        e.tfinger.y = y;
        SDL_PushEvent(&e);
    }
    void tap(float x, float y) {
        finger(SDL_FINGERDOWN, x, y);
        finger(SDL_FINGERUP, x, y);
        settle();
    }
    void key(SDL_Keycode k) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = k;
        SDL_PushEvent(&e);
        settle();
    }

    // A visitor: wakes the screen, opens a few screens, leaves (the idle timeout brings
    // the attract loop back).
    void visit() {
        nextVisit_ = clock_.seconds() + 1200;
        tap(0.5f, 0.5f);
        tap(0.25f, 0.33f);
        key(SDLK_TAB);
        key(SDLK_RETURN);
        tap(0.75f, 0.23f);
        key(SDLK_ESCAPE);
        tap(0.5f, 0.6f);
        ++visits;
    }

    // Staff edit the event's name and rebuild the manifest (a new version to sync).
    void changeContent() {
        nextChange_ = clock_.seconds() + 7200;
        const fs::path file = feed() / "event.json";
        nlohmann::json doc;
        {
            std::ifstream in(file);
            doc = nlohmann::json::parse(in, nullptr, false);
        }
        if (!doc.is_object() || !doc["name"].is_object()) return;
        doc["name"]["en"] = "Soak edition " + std::to_string(++changes);
        std::ofstream(file) << doc.dump(2) << "\n";
        (void)core::buildFeed(feed(), clock_.now());
    }

    fs::path dir_;
    core::ManualClock clock_;
    CoarseEvents events_;
    std::unique_ptr<platform::Video> video_;
    app::Runtime rt_;
    std::unique_ptr<app::App> app_;
    double nextSync_ = 180, nextVisit_ = 600, nextChange_ = 1800;
};

}  // namespace

int main(int argc, char** argv) {
    double hours = 72, minStep = 20;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        char* end = nullptr;
        if (a == "--min-step" && i + 1 < argc) {
            minStep = std::strtod(argv[++i], &end);
        } else {
            hours = std::strtod(argv[i], &end);
        }
        if (!end || *end || hours <= 0 || minStep <= 0) {
            std::fputs(kUsage, stderr);
            return 2;
        }
    }
    const fs::path dir = fs::temp_directory_path() / ("kiosk-soak-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const Sample start = sample();
    print("start", 0, start);
    const auto wall0 = std::chrono::steady_clock::now();
    int code = 0;
    {
        Soak soak(dir, minStep);
        if (!soak.setUp()) {
            std::fprintf(stderr, "kiosk_soak: the kiosk did not show synced content\n");
            fs::remove_all(dir);
            return 2;
        }
        const double warmUp = std::min(2.0, hours / 2);  // past the first content change (0.5 h)
        if (!soak.runUntil(warmUp * 3600)) code = 2;
        const Sample warm = soak.measure();
        print("warm-up", soak.hours(), warm);
        Sample peak = warm;
        for (double h = warmUp; code == 0 && h < hours;) {
            h = std::min(hours, h + 12);
            if (!soak.runUntil(h * 3600)) code = 2;
            const Sample s = soak.measure();
            peak.heapMiB = std::max(peak.heapMiB, s.ownMiB() + peak.texturesMiB);
            peak.rssMiB = std::max(peak.rssMiB, s.rssMiB);
            print("running", soak.hours(), s);
        }
        const Sample last = soak.measure();
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
        std::printf(
            "%.0f simulated hours in %.0f s: %llu frames, %d syncs, %d visits, %d content changes, "
            "version %lld shown\n",
            soak.hours(), wall, static_cast<unsigned long long>(soak.frames()), soak.syncs, soak.visits, soak.changes,
            static_cast<long long>(soak.shownVersion()));
        std::printf(
            "growth after warm-up: heap without textures %+.2f MiB (peak %+.2f), textures %+.2f MiB "
            "(budget %zu MiB), RSS %+.2f MiB (peak %+.2f), fds %+d\n",
            last.ownMiB() - warm.ownMiB(), peak.heapMiB - warm.heapMiB, last.texturesMiB - warm.texturesMiB,
            soak.textureBudgetMiB(), last.rssMiB - warm.rssMiB, peak.rssMiB - warm.rssMiB, last.fds - warm.fds);
        if (code == 0 && (last.ownMiB() - warm.ownMiB() >= 2.0 || last.fds > warm.fds)) code = 1;
        if (soak.shownVersion() <= 1 && soak.changes > 0) {
            std::printf("FAIL the content changes never reached the screen\n");
            code = code ? code : 1;
        }
        soak.tearDown();
    }
    const Sample end = sample();
    print("end", 0, end);
    if (end.fds > start.fds) {
        std::printf("FAIL %d descriptors still open after the App ended\n", end.fds - start.fds);
        code = code ? code : 1;
    }
    fs::remove_all(dir);
    std::printf("%s\n", code == 0 ? "soak: ok" : "soak: FAILED");
    return code;
}
