// Re-imports into a feed folder: ids stay, fields staff added by hand stay, sessions the
// source dropped go, hand-made sessions stay; and the written feed loads.
#include "import_fixture.hpp"

#include <filesystem>
#include <fstream>

#include "core/feed_builder.hpp"
#include "core/import/feed_writer.hpp"

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::importData;
namespace fs = std::filesystem;
using import::Json;

namespace {
using TempDir = test::TempFolder;

Json readJson(const fs::path& p) {
    std::ifstream in(p);
    return Json::parse(in);
}
void writeJson(const fs::path& p, const Json& j) { std::ofstream(p) << j.dump(2); }

Json* byId(Json& list, const std::string& id) {
    for (auto& item : list) {
        if (item["id"] == id) return &item;
    }
    return nullptr;
}

import::Imported openAgenda(){import::ImportOptions o;
return import::importOpenAgenda(importData("openagenda-events.json"), o);
}  // namespace
}  // namespace

TEST_CASE("Merge: a re-import keeps ids and every field added by hand") {
    TempDir dir;
    import::WriteOptions w;
    w.sourceKey = "openagenda";
    REQUIRE(import::writeImport(dir.path, openAgenda(), w).ok());
    CHECK(fs::exists(dir.path / "event.json"));

    // staff add an easy-read text, an English title, an access feature, a room and a
    // hand-made session; they complete the online place
    Json sessions = readJson(dir.path / "sessions.json");
    Json* s = byId(sessions["sessions"], "oa-48213371-20271020t1430");
    REQUIRE(s);
    (*s)["easy_read"] = {{"fr", "Un atelier pour fabriquer un robot."}};
    (*s)["access"].push_back("sign_language");
    (*s)["room"] = "salle-1";
    (*s)["type"] = "workshop";
    sessions["sessions"].push_back({{"id", "accueil-main"},
                                    {"title", "Accueil"},
                                    {"type", "other"},
                                    {"start", "2027-10-20T09:00:00+02:00"},
                                    {"end", "2027-10-20T10:00:00+02:00"},
                                    {"place", "oa-lieu-7781"}});
    writeJson(dir.path / "sessions.json", sessions);

    // the source changes: one title, and the cancelled conference disappears
    import::Imported again = openAgenda();
    for (auto& x : again.sessions) {
        if (x.id == "oa-48213371-20271020t1430") x.title.set("fr", "Atelier robotique (nouveau titre)");
    }
    again.sessions.erase(std::remove_if(again.sessions.begin(), again.sessions.end(),
                                        [](const Session& x) { return x.id == "oa-48213372"; }),
                         again.sessions.end());
    auto report = import::writeImport(dir.path, again, w);
    REQUIRE(report.ok());
    CHECK(report.value().sessions.updated == 1);
    CHECK(report.value().sessions.removed == 1);
    CHECK(report.value().sessions.kept == 1);

    Json after = readJson(dir.path / "sessions.json");
    Json* t = byId(after["sessions"], "oa-48213371-20271020t1430");
    REQUIRE(t);
    CHECK((*t)["title"]["fr"] == "Atelier robotique (nouveau titre)");
    CHECK((*t)["title"]["en"] == "Family robotics workshop");
    CHECK((*t)["easy_read"]["fr"] == "Un atelier pour fabriquer un robot.");
    CHECK((*t)["room"] == "salle-1");
    CHECK(std::find((*t)["access"].begin(), (*t)["access"].end(), "sign_language") != (*t)["access"].end());
    CHECK(std::find((*t)["access"].begin(), (*t)["access"].end(), "step_free") != (*t)["access"].end());
    CHECK(byId(after["sessions"], "accueil-main"));
    CHECK_FALSE(byId(after["sessions"], "oa-48213372"));
}

TEST_CASE("Merge: a type guessed as other does not replace the type staff chose") {
    Json list = Json::array({{{"id", "a"}, {"type", "screening"}}});
    const auto counts = import::mergeItems(list, {{{"id", "a"}, {"type", "other"}}}, {"a"}, false);
    CHECK(list[0]["type"] == "screening");
    CHECK(counts.unchanged == 1);
}

TEST_CASE("Merge: back on schedule drops the old status note") {
    Json list = Json::array({{{"id", "a"}, {"status", "cancelled"}, {"status_note", {{"fr", "Annulé"}}}}});
    import::mergeItems(list, {{ {"id", "a"}, { "status", "scheduled" } }}, {"a"}, false);
    CHECK(list[0]["status"] == "scheduled");
    CHECK_FALSE(list[0].contains("status_note"));
}

TEST_CASE("Merge: a spreadsheet import builds into a feed that loads") {
    TempDir dir;
    import::ImportOptions o;
    import::Imported all = import::importCsvSessions(importData("programme-libreoffice.csv"), o);
    const import::Imported sheet = import::importCsvPlaces(importData("lieux.csv"), o);
    for (const auto& p : sheet.places) {
        auto it = std::find_if(all.places.begin(), all.places.end(), [&](const Place& q) { return q.id == p.id; });
        if (it == all.places.end())
            all.places.push_back(p);
        else
            *it = p;
    }
    import::WriteOptions w;
    w.sourceKey = "csv";
    REQUIRE(import::writeImport(dir.path, all, w).ok());
    // the places the sheet does not describe need coordinates: staff add them by hand
    Json places = readJson(dir.path / "places.json");
    for (auto& p : places["places"]) {
        if (!p.contains("coordinates")) p["coordinates"] = {{"lat", 45.78}, {"lon", 3.08}};
    }
    writeJson(dir.path / "places.json", places);
    const BuildOutcome out = buildFeed(dir.path, Instant{std::chrono::seconds(1'800'000'000)});
    for (const auto& d : out.load.diagnostics.all()) INFO(d.toString());
    CHECK(out.error.empty());
    CHECK_FALSE(out.load.diagnostics.hasErrors());
    REQUIRE(out.load.content);
    CHECK(out.load.content->sessions.size() == 4);
    const Session* night = out.load.content->findSession(all.sessions[2].id);
    REQUIRE(night);
    CHECK(night->end.offsetMinutes == 120);
}
