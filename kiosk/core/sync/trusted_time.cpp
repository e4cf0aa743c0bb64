// Trusted time floor and content age (see trusted_time.hpp).
#include "core/sync/trusted_time.hpp"

#include "core/files.hpp"

namespace kiosk::core::sync {

TrustedTime::TrustedTime(std::filesystem::path file) : file_(std::move(file)) {
    auto text = readFile(file_, 256);
    if (!text) return;
    std::string s = text.value();
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    if (auto dt = parseDateTimeWithOffset(s)) seconds_ = dt->instant.time_since_epoch().count();
}

bool TrustedTime::observe(Instant t) {
    const long long v = t.time_since_epoch().count();
    long long cur = seconds_.load();
    while (v > cur) {
        if (seconds_.compare_exchange_weak(cur, v)) return true;
    }
    return false;
}

std::optional<Instant> TrustedTime::value() const {
    const long long v = seconds_.load();
    if (v == 0) return std::nullopt;
    return Instant(std::chrono::seconds(v));
}

Instant TrustedTime::correct(Instant systemNow) const {
    const auto floor = value();
    return floor && *floor > systemNow ? *floor : systemNow;
}

Status TrustedTime::save() const {
    const auto v = value();
    if (!v) return Ok{};
    return writeFileAtomically(file_, formatIsoUtc(*v) + "\n");
}

ContentAge contentAge(const Manifest& manifest, std::optional<Instant> lastSuccess, Instant now,
                      std::chrono::seconds staleAfter) {
    ContentAge age;
    age.asOf = lastSuccess && *lastSuccess > manifest.published.instant ? *lastSuccess : manifest.published.instant;
    age.old = now - age.asOf > staleAfter;
    return age;
}

}  // namespace kiosk::core::sync
