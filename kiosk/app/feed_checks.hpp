// `kiosk-feed validate` and `build` as staff need them (issue 11): an out-of-date manifest
// is a note, items named by id or title, JSON syntax errors in plain words without a
// cascade, unknown rooms and access values as errors, French or English after LANG,
// only used files published, `build --after URL`; and `kiosk-feed diff OLD NEW`.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace kiosk::app {

// Takes over the app's existing "validate" and "build" subcommands (adds --after to
// build). After parsing, the returned function runs the chosen one and returns nullopt
// when neither was chosen.
std::function<std::optional<int>()> addStaffChecks(CLI::App& app);
std::function<std::optional<int>()> addDiffCommand(CLI::App& app);

// `kiosk-feed build DIR [--after URL]`: validates, writes the manifest with a version above
// `floor` and above the one published at `after`, prints what it did (and a warning when an
// earlier signature no longer fits). 0 written or unchanged, 1 errors.
int buildFolder(const std::string& dir, const std::string& after, std::int64_t floor = 0);

}  // namespace kiosk::app
