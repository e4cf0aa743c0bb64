// Prometheus metrics in node_exporter's textfile-collector format (docs/supervision.md),
// rewritten atomically so the collector never reads half a file.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.hpp"
#include "core/supervision/health.hpp"

namespace kiosk::core::supervision {

// Text exposition format 0.0.4: # HELP / # TYPE lines, kiosk_* gauges and counters, every
// sample labelled with kiosk="<id>". Pure; any thread.
std::string renderMetrics(const KioskHealth& health);

// Threads: call from one thread at a time (the app calls it about every 15 s; the write
// is a small file but it is fsynced, so not on every frame). Errors say which file and why.
class MetricsWriter {
public:
    explicit MetricsWriter(std::filesystem::path file) : file_(std::move(file)) {}
    // Writes <file>.tmp, fsyncs and renames it over <file> (node_exporter skips *.tmp).
    Status write(const KioskHealth& health);
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
};

}  // namespace kiosk::core::supervision
