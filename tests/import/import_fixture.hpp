// Shared by the importer tests: reading a file of tests/data/import and finding items.
#pragma once

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/import/importer.hpp"

namespace kiosk::test {

inline std::string importData(const std::string& name) {
    std::ifstream in(std::string(KIOSK_TEST_DATA) + "/import/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A folder of its own under /tmp, removed with everything in it at the end of the test.
struct TempFolder {
    std::filesystem::path path;
    TempFolder() {
        path = std::filesystem::temp_directory_path() /
               ("kiosk-import-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
        std::filesystem::create_directories(path);
    }
    ~TempFolder() { std::filesystem::remove_all(path); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};

inline const core::Session* sessionById(const core::import::Imported& in, const std::string& id) {
    for (const auto& s : in.sessions) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

inline const core::Session* sessionTitled(const core::import::Imported& in, const std::string& title) {
    for (const auto& s : in.sessions) {
        if (s.title.str(core::Lang::Fr) == title) return &s;
    }
    return nullptr;
}

inline bool hasDiagnostic(const core::import::Imported& in, const std::string& pathPart, const std::string& textPart) {
    for (const auto& d : in.diagnostics.all()) {
        if (d.path.find(pathPart) != std::string::npos && d.message.find(textPart) != std::string::npos) return true;
    }
    return false;
}

inline std::string iso(const core::DateTime& t) {
    auto tz = core::TimeZone::locate("Europe/Paris");
    return core::formatIsoLocal(t.instant, tz.value());
}

}  // namespace kiosk::test
