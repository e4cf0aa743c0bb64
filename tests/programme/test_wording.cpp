// Programme truth and wording (issue 10, points 2 and 6): counts, days, single-day dates,
// what moved, room access, content languages, and French typography in every string table.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <unistd.h>

#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"
#include "core/format.hpp"
#include "core/schedule.hpp"
#include "core/wording.hpp"
#include "ui/strings.hpp"

using namespace kiosk;
using core::Lang;
namespace fs = std::filesystem;

namespace {
const std::string kNbsp = "\u00A0", kNnbsp = "\u202F";

core::Instant at(const char* iso) { return core::parseDateTimeWithOffset(iso).value().instant; }

// The second event (tests/data/events/rencontre), built in a temporary copy.
std::shared_ptr<const core::Content> rencontre() {
    static std::shared_ptr<const core::Content> content = [] {
        const fs::path dir = fs::temp_directory_path() / ("kiosk-rencontre-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::copy(fs::path(KIOSK_TEST_DATA) / "events" / "rencontre", dir, fs::copy_options::recursive);
        fs::remove(dir / "manifest.json");
        (void)core::buildFeed(dir, at("2027-05-01T10:00:00+02:00"));
        auto loaded = core::loadFeed(dir);
        fs::remove_all(dir);
        return loaded.content;
    }();
    return content;
}

// French spacing rules for one UI string; returns what is wrong, or "".
std::string frenchProblem(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c != ';' && c != ':' && c != '!' && c != '?' && c != '%') continue;
        if (c == ':' && i + 1 < s.size() && s[i + 1] == '/') continue;  // a URL
        if (i == 0) return "starts with punctuation";
        const bool narrow = i >= 3 && s.compare(i - 3, 3, kNnbsp) == 0;
        const bool nbsp = i >= 2 && s.compare(i - 2, 2, kNbsp) == 0;
        if (!narrow && !(c == '%' && nbsp)) return std::string("no U+202F before '") + c + "'";
    }
    for (const char* quote : {"\u00AB", "\u00BB"}) {
        const auto q = s.find(quote);
        if (q == std::string::npos) continue;
        const bool ok = std::string(quote) == "\u00AB" ? s.compare(q + 2, 3, kNnbsp) == 0
                                                       : q >= 3 && s.compare(q - 3, 3, kNnbsp) == 0;
        if (!ok) return "no U+202F inside « »";
    }
    return {};
}

std::string englishProblem(const std::string& s) {
    if (s.find(kNnbsp) != std::string::npos) return "U+202F in English";
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c != ';' && c != ':' && c != '!' && c != '?' && c != '%') continue;
        if (s[i - 1] == ' ' || (i >= 2 && s.compare(i - 2, 2, kNbsp) == 0))
            return std::string("space before '") + c + "'";
    }
    return {};
}
}  // namespace

TEST_CASE("counts say one and many in French and English", "[programme][wording]") {
    CHECK(core::countOf(1, core::Noun::Place, Lang::Fr) == "1" + kNbsp + "lieu");
    CHECK(core::countOf(2, core::Noun::Place, Lang::Fr) == "2" + kNbsp + "lieux");
    CHECK(core::countOf(0, core::Noun::Session, Lang::Fr) == "0" + kNbsp + "séance");
    CHECK(core::countOf(1, core::Noun::Session, Lang::En) == "1" + kNbsp + "session");
    CHECK(core::countOf(0, core::Noun::Session, Lang::En) == "0" + kNbsp + "sessions");
    CHECK(core::countOf(8, core::Noun::Seat, Lang::En) == "8" + kNbsp + "seats");
    CHECK(std::string(core::nounForm(1, core::Noun::Demo, Lang::Fr)) == "démonstration");
}

TEST_CASE("an event of one day is said as one day", "[programme][wording]") {
    const core::CivilDate d{2027, 5, 18};
    CHECK(core::formatEventDates(d, d, Lang::Fr) == "le mardi 18 mai 2027");
    CHECK(core::formatEventDates(d, d, Lang::En) == "Tuesday 18 May 2027");
    CHECK(core::formatEventDates({2027, 10, 18}, {2027, 10, 24}, Lang::Fr) ==
          "du lundi 18 au dimanche 24 octobre 2027");
    CHECK(core::formatEventDates({2027, 9, 30}, {2027, 10, 2}, Lang::En) ==
          "from Thursday 30 September to Saturday 2 October 2027");
}

TEST_CASE("a time not today carries its day", "[programme][wording]") {
    const core::TimeZone tz = core::TimeZone::locate("Europe/Paris").value();
    core::Session s;
    s.start = core::parseDateTimeWithOffset("2027-10-21T09:30:00+02:00").value();
    CHECK(core::formatStartFrom(s, at("2027-10-21T08:00:00+02:00"), tz, Lang::Fr) == "9" + kNbsp + "h" + kNbsp + "30");
    CHECK(core::formatStartFrom(s, at("2027-10-20T15:00:00+02:00"), tz, Lang::Fr) ==
          "demain" + kNbsp + "9" + kNbsp + "h" + kNbsp + "30");
    CHECK(core::formatStartFrom(s, at("2027-10-20T15:00:00+02:00"), tz, Lang::En) == "tomorrow" + kNbsp + "09:30");
    CHECK(core::formatStartFrom(s, at("2027-10-19T15:00:00+02:00"), tz, Lang::Fr) ==
          "jeu." + kNbsp + "21" + kNbsp + "9" + kNbsp + "h" + kNbsp + "30");
    CHECK(core::formatStartFrom(s, at("2027-10-19T15:00:00+02:00"), tz, Lang::En) ==
          "Thu" + kNbsp + "21" + kNbsp + "09:30");
    // "14 h 30" keeps together with no-break spaces.
    CHECK(core::formatTime(14, 30, Lang::Fr) == "14" + kNbsp + "h" + kNbsp + "30");
}

TEST_CASE("every French UI string uses French spacing and no English one does", "[programme][wording][strings]") {
    int checked = 0;
    for (int i = 0; i < static_cast<int>(ui::Str::Count); ++i) {
        const auto id = static_cast<ui::Str>(i);
        const std::string fr = ui::tr(id, Lang::Fr), en = ui::tr(id, Lang::En);
        INFO("string " << i << ": \"" << fr << "\" / \"" << en << "\"");
        // TouchToStartOther and LanguageButton are the other language on purpose.
        const bool swapped = id == ui::Str::TouchToStartOther || id == ui::Str::LanguageButton;
        CHECK(frenchProblem(swapped ? en : fr).empty());
        CHECK(englishProblem(swapped ? fr : en).empty());
        CHECK(fr.find(" :") == std::string::npos);
        ++checked;
    }
    CHECK(checked > 100);
    for (const std::string& s :
         ui::allUiStrings()) {  // types, access, audiences too: no plain space before punctuation
        INFO(s);
        CHECK(s.find(" :") == std::string::npos);
        CHECK(s.find(" ?") == std::string::npos);
        CHECK(s.find(" !") == std::string::npos);
        CHECK(s.find("\u00A0:") == std::string::npos);
    }
    CHECK(ui::labelled(ui::Str::Partner, Lang::Fr) == "Partenaire" + kNnbsp + ": ");
    CHECK(ui::labelled(ui::Str::Partner, Lang::En) == "Partner: ");
    CHECK(frenchProblem(ui::tr(ui::Str::StillThere, Lang::Fr)).empty());
}

TEST_CASE("formatting functions keep French and English spacing apart", "[programme][wording][strings]") {
    auto c = rencontre();
    REQUIRE(c);
    const core::Session* moved = c->findSession("fibre-village");
    REQUIRE(moved);
    const core::Instant now = at("2027-05-18T09:00:00+02:00");
    const std::string fr = core::previousSlotText(*c, *moved, now, Lang::Fr);
    const std::string en = core::previousSlotText(*c, *moved, now, Lang::En);
    CHECK(frenchProblem(fr).empty());
    CHECK(englishProblem(en).empty());
    for (const std::string& s : {core::formatEventDates({2027, 5, 18}, {2027, 5, 18}, Lang::En),
                                 core::countOf(3, core::Noun::Session, Lang::En), core::formatTime(9, 5, Lang::En)}) {
        CHECK(englishProblem(s).empty());
    }
}

TEST_CASE("the second event says what moved, what is cancelled and what each room offers", "[programme][rencontre]") {
    auto c = rencontre();
    REQUIRE(c);
    const core::Instant morning = at("2027-05-18T09:00:00+02:00");
    // Moved: the time and the room it had before.
    const core::Session* moved = c->findSession("fibre-village");
    REQUIRE(moved);
    CHECK(moved->status == core::SessionStatus::Changed);
    CHECK(core::previousSlotText(*c, *moved, morning, Lang::Fr) ==
          "Initialement" + kNnbsp + ": 14" + kNbsp + "h" + kNbsp + "\u2013 15" + kNbsp + "h, Grande salle");
    // Cancelled sessions are not counted: 8 sessions, 1 cancelled.
    CHECK(c->sessions.size() == 8u);
    CHECK(core::countTakingPlace(*c) == 7u);
    // A session in the club room gets the room's step-free access, not the hall's induction loop.
    const core::Session* tablet = c->findSession("tablette-premiers-pas");
    REQUIRE(tablet);
    CHECK((core::sessionAccess(*c, *tablet) & core::kStepFree) != 0);
    CHECK((core::sessionAccess(*c, *tablet) & core::kInductionLoop) == 0);
    const core::Session* repair = c->findSession("reparer-ordinateur");
    REQUIRE(repair);
    CHECK((core::sessionAccess(*c, *repair) & core::kSignLanguage) != 0);  // its own
    CHECK((core::sessionAccess(*c, *repair) & core::kInductionLoop) == 0);
    // French only, with its own name for the showroom.
    CHECK(core::contentLanguages(*c) == std::vector<std::string>{"fr"});
    CHECK_FALSE(core::contentHasLanguage(*c, Lang::En));
    CHECK(ui::showroomLabel(*c, Lang::Fr) == "Coin démonstrations");
    CHECK(core::formatEventDates(c->event.startDate, c->event.endDate, Lang::Fr) == "le mardi 18 mai 2027");
    // At 10:45, the day opens at the first session not over (the 10 h workshops), not at the 9 h 30 coffee.
    const auto today = core::sessionsOnDay(*c, c->event.startDate);
    const std::size_t first = core::firstCurrentIndex(today, at("2027-05-18T10:45:00+02:00"));
    REQUIRE(first < today.size());
    CHECK(today[first]->start.instant == at("2027-05-18T10:00:00+02:00"));
}

TEST_CASE("content languages are detected when the event does not list them", "[programme][wording]") {
    core::Content c;
    c.event.name = core::LocalizedText("Semaine");
    CHECK(core::contentLanguages(c) == std::vector<std::string>{"fr"});
    c.event.name.set("en", "Week");
    CHECK(core::contentLanguages(c) == std::vector<std::string>{"fr", "en"});
    c.event.languages = {"fr"};
    CHECK(core::contentLanguages(c) == std::vector<std::string>{"fr"});
}
