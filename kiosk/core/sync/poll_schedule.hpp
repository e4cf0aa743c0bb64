// When to ask the feed again: the configured interval with jitter after a success,
// exponential backoff with jitter after failures, and a server's Retry-After honoured.
#pragma once

#include <cstdint>
#include <optional>
#include <random>

namespace kiosk::core::sync {

struct PollPolicy {
    double intervalSeconds = 300;            // between polls when all is well
    double jitterFraction = 0.1;             // +/- this share of the interval, so kiosks spread out
    double firstBackoffSeconds = 10;         // after the first failure
    double maxBackoffSeconds = 1800;         // backoff ceiling
    double maxRetryAfterSeconds = 6 * 3600;  // a larger Retry-After is capped here
};

// Not thread-safe: owned by the sync worker. Deterministic for a given seed (tests).
class PollSchedule {
public:
    explicit PollSchedule(PollPolicy policy, std::uint64_t seed = std::random_device{}());

    // Seconds to wait before the next attempt, given how this one ended.
    double afterSuccess();
    double afterFailure(std::optional<long> retryAfterSeconds = std::nullopt);
    int consecutiveFailures() const { return failures_; }
    const PollPolicy& policy() const { return policy_; }

private:
    double uniform(double lo, double hi);

    PollPolicy policy_;
    std::mt19937_64 rng_;
    int failures_ = 0;
};

}  // namespace kiosk::core::sync
