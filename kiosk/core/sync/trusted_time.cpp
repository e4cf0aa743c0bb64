// Trusted time floor and content age (see trusted_time.hpp).
#include "core/sync/trusted_time.hpp"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/files.hpp"

namespace kiosk::core::sync {
namespace {
constexpr long long kDay = 24 * 3600;

long long secondsOf(Instant t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}
Instant instantOf(long long s) { return Instant(std::chrono::seconds(s)); }

std::optional<long long> readInstant(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    const auto dt = parseDateTimeWithOffset(it->get<std::string>());
    if (!dt) return std::nullopt;
    return secondsOf(dt->instant);
}
}  // namespace

std::filesystem::path trustedTimeFile(const std::filesystem::path& stateDir) { return stateDir / "trusted_time"; }

TrustedTime::TrustedTime(std::filesystem::path file, TrustedTimePolicy policy)
    : file_(std::move(file)), policy_(policy) {
    auto text = readFile(file_, 4096);
    if (!text) return;
    std::string s = text.value();
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    if (s.empty() || s.front() != '{') {  // an older kiosk's file: the instant alone
        if (auto dt = parseDateTimeWithOffset(s)) seconds_ = secondsOf(dt->instant);
        return;
    }
    try {
        const auto j = nlohmann::json::parse(s);
        const auto floor = readInstant(j, "trusted_time");
        if (!floor) return;
        seconds_ = *floor;
        if (j.contains("source") && j["source"].is_string()) source_ = j["source"].get<std::string>();
        setAt_ = readInstant(j, "set_at");
        anchor_ = readInstant(j, "anchor");
    } catch (const nlohmann::json::exception&) {
        // unreadable: nothing known, like a missing file
    }
}

const TrustedTime::Observation* TrustedTime::agreeing(const std::string& source, long long offset) const {
    for (const Observation& o : observations_) {
        if (o.source != source && std::llabs(o.offset - offset) <= policy_.agreeWithin.count()) return &o;
    }
    return nullptr;
}

TimeEvidence TrustedTime::accept(const std::string& source, Instant evidence, Instant systemNow) {
    std::lock_guard lock(mutex_);
    TimeEvidence out;
    const long long cur = seconds_.load();
    const long long sys = secondsOf(systemNow), ev = secondsOf(evidence);
    out.floor = instantOf(cur);
    // A system clock that went back (a reboot without a battery clock) is counted from now.
    if (!anchor_ || sys < *anchor_) anchor_ = sys;
    const long long elapsed = sys - *anchor_;
    // The floor carried forward by the time that has passed since it was set: real time
    // is at least that, whatever the system clock says.
    const long long running = cur ? cur + elapsed : 0;
    if (ev > std::max(running, sys) + policy_.maxAhead.count()) {
        out.ignored = true;
        return out;
    }
    // Offsets from the system clock cancel the time between two answers, so answers from
    // different sources minutes apart can be compared; a clock that jumped voids them.
    const long long offset = ev - sys;
    std::erase_if(observations_,
                  [&](const Observation& o) { return o.at > sys || sys - o.at > policy_.agreementWindow.count(); });
    long long limit = 0;
    std::string by = source;
    if (const Observation* other = agreeing(source, offset)) {
        limit = sys + std::min(offset, other->offset);  // the earlier of the two claims
        by = other->source + " and " + source;
        out.agreed = true;
    } else {
        const long long gain = policy_.gainPerDay.count() * std::min(elapsed, kDay) / kDay;
        limit = std::max(cur ? running + gain : 0, sys + policy_.slack.count());
    }
    std::erase_if(observations_, [&](const Observation& o) { return o.source == source; });
    observations_.push_back({source, offset, sys});
    long long target = ev;
    if (target > limit) {
        target = limit;
        out.capped = true;
    }
    if (target > cur) {
        seconds_.store(target);
        source_ = by;
        setAt_ = sys;
        anchor_ = sys;
        out.moved = true;
        out.floor = instantOf(target);
    }
    return out;
}

TimeEvidence TrustedTime::acceptVerifiedDate(const std::string& origin, Instant serverDate, Instant systemNow) {
    return accept(origin, serverDate, systemNow);
}

TimeEvidence TrustedTime::acceptSigned(Instant signedAt, Instant systemNow) {
    return accept("signed feed", signedAt, systemNow);
}

void TrustedTime::raiseTo(Instant t) {
    std::lock_guard lock(mutex_);
    const long long v = secondsOf(t);
    if (v <= seconds_.load()) return;
    seconds_.store(v);
    source_ = "a staff tool";
    setAt_.reset();
    anchor_.reset();  // measured from the next evidence's system clock
}

Status TrustedTime::reset() {
    std::lock_guard lock(mutex_);
    seconds_.store(0);
    source_.clear();
    setAt_.reset();
    anchor_.reset();
    observations_.clear();
    if (::unlink(file_.c_str()) != 0 && errno != ENOENT) {
        return fail("cannot remove " + file_.string() + ": " + std::strerror(errno));
    }
    return syncDirectory(file_.has_parent_path() ? file_.parent_path() : std::filesystem::path("."));
}

std::optional<Instant> TrustedTime::value() const {
    const long long v = seconds_.load();
    if (v == 0) return std::nullopt;
    return instantOf(v);
}

TrustedTimeRecord TrustedTime::record() const {
    std::lock_guard lock(mutex_);
    TrustedTimeRecord r;
    r.value = value();
    if (!r.value) return r;
    r.source = source_;
    if (setAt_) r.setAt = instantOf(*setAt_);
    return r;
}

Instant TrustedTime::correct(Instant systemNow) const {
    const auto floor = value();
    return floor && *floor > systemNow ? *floor : systemNow;
}

Status TrustedTime::save() const {
    std::lock_guard lock(mutex_);
    const auto v = value();
    if (!v) return Ok{};
    nlohmann::json j{{"trusted_time", formatIsoUtc(*v)}, {"source", source_}};
    if (setAt_) j["set_at"] = formatIsoUtc(instantOf(*setAt_));
    if (anchor_) j["anchor"] = formatIsoUtc(instantOf(*anchor_));
    return writeFileAtomically(file_, j.dump() + "\n");
}

std::optional<std::chrono::seconds> aheadOfSystemClock(std::optional<Instant> floor, Instant systemNow) {
    if (!floor) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::seconds>(*floor - systemNow);
}

bool farAheadOfSystemClock(std::optional<Instant> floor, Instant systemNow) {
    const auto ahead = aheadOfSystemClock(floor, systemNow);
    return ahead && *ahead > kFarAheadOfSystemClock;
}

std::string formatLead(std::chrono::seconds lead) {
    const long long s = std::llabs(lead.count());
    if (s >= 2 * kDay) return std::to_string(s / kDay) + " days";
    if (s >= 3600) return std::to_string(s / 3600) + " h";
    return std::to_string(s / 60) + " min";
}

std::string describeTrustedTime(const TrustedTimeRecord& r, Instant systemNow) {
    if (!r.value) return "none (the system clock is used)";
    std::string out = formatIsoUtc(*r.value) + " from " + (r.source.empty() ? "(source not recorded)" : r.source);
    const auto ahead = *aheadOfSystemClock(r.value, systemNow);
    if (ahead.count() <= 0) return out + " (the system clock is later: not in use)";
    out += " (ahead of the system clock by " + formatLead(ahead) + ")";
    if (farAheadOfSystemClock(r.value, systemNow)) out += "; WARNING: if that date is wrong, run kiosk --reset-time";
    return out;
}

const Clock& uncorrected(const Clock& clock) {
    if (const auto* t = dynamic_cast<const TrustedClock*>(&clock)) return uncorrected(t->base());
    if (const auto* k = dynamic_cast<const KioskClock*>(&clock)) return k->uncorrected();
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
