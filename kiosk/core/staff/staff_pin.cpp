// Staff PIN hashing and checking through libsodium's Argon2id (see staff_pin.hpp).
#include "core/staff/staff_pin.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>

namespace kiosk::core::staff {

bool isValidPin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<std::string> hashPin(std::string_view pin) {
    if (!isValidPin(pin)) return fail("a staff PIN is 4 to 12 digits (0-9)");
    if (sodium_init() < 0) return fail("libsodium cannot start (no random source?)");
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return fail("not enough memory to hash the PIN (Argon2id needs about 64 MiB)");
    }
    return std::string(out);
}

bool isPinHash(std::string_view hash) {
    return hash.rfind("$argon2id$", 0) == 0 && hash.size() < crypto_pwhash_STRBYTES;
}

bool verifyPin(const std::string& hash, std::string_view pin) {
    if (!isPinHash(hash) || !isValidPin(pin) || sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

double PinThrottle::delayAfter(int failures) {
    if (failures <= 0) return 0;
    return std::min(kMaxDelaySeconds, std::ldexp(1.0, std::min(failures - 1, 30)));
}

void PinThrottle::failed(double now) {
    ++failures_;
    lockedUntil_ = now + delayAfter(failures_);
}

}  // namespace kiosk::core::staff
