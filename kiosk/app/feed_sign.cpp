// kiosk-feed keygen, sign and verify (see feed_sign.hpp). The cryptography is in
// core/signature.cpp (libsodium); this file reads files and passwords and prints.
#include "app/feed_sign.hpp"

#include <termios.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "core/clock.hpp"
#include "core/files.hpp"
#include "core/signature.hpp"

namespace kiosk::app {
namespace fs = std::filesystem;
using namespace kiosk::core;

namespace {

std::string defaultSecretKey() {
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.minisign/minisign.key";
}

// One line from the terminal without echo, or from standard input when it is a pipe
// (scripts: `printf '%s\n' "$PW" | kiosk-feed sign ...`), as minisign does.
std::string readPassword(const char* prompt) {
    const bool tty = isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::fprintf(stderr, "%s", prompt);
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

struct Keygen {
    std::string publicFile = "minisign.pub", secretFile = defaultSecretKey(), kdf = "sensitive";
    bool unencrypted = false, force = false;

    int run() const {
        if (!force && (fs::exists(publicFile) || fs::exists(secretFile))) {
            std::cerr << "kiosk-feed keygen: " << (fs::exists(secretFile) ? secretFile : publicFile)
                      << " already exists; give --force to replace it (the old key can no longer sign)\n";
            return 1;
        }
        std::optional<std::string> password;
        if (!unencrypted) {
            password = readPassword("Password for the new secret key: ");
            if (isatty(STDIN_FILENO) && readPassword("Password (again): ") != *password) {
                std::cerr << "kiosk-feed keygen: the passwords differ; nothing written\n";
                return 1;
            }
            if (password->empty()) {
                std::cerr << "kiosk-feed keygen: empty password; give --unencrypted for a key without one\n";
                return 2;
            }
        }
        const SecretKey key = generateSecretKey();
        auto secretText = formatSecretKeyFile(key, password,
                                              kdf == "interactive" ? KdfStrength::Interactive : KdfStrength::Sensitive);
        if (!secretText) {
            std::cerr << "kiosk-feed keygen: " << secretText.error() << "\n";
            return 1;
        }
        std::error_code ec;
        if (const fs::path dir = fs::path(secretFile).parent_path(); !dir.empty()) fs::create_directories(dir, ec);
        if (auto s = writeFileAtomically(secretFile, secretText.value()); !s) {
            std::cerr << "kiosk-feed keygen: " << s.error() << "\n";
            return 1;
        }
        fs::permissions(secretFile, fs::perms::owner_read | fs::perms::owner_write, ec);
        if (auto s = writeFileAtomically(publicFile, formatPublicKeyFile(key.publicKey())); !s) {
            std::cerr << "kiosk-feed keygen: " << s.error() << "\n";
            return 1;
        }
        std::cout << "secret key " << secretFile << (password ? " (encrypted)" : " (not encrypted)") << "\n"
                  << "public key " << publicFile << ": " << key.publicKey().base64() << "\n"
                  << "put the public key in each kiosk's configuration: \"feed_public_keys\": [\""
                  << key.publicKey().base64() << "\"]\n";
        return 0;
    }
};

Result<std::int64_t> manifestVersion(const std::string& manifestText) {
    try {
        const auto j = nlohmann::json::parse(manifestText);
        if (!j.contains("version") || !j["version"].is_number_integer()) return fail("manifest.json has no version");
        return j["version"].get<std::int64_t>();
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("manifest.json is not JSON: ") + e.what());
    }
}

struct Sign {
    std::string dir, secretFile = defaultSecretKey(), expires;
    int days = 30;

    int run() const {
        auto manifest = readFile(fs::path(dir) / "manifest.json", 4u << 20);
        if (!manifest) {
            std::cerr << "kiosk-feed sign: " << manifest.error() << " (run kiosk-feed build " << dir << " first)\n";
            return 1;
        }
        auto version = manifestVersion(manifest.value());
        if (!version) {
            std::cerr << "kiosk-feed sign: " << version.error() << "\n";
            return 1;
        }
        FeedClaims claims{version.value(), SystemClock().now() + std::chrono::hours(24) * days};
        if (!expires.empty()) {
            auto dt = parseDateTimeWithOffset(expires);
            if (!dt) {
                std::cerr << "kiosk-feed sign: --expires: expected a date-time with offset such as "
                             "2027-11-30T00:00:00Z, got \""
                          << expires << "\"\n";
                return 2;
            }
            claims.expires = dt->instant;
        }
        auto keyText = readFile(secretFile, 1 << 16);
        if (!keyText) {
            std::cerr << "kiosk-feed sign: " << keyText.error() << " (create a key with kiosk-feed keygen)\n";
            return 1;
        }
        auto encrypted = secretKeyFileIsEncrypted(keyText.value());
        if (!encrypted) {
            std::cerr << "kiosk-feed sign: " << secretFile << ": " << encrypted.error() << "\n";
            return 1;
        }
        const std::string password = encrypted.value() ? readPassword("Password for the secret key: ") : "";
        auto key = parseSecretKeyFile(keyText.value(), password);
        if (!key) {
            std::cerr << "kiosk-feed sign: " << secretFile << ": " << key.error() << "\n";
            return 1;
        }
        const Instant signedAt = SystemClock().now();
        const std::string sig = signMessage(key.value(), manifest.value(), formatFeedClaims(claims, signedAt));
        const fs::path out = fs::path(dir) / "manifest.json.minisig";
        if (auto s = writeFileAtomically(out, sig); !s) {
            std::cerr << "kiosk-feed sign: " << s.error() << "\n";
            return 1;
        }
        std::cout << "wrote " << out.string() << ": " << formatFeedClaims(claims, signedAt) << ", key "
                  << key.value().publicKey().idHex() << "\n";
        return 0;
    }
};

struct Verify {
    std::string dir;
    std::vector<std::string> keys;

    int run() const {
        std::vector<PublicKey> publicKeys;
        for (const std::string& k : keys) {
            auto text = fs::exists(k) ? readFile(k, 1 << 16) : Result<std::string>(k);
            auto key = text ? parsePublicKey(text.value()) : Result<PublicKey>(fail(text.error()));
            if (!key) {
                std::cerr << "kiosk-feed verify: " << k << ": " << key.error() << "\n";
                return 2;
            }
            publicKeys.push_back(key.value());
        }
        auto manifest = readFile(fs::path(dir) / "manifest.json", 4u << 20);
        auto sig = readFile(fs::path(dir) / "manifest.json.minisig", 1 << 16);
        if (!manifest || !sig) {
            std::cerr << "kiosk-feed verify: " << (!manifest ? manifest.error() : sig.error()) << "\n";
            return 1;
        }
        auto version = manifestVersion(manifest.value());
        if (!version) {
            std::cerr << "kiosk-feed verify: " << version.error() << "\n";
            return 1;
        }
        auto checked = verifyFeedManifest(manifest.value(), version.value(), sig.value(), publicKeys);
        if (!checked) {
            std::cerr << "kiosk-feed verify: " << checked.error() << "\n";
            return 1;
        }
        const auto& c = checked.value().claims;
        const bool expired = c.expires && *c.expires <= SystemClock().now();
        std::cout << "signature good: version " << c.version << ", key " << checked.value().key.idHex() << ", "
                  << (c.expires ? (expired ? "EXPIRED since " : "expires ") + formatIsoUtc(*c.expires)
                                : std::string("no expiry"))
                  << "\n";
        return expired ? 1 : 0;
    }
};

}  // namespace

void addSignCommands(CLI::App& app, std::optional<int>& exitCode) {
    auto keygen = std::make_shared<Keygen>();
    auto* kg = app.add_subcommand("keygen",
                                  "Create the staff's signing key pair, in minisign's format. The secret "
                                  "key is encrypted with a password read from the terminal (or one line "
                                  "of standard input).");
    kg->add_option("-p,--public", keygen->publicFile, "public key file to write (default: minisign.pub)");
    kg->add_option("-s,--secret", keygen->secretFile, "secret key file to write (default: ~/.minisign/minisign.key)");
    kg->add_flag("-W,--unencrypted", keygen->unencrypted, "do not encrypt the secret key (automation and tests only)");
    kg->add_option("--kdf", keygen->kdf, "password hashing cost: sensitive (minisign's, 1 GiB) or interactive (16 MiB)")
        ->check(CLI::IsMember({"sensitive", "interactive"}));
    kg->add_flag("-f,--force", keygen->force, "replace existing key files");
    kg->callback([keygen, &exitCode] { exitCode = keygen->run(); });

    auto sign = std::make_shared<Sign>();
    auto* sg = app.add_subcommand("sign",
                                  "Sign DIR/manifest.json into DIR/manifest.json.minisig; the trusted comment "
                                  "says the feed's version and when the signature expires. Run after build.");
    sg->add_option("DIR", sign->dir, "the feed folder (with its manifest.json)")->required();
    sg->add_option("-s,--secret", sign->secretFile, "secret key file (default: ~/.minisign/minisign.key)");
    sg->add_option("--expires", sign->expires, "expiry, e.g. 2027-11-30T00:00:00Z (default: in --days days)");
    sg->add_option("--days", sign->days, "days until the signature expires (default 30)")->check(CLI::Range(1, 3650));
    sg->callback([sign, &exitCode] { exitCode = sign->run(); });

    auto verify = std::make_shared<Verify>();
    auto* vf = app.add_subcommand("verify",
                                  "Check DIR/manifest.json.minisig as a kiosk would. Exit 1 when the "
                                  "signature is bad, by another key, or expired.");
    vf->add_option("DIR", verify->dir, "the feed folder")->required();
    vf->add_option("-P,--public-key", verify->keys, "public key (base64) or .pub file; may be given twice")->required();
    vf->callback([verify, &exitCode] { exitCode = verify->run(); });
}

}  // namespace kiosk::app
