// The staff PIN of the on-screen staff mode: an Argon2id hash in the config (libsodium's
// crypto_pwhash_str), its check, and the growing delay after wrong tries.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kiosk::core::staff {

// 4 to 12 digits: what the keypad takes and a hash may be checked against (older
// configurations hold 4-digit PINs).
bool isValidPin(std::string_view pin);
// What `kiosk pin` asks for by default: 6 to 12 digits. A 4-digit PIN's hash falls to an
// offline guessing run in minutes on one core if the configuration leaks; 6 digits take
// 100 times longer, and the keypad's growing delay stops guessing at the screen.
inline constexpr std::size_t kDefaultMinPinDigits = 6;

// "$argon2id$v=19$m=...": the line for the config's "staff_pin_hash". Slow on purpose
// (Argon2id, libsodium's interactive limits: about 64 MiB and a fraction of a second).
// Error when the PIN is not valid or libsodium cannot run.
Result<std::string> hashPin(std::string_view pin);

// True when `hash` looks like a libsodium Argon2id string (checked when the config loads).
bool isPinHash(std::string_view hash);

// True when `pin` matches `hash`. Slow (same cost as hashPin): call it on a worker thread.
// Any thread.
bool verifyPin(const std::string& hash, std::string_view pin);

// Wrong tries make the next one wait: 1, 2, 4, 8... seconds, at most kMaxDelaySeconds,
// until the right PIN resets the count. Times are the caller's clock seconds.
class PinThrottle {
public:
    static constexpr double kMaxDelaySeconds = 300;
    void failed(double now);
    void succeeded() { failures_ = 0, lockedUntil_ = 0; }
    int failures() const { return failures_; }
    // Seconds until a new try is accepted (0: now).
    double waitSeconds(double now) const { return lockedUntil_ > now ? lockedUntil_ - now : 0; }
    // The delay after the n-th wrong try in a row (n >= 1).
    static double delayAfter(int failures);

private:
    int failures_ = 0;
    double lockedUntil_ = 0;
};

}  // namespace kiosk::core::staff
