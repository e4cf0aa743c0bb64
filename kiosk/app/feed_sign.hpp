// kiosk-feed keygen / sign / verify: the staff's signing key and the feed's signature,
// in minisign's formats so that minisign and kiosk-feed keys and signatures mix freely.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <optional>
#include <string>

namespace kiosk::app {

inline std::string defaultSecretKeyFile() {
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.minisign/minisign.key";
}

// What `kiosk-feed sign` (and publish) need. `days` 0: the default expiry, 30 days after
// the event's last day (event.json's end_date) and at least 30 days from now.
struct SignRequest {
    std::string dir, secretFile = defaultSecretKeyFile(), expires;
    int days = 0;
};
// Signs DIR/manifest.json, printing what it wrote (0) or why not (1; 2 bad arguments).
int signFeed(const SignRequest& request);

// "manifest.json.minisig signs version 4 but the manifest is version 5: ... run kiosk-feed
// sign DIR" when a build came after the signature; empty when none or it fits.
std::string staleSignatureWarning(const std::string& dir);

// Adds the three subcommands to `app`; after parsing, `exitCode` holds the exit code of
// the one that ran (0 done, 1 failed with the cause printed, 2 unusable arguments).
void addSignCommands(CLI::App& app, std::optional<int>& exitCode);

}  // namespace kiosk::app
