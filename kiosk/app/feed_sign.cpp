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
#include <regex>

#include "app/feed_text.hpp"
#include "core/clock.hpp"
#include "core/files.hpp"
#include "core/json_parse.hpp"
#include "core/limits.hpp"
#include "core/signature.hpp"

namespace kiosk::app {
namespace fs = std::filesystem;
using namespace kiosk::core;

namespace {

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
    std::string publicFile = "minisign.pub", secretFile = defaultSecretKeyFile(), kdf = "sensitive";
    bool unencrypted = false, force = false;

    int run() const {
        if (!force && (fs::exists(publicFile) || fs::exists(secretFile))) {
            std::cerr << "kiosk-feed keygen: " << (fs::exists(secretFile) ? secretFile : publicFile)
                      << tr(" existe déjà ; donnez --force pour le remplacer (l'ancienne clé ne pourra plus signer)\n",
                            " already exists; give --force to replace it (the old key can no longer sign)\n");
            return 1;
        }
        std::optional<std::string> password;
        if (!unencrypted) {
            password = readPassword(
                tr("Mot de passe de la nouvelle clé secrète : ", "Password for the new secret key: ").c_str());
            if (isatty(STDIN_FILENO) &&
                readPassword(tr("Mot de passe (encore) : ", "Password (again): ").c_str()) != *password) {
                std::cerr << "kiosk-feed keygen: "
                          << tr("les mots de passe diffèrent ; rien n'est écrit\n",
                                "the passwords differ; nothing written\n");
                return 1;
            }
            if (password->empty()) {
                std::cerr << "kiosk-feed keygen: "
                          << tr("mot de passe vide ; donnez --unencrypted pour une clé sans mot de passe\n",
                                "empty password; give --unencrypted for a key without one\n");
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
        std::cout << tr("clé secrète ", "secret key ") << secretFile
                  << (password ? tr(" (chiffrée)", " (encrypted)") : tr(" (non chiffrée)", " (not encrypted)")) << "\n"
                  << tr("clé publique ", "public key ") << publicFile << ": " << key.publicKey().base64() << "\n"
                  << tr("mettez la clé publique dans la configuration de chaque borne : \"feed_public_keys\": [\"",
                        "put the public key in each kiosk's configuration: \"feed_public_keys\": [\"")
                  << key.publicKey().base64() << "\"]\n";
        return 0;
    }
};

Result<std::int64_t> manifestVersion(const std::string& manifestText) {
    auto doc = parseJsonChecked(manifestText);
    if (!doc) return fail("manifest.json: " + doc.error());
    const auto& j = doc.value();
    if (!j.is_object() || !j.contains("version") || !j["version"].is_number_integer() ||
        !isFeedVersion(j["version"].get<std::int64_t>())) {
        return fail(tr("manifest.json : la version doit être un nombre entier de 1 à ",
                       "manifest.json: the version must be a whole number from 1 to ") +
                    std::to_string(kMaxFeedVersion) + tr(" (lancez kiosk-feed build)", " (run kiosk-feed build)"));
    }
    return j["version"].get<std::int64_t>();
}

// The end of the event's last day (event.json's end_date, read as UTC midnight of the next
// day: a few hours of margin at most), or nullopt when the folder has no readable dates.
std::optional<Instant> eventEnd(const fs::path& dir) {
    auto text = readFile(dir / "event.json", 1u << 20);
    if (!text) return std::nullopt;
    auto parsed = parseJsonChecked(text.value());
    if (!parsed) return std::nullopt;
    const auto& doc = parsed.value();
    if (!doc.is_object() || !doc.contains("end_date") || !doc["end_date"].is_string()) return std::nullopt;
    auto day = parseDateTimeWithOffset(doc["end_date"].get<std::string>() + "T00:00:00Z");
    if (!day) return std::nullopt;
    return day->instant + std::chrono::hours(24);
}

// Why a feed folder's signature does not fit its manifest, in the staff's language with
// what to run; empty when there is no signature or it is for this manifest's version.
std::string signatureMismatch(const fs::path& dir, std::int64_t manifestVersion) {
    auto text = readFile(dir / "manifest.json.minisig", 1 << 16);
    if (!text) return "";
    auto sig = parseSignatureFile(text.value());
    auto claims = sig ? parseFeedClaims(sig.value().trustedComment) : Result<FeedClaims>(fail("unreadable"));
    if (claims && claims.value().version == manifestVersion) return "";
    const std::string signedVersion = claims ? std::to_string(claims.value().version) : "?";
    return tr("manifest.json.minisig signe la version ", "manifest.json.minisig signs version ") + signedVersion +
           tr(" mais le manifeste est en version ", " but the manifest is version ") + std::to_string(manifestVersion) +
           tr(" : la signature doit être refaite : lancez kiosk-feed sign ",
              ": the signature must be redone: run kiosk-feed sign ") +
           dir.string();
}

// The hint after a failed verify: what the staff member runs next.
std::string verifyHint(const std::string& error, const std::string& dir) {
    auto has = [&](const char* s) { return error.find(s) != std::string::npos; };
    if (has("signed with key")) {
        return tr("signez avec la clé dont les bornes ont la clé publique, ou donnez la bonne clé avec -P",
                  "sign with the key whose public key the kiosks have, or give the right key with -P");
    }
    if (has("bad signature") || has("the signature is for version")) {
        return tr("le manifeste a changé depuis la signature (un build après sign ?) : lancez kiosk-feed sign ",
                  "the manifest changed since it was signed (a build after sign?): run kiosk-feed sign ") +
               dir;
    }
    return tr("lancez kiosk-feed sign ", "run kiosk-feed sign ") + dir;
}

// The signature error in French: the few messages core/signature.cpp writes.
std::string signatureError(const std::string& error) {
    if (!frenchMessages()) return error;
    std::smatch m;
    static const std::regex other(R"(signed with key (\S+), which is not one of this kiosk's keys \((.*)\))");
    if (std::regex_search(error, m, other)) {
        return "signé par la clé " + m[1].str() + ", qui n'est pas une des clés données (" + m[2].str() + ")";
    }
    static const std::regex bad(R"(bad signature: the manifest is not the one key (\S+) signed)");
    if (std::regex_search(error, m, bad)) {
        return "signature invalide : ce manifeste n'est pas celui que la clé " + m[1].str() + " a signé";
    }
    if (error.find("the trusted comment was changed") != std::string::npos) {
        return "signature invalide : le commentaire de confiance a été modifié après la signature";
    }
    static const std::regex version(R"(the signature is for version (\d+) but the manifest says version (\d+))");
    if (std::regex_search(error, m, version)) {
        return "la signature est celle de la version " + m[1].str() + " mais le manifeste est en version " + m[2].str();
    }
    return coreMessage(error);
}

}  // namespace

std::string staleSignatureWarning(const std::string& dir) {
    auto manifest = readFile(fs::path(dir) / "manifest.json", 4u << 20);
    if (!manifest) return "";
    auto version = manifestVersion(manifest.value());
    if (!version) return "";
    return signatureMismatch(dir, version.value());
}

int signFeed(const SignRequest& r) {
    const std::string who = "kiosk-feed sign: ";
    auto manifest = readFile(fs::path(r.dir) / "manifest.json", 4u << 20);
    if (!manifest) {
        std::cerr << who << coreMessage(manifest.error())
                  << tr(" (lancez d'abord kiosk-feed build ", " (run kiosk-feed build ") << r.dir
                  << tr(")\n", " first)\n");
        return 1;
    }
    auto version = manifestVersion(manifest.value());
    if (!version) {
        std::cerr << who << version.error() << "\n";
        return 1;
    }
    const Instant now = SystemClock().now();
    // Default: 30 days, or until 30 days after the event's last day when that is later, so
    // a feed signed months ahead still verifies during the event.
    FeedClaims claims{version.value(), now + std::chrono::hours(24) * (r.days > 0 ? r.days : 30)};
    std::string why = r.days > 0 ? "--days" : tr("dans 30 jours", "in 30 days");
    if (r.days == 0) {
        if (const auto end = eventEnd(r.dir); end && *end + std::chrono::hours(24) * 30 > *claims.expires) {
            claims.expires = *end + std::chrono::hours(24) * 30;
            why = tr("30 jours après le dernier jour de l'événement", "30 days after the event's last day");
        }
    }
    if (!r.expires.empty()) {
        auto dt = parseDateTimeWithOffset(r.expires);
        if (!dt) {
            std::cerr << who
                      << tr("--expires : attendu une date et heure avec décalage comme 2027-11-30T00:00:00Z, reçu \"",
                            "--expires: expected a date-time with offset such as 2027-11-30T00:00:00Z, got \"")
                      << r.expires << "\"\n";
            return 2;
        }
        claims.expires = dt->instant;
        why = "--expires";
    }
    if (*claims.expires <= now) {
        std::cerr << who << tr("l'expiration ", "the expiry ") << formatIsoUtc(*claims.expires)
                  << tr(" est déjà passée : aucune borne n'accepterait ce flux\n",
                        " has already passed: no kiosk would accept this feed\n");
        return 2;
    }
    auto keyText = readFile(r.secretFile, 1 << 16);
    if (!keyText) {
        std::cerr << who << coreMessage(keyText.error())
                  << tr(" (créez une clé avec kiosk-feed keygen)\n", " (create a key with kiosk-feed keygen)\n");
        return 1;
    }
    auto encrypted = secretKeyFileIsEncrypted(keyText.value());
    if (!encrypted) {
        std::cerr << who << r.secretFile << ": " << encrypted.error() << "\n";
        return 1;
    }
    const std::string password =
        encrypted.value()
            ? readPassword(tr("Mot de passe de la clé secrète : ", "Password for the secret key: ").c_str())
            : "";
    auto key = parseSecretKeyFile(keyText.value(), password);
    if (!key) {
        std::cerr << who << r.secretFile << ": " << coreMessage(key.error()) << "\n";
        return 1;
    }
    const std::string sig = signMessage(key.value(), manifest.value(), formatFeedClaims(claims, now));
    const fs::path out = fs::path(r.dir) / "manifest.json.minisig";
    if (auto s = writeFileAtomically(out, sig); !s) {
        std::cerr << who << s.error() << "\n";
        return 1;
    }
    std::cout << tr("écrit ", "wrote ") << out.string() << tr(" : version ", ": version ") << claims.version
              << tr(", expire le ", ", expires ") << formatIsoUtc(*claims.expires) << " (" << why << ")"
              << tr(", clé ", ", key ") << key.value().publicKey().idHex() << "\n";
    return 0;
}

namespace {

struct Verify {
    std::string dir;
    std::vector<std::string> keys;

    int run() const {
        const std::string who = "kiosk-feed verify: ";
        std::vector<PublicKey> publicKeys;
        for (const std::string& k : keys) {
            auto text = fs::exists(k) ? readFile(k, 1 << 16) : Result<std::string>(k);
            auto key = text ? parsePublicKey(text.value()) : Result<PublicKey>(fail(text.error()));
            if (!key) {
                std::cerr << who << k << ": " << coreMessage(key.error()) << "\n";
                return 2;
            }
            publicKeys.push_back(key.value());
        }
        auto manifest = readFile(fs::path(dir) / "manifest.json", 4u << 20);
        if (!manifest) {
            std::cerr << who << coreMessage(manifest.error())
                      << tr(" : lancez kiosk-feed build ", ": run kiosk-feed build ") << dir
                      << tr(" puis kiosk-feed sign ", " then kiosk-feed sign ") << dir << "\n";
            return 1;
        }
        auto sig = readFile(fs::path(dir) / "manifest.json.minisig", 1 << 16);
        if (!sig) {
            std::cerr << who
                      << tr("pas de signature (manifest.json.minisig absent) : lancez kiosk-feed sign ",
                            "no signature (manifest.json.minisig is missing): run kiosk-feed sign ")
                      << dir << "\n";
            return 1;
        }
        auto version = manifestVersion(manifest.value());
        if (!version) {
            std::cerr << who << version.error() << "\n";
            return 1;
        }
        auto checked = verifyFeedManifest(manifest.value(), version.value(), sig.value(), publicKeys);
        if (!checked) {
            std::cerr << who << signatureError(checked.error()) << "\n"
                      << "  " << verifyHint(checked.error(), dir) << "\n";
            return 1;
        }
        const auto& c = checked.value().claims;
        const bool expired = c.expires && *c.expires <= SystemClock().now();
        std::cout << tr("signature bonne : version ", "signature good: version ") << c.version << tr(", clé ", ", key ")
                  << checked.value().key.idHex() << ", "
                  << (c.expires
                          ? (expired ? tr("EXPIRÉE depuis le ", "EXPIRED since ") : tr("expire le ", "expires ")) +
                                formatIsoUtc(*c.expires)
                          : tr("sans expiration", "no expiry"))
                  << "\n";
        if (expired) {
            std::cerr << "  "
                      << tr("les bornes refusent ce flux : signez-le à nouveau avec kiosk-feed sign ",
                            "kiosks refuse this feed: sign it again with kiosk-feed sign ")
                      << dir << "\n";
        }
        return expired ? 1 : 0;
    }
};

}  // namespace

void addSignCommands(CLI::App& app, std::optional<int>& exitCode) {
    auto keygen = std::make_shared<Keygen>();
    auto* kg = app.add_subcommand(
        "keygen", tr("Crée la paire de clés de signature de l'équipe, au format de minisign. La clé secrète est "
                     "chiffrée avec un mot de passe lu au terminal (ou une ligne de l'entrée standard).",
                     "Create the staff's signing key pair, in minisign's format. The secret key is encrypted with a "
                     "password read from the terminal (or one line of standard input)."));
    kg->add_option("-p,--public", keygen->publicFile,
                   tr("fichier de clé publique à écrire (par défaut : minisign.pub)",
                      "public key file to write (default: minisign.pub)"));
    kg->add_option("-s,--secret", keygen->secretFile,
                   tr("fichier de clé secrète à écrire (par défaut : ~/.minisign/minisign.key)",
                      "secret key file to write (default: ~/.minisign/minisign.key)"));
    kg->add_flag("-W,--unencrypted", keygen->unencrypted,
                 tr("ne pas chiffrer la clé secrète (automatisation et tests seulement)",
                    "do not encrypt the secret key (automation and tests only)"));
    kg->add_option("--kdf", keygen->kdf,
                   tr("coût du hachage du mot de passe : sensitive (celui de minisign, 1 Gio) ou interactive (16 Mio)",
                      "password hashing cost: sensitive (minisign's, 1 GiB) or interactive (16 MiB)"))
        ->check(CLI::IsMember({"sensitive", "interactive"}));
    kg->add_flag("-f,--force", keygen->force,
                 tr("remplacer les fichiers de clé existants", "replace existing key files"));
    kg->callback([keygen, &exitCode] { exitCode = keygen->run(); });

    auto sign = std::make_shared<SignRequest>();
    auto* sg = app.add_subcommand(
        "sign", tr("Signe DIR/manifest.json dans DIR/manifest.json.minisig ; le commentaire de confiance donne la "
                   "version du flux et la date d'expiration de la signature. À lancer après build (un nouveau build "
                   "demande une nouvelle signature).",
                   "Sign DIR/manifest.json into DIR/manifest.json.minisig; the trusted comment says the feed's "
                   "version and when the signature expires. Run after build (a new build needs a new signature)."));
    sg->add_option("DIR", sign->dir,
                   tr("le dossier du flux (avec son manifest.json)", "the feed folder (with its manifest.json)"))
        ->required();
    sg->add_option("-s,--secret", sign->secretFile,
                   tr("fichier de la clé secrète (par défaut : ~/.minisign/minisign.key)",
                      "secret key file (default: ~/.minisign/minisign.key)"));
    sg->add_option("--expires", sign->expires,
                   tr("expiration, par ex. 2027-11-30T00:00:00Z", "expiry, e.g. 2027-11-30T00:00:00Z"));
    sg->add_option("--days", sign->days,
                   tr("jours avant l'expiration (par défaut : 30 jours après le dernier jour de l'événement, et au "
                      "moins 30 jours)",
                      "days until the signature expires (default: 30 days after the event's last day, and at "
                      "least 30 days)"))
        ->check(CLI::Range(1, 3650));
    sg->callback([sign, &exitCode] { exitCode = signFeed(*sign); });

    auto verify = std::make_shared<Verify>();
    auto* vf = app.add_subcommand(
        "verify", tr("Vérifie DIR/manifest.json.minisig comme une borne le ferait, et dit quoi lancer sinon. Code de "
                     "sortie 1 quand la signature est mauvaise, d'une autre clé, périmée ou absente.",
                     "Check DIR/manifest.json.minisig as a kiosk would, and say what to run when it fails. Exit 1 "
                     "when the signature is bad, by another key, expired or missing."));
    vf->add_option("DIR", verify->dir, tr("le dossier du flux", "the feed folder"))->required();
    vf->add_option("-P,--public-key", verify->keys,
                   tr("clé publique (base64) ou fichier .pub ; peut être donnée deux fois",
                      "public key (base64) or .pub file; may be given twice"))
        ->required();
    vf->callback([verify, &exitCode] { exitCode = verify->run(); });
}

}  // namespace kiosk::app
