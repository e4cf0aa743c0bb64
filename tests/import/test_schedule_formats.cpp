// pretalx schedule.json, frab schedule.xml and iCalendar: nulls, events past midnight,
// the end of summer time, derived ids for old exports, TZID, folds, escapes, RRULE.
#include "import_fixture.hpp"

using namespace kiosk;
using namespace kiosk::core;
using kiosk::test::importData;

TEST_CASE("pretalx JSON: guid ids, nulls, an event past midnight across the DST change") {
    import::ImportOptions o;
    const auto in = import::importPretalxJson(importData("pretalx-schedule.json"), o);
    CHECK_FALSE(in.diagnostics.hasErrors());
    REQUIRE(in.sessions.size() == 2);
    CHECK(in.eventName.str(Lang::Fr) == "Rencontres du logiciel libre 2027");
    const Session* open = test::sessionById(in, "pt-0b5e6f3c-2222-4f6e-8a0d-00000000000a");
    REQUIRE(open);
    CHECK(open->description.str(Lang::Fr) == "Le programme des deux jours.");  // HTML stripped
    REQUIRE(open->speakers.size() == 1);
    CHECK(open->speakers[0].name == "Alex Perrin");
    CHECK(open->placeId == "salle-amphi-a");
    const Session* night = test::sessionById(in, "pt-0b5e6f3c-2222-4f6e-8a0d-00000000000b");
    REQUIRE(night);
    CHECK(test::iso(night->start) == "2027-10-31T01:30:00+02:00");
    CHECK(test::iso(night->end) == "2027-10-31T02:30:00+01:00");  // two hours, the clock went back
    CHECK(night->type == SessionType::Workshop);
    CHECK(night->language == "en");
    CHECK(night->subtitle.str(Lang::Fr) == "Jusqu'au changement d'heure");
}

TEST_CASE("frab XML: guid and derived ids, a session after midnight belongs to the next day") {
    import::ImportOptions o;
    const auto in = import::importFrabXml(importData("frab-schedule.xml"), o);
    REQUIRE(in.sessions.size() == 2);
    const Session* talk = test::sessionById(in, "pt-c1d2e3f4-3333-4a4a-9b9b-000000000001");
    REQUIRE(talk);
    CHECK(talk->description.str(Lang::Fr) == "Ce que partager veut dire.");
    CHECK(talk->type == SessionType::Talk);
    CHECK(talk->registration.url == "https://pretalx.example.org/libre-2027/talk/BBBB01/");
    const Session* late = test::sessionTitled(in, "Veillée après minuit");
    REQUIRE(late);
    CHECK(late->id.rfind("frab-veillee-apres-minuit-", 0) == 0);
    CHECK(test::iso(late->start) == "2027-10-21T00:30:00+02:00");
    CHECK(test::iso(late->end) == "2027-10-21T01:45:00+02:00");
    // the derived id does not change between two imports of the same file
    const auto again = import::importFrabXml(importData("frab-schedule.xml"), o);
    CHECK(test::sessionTitled(again, "Veillée après minuit")->id == late->id);
}

TEST_CASE("frab XML: a broken file is fatal with its line") {
    import::ImportOptions o;
    const auto in = import::importFrabXml("<schedule>\n<day>\n<room></day>", o);
    REQUIRE(in.diagnostics.hasFatal());
    CHECK(in.diagnostics.all()[0].path == "line 3");
}

TEST_CASE("iCalendar: TZID with VTIMEZONE, folded lines, escapes, RRULE, GEO, cancelled") {
    import::ImportOptions o;
    const auto in = import::importICalendar(importData("agenda.ics"), o);
    CHECK(in.eventName.str(Lang::Fr) == "Semaine du numérique");
    const Session* first = test::sessionById(in, "ics-atelier-code-2027-example-org-20271028t1800");
    REQUIRE(first);
    CHECK(first->title.str(Lang::Fr) == "Atelier de programmation, niveau débutant");
    CHECK(first->description.str(Lang::Fr) ==
          "Venez avec votre ordinateur; nous fournissons le reste.\nDeuxième ligne après un pli de ligne.");
    CHECK(test::iso(first->start) == "2027-10-28T18:00:00+02:00");
    CHECK(first->type == SessionType::Workshop);
    CHECK(first->registration.url == "https://example.org/atelier-code");
    // weekly, three times: the next two are in winter time, still at 18:00 local
    const Session* second = test::sessionById(in, "ics-atelier-code-2027-example-org-20271104t1800");
    REQUIRE(second);
    CHECK(test::iso(second->start) == "2027-11-04T18:00:00+01:00");
    CHECK(test::sessionById(in, "ics-atelier-code-2027-example-org-20271111t1800"));
    const Place* place = nullptr;
    for (const auto& p : in.places) {
        if (p.id == first->placeId) place = &p;
    }
    REQUIRE(place);
    CHECK(place->name.str(Lang::Fr) == "Médiathèque des Sources, Volvic");
    CHECK(place->coordinates->lat == Approx(45.8721));
    const Session* cancelled = test::sessionById(in, "ics-conference-annulee-example-org");
    REQUIRE(cancelled);
    CHECK(cancelled->status == SessionStatus::Cancelled);
    CHECK(test::iso(cancelled->start) == "2027-10-31T01:00:00+02:00");
    CHECK(test::iso(cancelled->end) == "2027-10-31T02:30:00+02:00");  // 00:30 UTC: still summer time
    const Session* floating = test::sessionById(in, "ics-flottant-example-org");
    REQUIRE(floating);
    CHECK(test::iso(floating->start) == "2027-10-31T01:30:00+02:00");
    CHECK(test::iso(floating->end) == "2027-10-31T02:30:00+01:00");
}

TEST_CASE("iCalendar: recurrences stay within the event's dates") {
    import::ImportOptions o;
    o.firstDay = CivilDate{2027, 10, 18};
    o.lastDay = CivilDate{2027, 11, 5};
    const auto in = import::importICalendar(importData("agenda.ics"), o);
    CHECK(test::sessionById(in, "ics-atelier-code-2027-example-org-20271104t1800"));
    CHECK_FALSE(test::sessionById(in, "ics-atelier-code-2027-example-org-20271111t1800"));
}

TEST_CASE("iCalendar: not a calendar is one fatal diagnostic") {
    import::ImportOptions o;
    const auto in = import::importICalendar("hello", o);
    CHECK(in.diagnostics.hasFatal());
}
