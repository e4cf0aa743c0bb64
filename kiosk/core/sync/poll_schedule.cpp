// Poll interval, backoff and Retry-After arithmetic (see poll_schedule.hpp).
#include "core/sync/poll_schedule.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::core::sync {

PollSchedule::PollSchedule(PollPolicy policy, std::uint64_t seed) : policy_(policy), rng_(seed) {}

double PollSchedule::uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }

double PollSchedule::afterSuccess() {
    failures_ = 0;
    const double j = std::clamp(policy_.jitterFraction, 0.0, 0.5);
    return policy_.intervalSeconds * uniform(1.0 - j, 1.0 + j);
}

double PollSchedule::afterFailure(std::optional<long> retryAfterSeconds) {
    ++failures_;
    const double exp = std::min(30, failures_ - 1);
    const double ceiling = std::min(policy_.maxBackoffSeconds, policy_.firstBackoffSeconds * std::pow(2.0, exp));
    double delay = uniform(ceiling / 2, ceiling);  // "equal jitter": never hammer, never all at once
    if (retryAfterSeconds && *retryAfterSeconds > 0) {
        delay = std::max(delay, std::min(static_cast<double>(*retryAfterSeconds), policy_.maxRetryAfterSeconds));
    }
    return delay;
}

}  // namespace kiosk::core::sync
