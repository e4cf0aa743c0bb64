// Wiring of the live source (issue 11) for the App: the worker's settings from the
// configuration, and the record of drawn texts that `kiosk --texts FILE` keeps while the
// interactive kiosk runs (how the end-to-end tests see what a live edit changed).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/runtime.hpp"
#include "core/clock.hpp"
#include "core/import/live_service.hpp"

namespace kiosk::app {

// The live source worker merging `feedDir` with the configured live_source, started;
// null when none is configured or it cannot start (logged). `onPublished` runs on the
// worker (post to the inbox there). The worker keeps real time, whatever the UI's clock.
std::unique_ptr<core::import::LiveService> startLiveSource(const Runtime& rt, const std::string& feedDir,
                                                           std::function<void()> onPublished);

// After each drawn frame: writes the frame's texts to the file, one a line, when they
// differ from the last written (a temporary file renamed, so readers never see half).
class TextsRecord {
public:
    explicit TextsRecord(std::string path) : path_(std::move(path)) {}
    void afterFrame();

private:
    std::string path_, last_;
};

}  // namespace kiosk::app
