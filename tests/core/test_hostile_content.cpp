// Regression tests for content that used to crash or exhaust a kiosk: NUL and control
// characters, bad UTF-8, 1e999, deep nesting, huge lists, years-long events, image bombs.
#include <catch2/catch.hpp>

#include "core/content_texts.hpp"
#include "core/image_decoder.hpp"
#include "core/image_header.hpp"
#include "core/json_parse.hpp"
#include "core/text_safety.hpp"
#include "hostile_fixture.hpp"

using namespace kiosk;
using core::Severity;
using nlohmann::json;
using test::contains;
using test::describe;
using test::FeedFixture;
using test::findDiag;

namespace {
bool anyControl(const std::string& s) {
    for (unsigned char c : s) {
        if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("texts holding NUL and control characters are cleaned with a warning naming the path", "[hostile]") {
    FeedFixture f;
    f.sessions["sessions"][0]["title"]["fr"] = std::string("Atelier\0robots\x1b[31m", 19);
    f.places["places"][1]["commune"] = std::string("Ri\0om", 5);
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::Warning, "sessions.json", "$.sessions[0].title.fr");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "U+0000"));
    CHECK(r.content->findSession("atelier-robots")->title.str(core::Lang::Fr) == "Atelierrobots[31m");
    CHECK(findDiag(r.diagnostics, Severity::Warning, "places.json", "$.places[1].commune") != nullptr);
    for (const std::string& t : core::allVisibleTexts(*r.content)) {
        CHECK_FALSE(anyControl(t));
        CHECK(core::isValidUtf8(t));
    }
}

TEST_CASE("an identifier holding NUL is an item error and the item is skipped", "[hostile]") {
    FeedFixture f;
    f.sessions["sessions"][1]["id"] = std::string("conf\0", 5);
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[1].id");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "\\u0000"));  // printable in the message, never raw
    CHECK(r.content->sessions.size() == 2u);
}

TEST_CASE("bad UTF-8 in a document is refused with a printable message naming the file", "[hostile]") {
    FeedFixture f;
    const auto r = test::loadWithRawDocument(f, "pages.json",
                                             "{\"pages\": [{\"id\": \"a\", \"title\": \"caf\xe9\", \"body\": \"x\"}]}");
    INFO(describe(r.diagnostics));
    REQUIRE(r.content != nullptr);  // an optional document: the rest loads
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "pages.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "UTF-8"));
    CHECK(core::isValidUtf8(d->message));
    CHECK(r.content->pages.empty());

    SECTION("cleaning replaces each bad byte and keeps the rest") {
        const auto c = core::cleanText("caf\xe9 \xc3\xa9t\xe9\xed\xa0\x80");
        CHECK(c.invalidBytes == 5u);  // é alone, then a UTF-16 surrogate written as UTF-8
        CHECK(core::isValidUtf8(c.text));
        CHECK(contains(c.text, "\xc3\xa9t"));
    }
}

TEST_CASE("1e999 is an error value, not an exception, in every document", "[hostile]") {
    FeedFixture f;
    SECTION("a required document is fatal") {
        const auto r = test::loadWithRawDocument(f, "sessions.json", R"({"sessions": [{"id": "a", "x": 1e999}]})");
        INFO(describe(r.diagnostics));
        CHECK(r.content == nullptr);
        const auto* d = findDiag(r.diagnostics, Severity::Fatal, "sessions.json");
        REQUIRE(d != nullptr);
        CHECK(contains(d->message, "1e999"));
        CHECK(contains(d->message, "line 1"));
    }
    SECTION("an optional document is an item error") {
        const auto r = test::loadWithRawDocument(f, "places.json", R"({"places": [{"coordinates": {"lat": -1e999}}]})");
        INFO(describe(r.diagnostics));
        REQUIRE(r.content != nullptr);
        CHECK(findDiag(r.diagnostics, Severity::ItemError, "places.json") != nullptr);
        CHECK(r.content->places.empty());
    }
    SECTION("the manifest") {
        f.writeDocuments();
        f.writeManifest();
        test::writeText(f.dir / "manifest.json", R"({"format": "kiosk-feed/1", "version": 1e999})");
        const auto r = core::loadFeed(f.path());
        CHECK(r.content == nullptr);
        CHECK(findDiag(r.diagnostics, Severity::Fatal, "manifest.json") != nullptr);
    }
    SECTION("huge integers do not wrap") {
        f.sessions["sessions"][0]["registration"] = {{"capacity", 18446744073709551615ull}};
        const auto r = f.load();
        INFO(describe(r.diagnostics));
        REQUIRE(r.content != nullptr);
        CHECK(findDiag(r.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[0].registration.capacity"));
    }
}

TEST_CASE("a polygon point nested 100000 deep is refused while parsing, before any value is built", "[hostile]") {
    FeedFixture f;
    f.writeDocuments();
    std::string maps = test::readText(f.dir / "maps.json");
    const std::string deep = std::string(100000, '[') + "1" + std::string(100000, ']');
    const auto poly = maps.find("\"polygon\": [");
    REQUIRE(poly != std::string::npos);
    maps.insert(poly + 12, deep + ",");
    const auto r = test::loadWithRawDocument(f, "maps.json", maps);
    INFO(describe(r.diagnostics).substr(0, 2000));
    REQUIRE(r.content != nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "maps.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "nested more than 32 levels deep at $.floor_plans[0].rooms[0].polygon[0]"));
    CHECK(d->message.size() < 1000);

    SECTION("the limit itself is accepted") {
        core::JsonParseOptions o;
        o.maxDepth = 3;
        CHECK(core::parseJsonChecked("[[[1]]]", o).ok());
        CHECK_FALSE(core::parseJsonChecked("[[[[1]]]]", o).ok());
    }
}

TEST_CASE("a list of a million elements is refused without a million messages", "[hostile]") {
    FeedFixture f;
    f.writeDocuments();
    std::string list = "[0";
    list.reserve(2'000'010);
    for (int i = 1; i < 1'000'000; ++i) list += ",0";
    list += "]";
    const std::string text = R"({"pages": [{"id": "a", "title": "T", "body": "B", "x": )" + list + "}]}";
    const auto r = test::loadWithRawDocument(f, "pages.json", text);
    REQUIRE(r.content != nullptr);
    CHECK(r.diagnostics.all().size() < 10u);
    const auto* d = findDiag(r.diagnostics, Severity::ItemError, "pages.json");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "more than 10000 entries in $.pages[0].x"));
}

TEST_CASE("diagnostics past the cap are counted in one line, and fatal ones are always listed", "[hostile]") {
    FeedFixture f;
    json unknown = json::array();
    for (int i = 0; i < 9000; ++i) unknown.push_back("unknown-" + std::to_string(i));
    f.places["places"][0]["access"] = unknown;  // each one a warning
    const auto r = f.load();
    REQUIRE(r.content != nullptr);
    CHECK(r.diagnostics.all().size() == core::kMaxListedDiagnostics + 1);
    CHECK(r.diagnostics.count(Severity::Warning) == 9000u);
    CHECK(contains(r.diagnostics.all().back().message,
                   std::to_string(9000 - core::kMaxListedDiagnostics) + " more problems"));

    core::Diagnostics small(2);
    for (int i = 0; i < 5; ++i) small.add(Severity::ItemError, "a.json", "$", "bad");
    small.add(Severity::Fatal, "b.json", "", "fatal");
    CHECK(small.hasFatal());
    CHECK(small.count(Severity::ItemError) == 5u);
    REQUIRE(small.all().size() == 4u);
    CHECK(small.all()[2].severity == Severity::Fatal);
    CHECK(contains(small.all()[3].message, "3 more problems"));
}

TEST_CASE("an event from 0001 to 9999 is fatal before anything is laid out per day", "[hostile]") {
    FeedFixture f;
    f.event["start_date"] = "0001-01-01";
    f.event["end_date"] = "9999-12-31";
    const auto r = f.load();
    INFO(describe(r.diagnostics));
    CHECK(r.content == nullptr);
    const auto* d = findDiag(r.diagnostics, Severity::Fatal, "event.json", "$.start_date");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "2000 to 2100"));

    SECTION("an event longer than maxEventDays is fatal, one of exactly that length loads") {
        FeedFixture g;
        g.event["start_date"] = "2027-10-01";
        g.event["end_date"] = "2027-11-30";  // 61 days
        const auto longer = g.load();
        CHECK(longer.content == nullptr);
        const auto* e = findDiag(longer.diagnostics, Severity::Fatal, "event.json", "$.end_date");
        REQUIRE(e != nullptr);
        CHECK(contains(e->message, "at most 60 days"));
        g.event["end_date"] = "2027-11-29";
        CHECK(g.load().content != nullptr);
    }
    SECTION("a session in the year 1 is an item error") {
        FeedFixture g;
        g.sessions["sessions"][0]["start"] = "0001-10-20T14:30:00+02:00";
        const auto s = g.load();
        REQUIRE(s.content != nullptr);
        CHECK(findDiag(s.diagnostics, Severity::ItemError, "sessions.json", "$.sessions[0].start") != nullptr);
    }
}
