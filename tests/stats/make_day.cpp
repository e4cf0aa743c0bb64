// Test tool: writes a scripted day of visits on one kiosk into a statistics database
// through the real StatsRecorder, and prints what it recorded (JSON) for the tests to
// compare with the exports. Usage: stats_make_day DB KIOSK_ID SEED [VISITS_SCALE]
#include <cstdlib>
#include <iostream>
#include <random>
#include <vector>

#include <nlohmann/json.hpp>

#include "stats_fixture.hpp"

using namespace kiosk;

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: stats_make_day DB KIOSK_ID SEED [VISITS_SCALE]\n";
        return 2;
    }
    const std::string db = argv[1], kiosk = argv[2];
    std::mt19937 rng(static_cast<unsigned>(std::atoi(argv[3])));
    const int scale = argc > 4 ? std::atoi(argv[4]) : 1;
    const std::vector<std::string> sessions{"conference-inaugurale",       "ouverture-officielle",
                                            "atelier-mobiliser-habitants", "exposition-ceramiques-augmentees",
                                            "education-medias-vrai-faux",  "visite-atelier-numerisation"};
    const std::vector<std::string> demos{"casque-visite-virtuelle", "ceramiques-3d", "robots-educatifs", "avatar-lsf"};
    const std::vector<std::string> features{"larger_text", "high_contrast", "speech", "seated"};
    nlohmann::json out = {{"visits", 0},
                          {"seconds", 0},
                          {"qr", 0},
                          {"events", 0},
                          {"items", nlohmann::json::object()},
                          {"languages", nlohmann::json::object()},
                          {"accessibility", nlohmann::json::object()}};
    // 09:00 Paris (07:00 UTC) on 2027-10-20, one visit group per hour to 18:00.
    core::ManualClock clock(test::eventMorning() - std::chrono::hours(1));
    {
        core::stats::StatsRecorder recorder(test::recorderOptions(db, kiosk), clock);
        recorder.setContentVersion(3);
        int events = 0;
        for (int hour = 0; hour < 9; ++hour) {
            const int visits = scale * (2 + int(rng() % 5) + (hour == 3 || hour == 4 ? 4 : 0));  // busier at noon
            double used = 0;
            for (int v = 0; v < visits; ++v) {
                recorder.visitStarted();
                recorder.screenViewed("home");
                events += 2;
                const double length = 20 + double(rng() % 200);
                if (rng() % 4 == 0) {
                    recorder.languageUsed("en");
                    out["languages"]["en"] = out["languages"].value("en", 0) + 1;
                    ++events;
                }
                if (rng() % 6 == 0) {
                    const std::string f = features[rng() % features.size()];
                    recorder.accessibilityUsed(f);
                    out["accessibility"][f] = out["accessibility"].value(f, 0) + 1;
                    ++events;
                }
                for (unsigned s = 0, n = 1 + rng() % 3; s < n; ++s) {
                    const std::string id = sessions[std::min<std::size_t>(rng() % 8, sessions.size() - 1)];
                    recorder.screenViewed("session");
                    recorder.itemViewed("session", id);
                    out["items"]["session/" + id] = out["items"].value("session/" + id, 0) + 1;
                    events += 2;
                    if (rng() % 3 == 0) {
                        recorder.qrShown(id);
                        out["qr"] = out["qr"].get<int>() + 1;
                        ++events;
                    }
                }
                for (unsigned d = 0, n = rng() % 3; d < n; ++d) {
                    const std::string id = demos[rng() % demos.size()];
                    recorder.itemViewed("demo", id);
                    out["items"]["demo/" + id] = out["items"].value("demo/" + id, 0) + 1;
                    ++events;
                }
                clock.advance(length);
                recorder.visitEnded();
                ++events;
                used += length + 15;
                clock.advance(15);
                out["visits"] = out["visits"].get<int>() + 1;
                out["seconds"] = out["seconds"].get<int>() + int(length);
            }
            clock.advance(std::max(1.0, 3600 - used));  // to the next hour
        }
        recorder.flush();
        const auto st = recorder.status();
        if (st.written != std::uint64_t(events) || st.rejected != 0) {
            std::cerr << "stats_make_day: wrote " << st.written << " of " << events << " events: " << st.lastError
                      << "\n";
            return 1;
        }
        out["events"] = events;
    }
    std::cout << out.dump() << "\n";
    return 0;
}
