// The one atomic file write (core::writeFileAtomically): the old or the new file, never a
// mix; every failure cleans up its temporary file and descriptor; unique temporaries.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <thread>

#include "core/files.hpp"
#include "feed_fixture.hpp"

using namespace kiosk;
using test::readText;
using test::TempDir;
namespace fs = std::filesystem;

namespace {
std::size_t openDescriptors() {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator("/proc/self/fd")) ++n;
    return n;
}

// Names in `dir` other than `keep`: leftovers of a temporary file.
std::vector<std::string> strayFiles(const fs::path& dir, const std::string& keep) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().filename() != keep) out.push_back(e.path().filename().string());
    }
    return out;
}
}  // namespace

TEST_CASE("writeFileAtomically replaces a file and leaves nothing else behind", "[files]") {
    TempDir dir("atomic");
    const fs::path target = dir / "status.json";
    REQUIRE(core::writeFileAtomically(target, "first"));
    CHECK(readText(target) == "first");
    REQUIRE(core::writeFileAtomically(target, std::string(100000, 'x')));
    CHECK(readText(target) == std::string(100000, 'x'));
    CHECK(strayFiles(dir.path(), "status.json").empty());
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);
    // A folder that does not exist: an error naming the file, nothing created.
    const auto missing = core::writeFileAtomically(dir / "nope" / "x.json", "data");
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error(), Catch::Contains("x.json"));
}

TEST_CASE("a failure at any step of writeFileAtomically keeps the old file and closes everything", "[files]") {
    TempDir dir("atomic");
    const fs::path target = dir / "current";
    REQUIRE(core::writeFileAtomically(target, "7\n"));
    for (const std::string failing : {"create", "write", "sync", "close", "rename", "syncdir"}) {
        INFO("failing step: " << failing);
        std::vector<std::string> seen;
        const std::size_t before = openDescriptors();
        const auto s =
            core::writeFileAtomically(target, "8\n", [&](std::string_view step, const fs::path&) -> core::Status {
                seen.emplace_back(step);
                if (step == failing) return core::fail("injected " + failing + " failure");
                return core::Ok{};
            });
        REQUIRE_FALSE(s);
        CHECK_THAT(s.error(), Catch::Contains("injected " + failing));
        CHECK(seen.back() == failing);
        CHECK(openDescriptors() == before);  // the fsync() || close() leak is gone
        CHECK(strayFiles(dir.path(), "current").empty());
        // Only a failed final folder flush comes after the new file is in place.
        CHECK(readText(target) == (failing == "syncdir" ? "8\n" : "7\n"));
        if (failing == "syncdir") REQUIRE(core::writeFileAtomically(target, "7\n"));
    }
}

TEST_CASE("writers of one file in parallel never see a torn or foreign temporary", "[files]") {
    TempDir dir("atomic");
    const fs::path target = dir / "http_state.json";
    const std::string a(20000, 'a'), b(30000, 'b');
    std::atomic<int> failures{0};
    auto writer = [&](const std::string& data) {
        for (int i = 0; i < 40; ++i) {
            if (!core::writeFileAtomically(target, data)) ++failures;
        }
    };
    std::thread t1(writer, a), t2(writer, b);
    t1.join();
    t2.join();
    CHECK(failures == 0);  // a fixed ".tmp" name made one writer rename the other's half-written file
    const std::string last = readText(target);
    CHECK((last == a || last == b));
    CHECK(strayFiles(dir.path(), "http_state.json").empty());
}
