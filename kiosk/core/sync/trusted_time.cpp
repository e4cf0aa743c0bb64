// Trusted time floor and content age (see trusted_time.hpp).
#include "core/sync/trusted_time.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/files.hpp"

namespace kiosk::core::sync {

TrustedTime::TrustedTime(std::filesystem::path file, TrustedTimePolicy policy)
    : file_(std::move(file)), policy_(policy) {
    auto text = readFile(file_, 256);
    if (!text) return;
    std::string s = text.value();
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    if (auto dt = parseDateTimeWithOffset(s)) seconds_ = dt->instant.time_since_epoch().count();
}

TimeEvidence TrustedTime::accept(Instant evidence, Instant systemNow) {
    std::lock_guard lock(writeMutex_);
    TimeEvidence out;
    const long long cur = seconds_.load();
    // The step is measured from the newer of the floor and the system clock: with a right
    // clock the floor never runs more than maxStep ahead of it on one answer.
    const long long base = std::max<long long>(cur, systemNow.time_since_epoch().count());
    const long long cap = base + policy_.maxStep.count();
    long long target = static_cast<long long>(evidence.time_since_epoch().count());
    if (target > base + policy_.maxAhead.count()) {
        out.ignored = true;
        out.floor = Instant(std::chrono::seconds(cur));
        return out;
    }
    if (target > cap) {
        target = cap;
        out.capped = true;
    }
    if (target > cur) {
        seconds_.store(target);
        out.moved = true;
    }
    out.floor = Instant(std::chrono::seconds(std::max<long long>(target, cur)));
    return out;
}

TimeEvidence TrustedTime::acceptVerifiedDate(Instant serverDate, Instant systemNow) {
    return accept(serverDate, systemNow);
}

TimeEvidence TrustedTime::acceptSigned(Instant published, Instant systemNow) { return accept(published, systemNow); }

void TrustedTime::raiseTo(Instant t) {
    std::lock_guard lock(writeMutex_);
    const long long v = t.time_since_epoch().count();
    if (v > seconds_.load()) seconds_.store(v);
}

Status TrustedTime::reset() {
    std::lock_guard lock(writeMutex_);
    seconds_.store(0);
    if (::unlink(file_.c_str()) != 0 && errno != ENOENT) {
        return fail("cannot remove " + file_.string() + ": " + std::strerror(errno));
    }
    return syncDirectory(file_.has_parent_path() ? file_.parent_path() : std::filesystem::path("."));
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

const Clock& uncorrected(const Clock& clock) {
    if (const auto* t = dynamic_cast<const TrustedClock*>(&clock)) return uncorrected(t->base());
    return clock;
}

ContentAge contentAge(const Manifest& manifest, std::optional<Instant> lastSuccess, Instant now,
                      std::chrono::seconds staleAfter) {
    ContentAge age;
    age.asOf = lastSuccess && *lastSuccess > manifest.published.instant ? *lastSuccess : manifest.published.instant;
    age.old = now - age.asOf > staleAfter;
    return age;
}

}  // namespace kiosk::core::sync
