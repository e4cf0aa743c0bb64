// kiosk-feed publish DIR --to URL|FOLDER (see feed_publish.hpp): validate and build with a
// version above the published one, sign, then copy what changed: files first, then the
// signature, the manifest last, so a kiosk polling meanwhile sees the old or the new feed.
#include "app/feed_publish.hpp"

#include <curl/curl.h>
#include <termios.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "app/feed_checks.hpp"
#include "app/feed_sign.hpp"
#include "app/feed_text.hpp"
#include "core/files.hpp"
#include "core/json_parse.hpp"
#include "core/limits.hpp"
#include "core/result.hpp"

namespace kiosk::app {
namespace {
using namespace kiosk::core;
namespace fs = std::filesystem;
using nlohmann::json;

struct PublishArgs {
    std::string dir, to, user;
    SignRequest sign;
};

bool isUrl(const std::string& to) { return to.rfind("http://", 0) == 0 || to.rfind("https://", 0) == 0; }

// A manifest's version and files (path -> sha256); a version of 0 and no files when there
// is none yet.
struct Published {
    std::int64_t version = 0;
    std::map<std::string, std::string> files;
};
Result<Published> parsePublished(const std::string& text, const std::string& where) {
    auto parsed = parseJsonChecked(text);
    const json doc = parsed ? std::move(parsed).value() : json();
    if (!doc.is_object() || !doc.contains("version") || !doc["version"].is_number_integer() ||
        !isFeedVersion(doc["version"].get<std::int64_t>())) {
        return fail(where + tr(" n'est pas un manifeste de flux", " is not a feed manifest"));
    }
    Published p;
    p.version = doc["version"].get<std::int64_t>();
    if (doc.contains("files") && doc["files"].is_array()) {
        for (const json& f : doc["files"]) {
            if (f.is_object() && f.contains("path") && f["path"].is_string()) {
                p.files[f["path"].get<std::string>()] = f.value("sha256", "");
            }
        }
    }
    return p;
}

// The feed's files to copy, in order: every file of the manifest, then the signature,
// then the manifest itself.
Result<std::vector<std::pair<std::string, std::string>>> filesToCopy(const fs::path& dir) {
    auto text = readFile(dir / "manifest.json", 4u << 20);
    if (!text) return fail(text.error());
    auto manifest = parsePublished(text.value(), "manifest.json");
    if (!manifest) return fail(manifest.error());
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [path, sha] : manifest.value().files) out.emplace_back(path, sha);
    out.emplace_back("manifest.json.minisig", "");
    out.emplace_back("manifest.json", "");
    return out;
}

std::string sizeText(std::uintmax_t bytes) {
    if (bytes < 10 * 1024) return std::to_string(bytes) + tr(" o", " B");
    if (bytes < 10 * 1024 * 1024) return std::to_string(bytes / 1024) + tr(" Kio", " KiB");
    return std::to_string(bytes / (1024 * 1024)) + tr(" Mio", " MiB");
}

// ---- a folder (a web server's document root, a mounted share)

class FolderTarget {
public:
    explicit FolderTarget(fs::path root) : root_(std::move(root)) {}
    Result<Published> current() const {
        auto text = readFile(root_ / "manifest.json", 4u << 20);
        if (!text) return Published{};  // nothing published there yet
        return parsePublished(text.value(), (root_ / "manifest.json").string());
    }
    // Copied under a temporary name, then renamed: a reader never sees half a file.
    Status put(const fs::path& source, const std::string& path) const {
        const fs::path target = root_ / path;
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec) return fail(target.parent_path().string() + ": " + ec.message());
        const fs::path temp = target.string() + ".publishing";
        fs::copy_file(source, temp, fs::copy_options::overwrite_existing, ec);
        if (!ec) fs::rename(temp, target, ec);
        if (ec) {
            fs::remove(temp);
            return fail(target.string() + ": " + ec.message());
        }
        return Ok{};
    }

private:
    fs::path root_;
};

// ---- a WebDAV server (nginx dav, Apache mod_dav, Nextcloud...): GET, MKCOL and PUT

size_t collect(char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}
size_t readFromFile(char* buffer, size_t size, size_t count, void* file) {
    return std::fread(buffer, size, count, static_cast<std::FILE*>(file));
}

class DavTarget {
public:
    DavTarget(std::string base, std::string user, std::string password)
        : base_(base.ends_with("/") ? base : base + "/"), user_(std::move(user)), password_(std::move(password)) {}

    Result<Published> current() const {
        std::string body;
        auto code = request("GET", "manifest.json", nullptr, 0, &body);
        if (!code) return fail(code.error());
        if (code.value() == 404) return Published{};
        if (code.value() != 200) return fail(base_ + "manifest.json: HTTP " + std::to_string(code.value()));
        return parsePublished(body, base_ + "manifest.json");
    }

    Status put(const fs::path& source, const std::string& path) {
        // The folders first, the feed's own included (MKCOL each once): servers do not
        // create them on PUT.
        std::vector<std::string> folders{""};
        for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
            folders.push_back(path.substr(0, slash + 1));
        }
        for (const std::string& folder : folders) {
            if (!made_.insert(folder).second) continue;
            auto code = request("MKCOL", folder, nullptr, 0, nullptr);
            if (!code) return fail(code.error());
            if (code.value() != 201 && code.value() != 405 && code.value() != 301 && code.value() != 200) {
                return fail(base_ + folder + ": MKCOL HTTP " + std::to_string(code.value()) + hint(code.value()));
            }
        }
        std::FILE* file = std::fopen(source.c_str(), "rb");
        if (!file) return fail(source.string() + tr(" : illisible", ": cannot be read"));
        std::error_code ec;
        const auto size = fs::file_size(source, ec);
        auto code = request("PUT", path, file, ec ? 0 : size, nullptr);
        std::fclose(file);
        if (!code) return fail(code.error());
        if (code.value() != 200 && code.value() != 201 && code.value() != 204) {
            return fail(base_ + path + ": PUT HTTP " + std::to_string(code.value()) + hint(code.value()));
        }
        return Ok{};
    }

private:
    static std::string hint(long code) {
        if (code == 401 || code == 403) {
            return tr(" (accès refusé : vérifiez --user et le mot de passe, KIOSK_FEED_PASSWORD ou ~/.netrc)",
                      " (access refused: check --user and the password, KIOSK_FEED_PASSWORD or ~/.netrc)");
        }
        if (code == 405) {
            return tr(" (le serveur n'accepte pas l'écriture : WebDAV est-il activé à cette adresse ?)",
                      " (the server does not accept writes: is WebDAV enabled at this address?)");
        }
        if (code == 409) {
            return tr(" (un dossier parent manque sur le serveur)", " (a parent folder is missing on the server)");
        }
        if (code == 413) return tr(" (fichier trop gros pour le serveur)", " (file too large for the server)");
        return "";
    }

    std::string escapedUrl(const std::string& path) const {
        std::string out = base_;
        CURL* curl = curl_easy_init();
        std::size_t start = 0;
        while (start <= path.size()) {
            const std::size_t slash = std::min(path.find('/', start), path.size());
            const std::string segment = path.substr(start, slash - start);
            char* e = curl_easy_escape(curl, segment.c_str(), static_cast<int>(segment.size()));
            out += e ? e : segment.c_str();
            curl_free(e);
            if (slash < path.size()) out += "/";
            start = slash + 1;
        }
        curl_easy_cleanup(curl);
        return out;
    }

    // The HTTP status, or an error when no answer came.
    Result<long> request(const char* method, const std::string& path, std::FILE* upload, std::uintmax_t size,
                         std::string* body) const {
        CURL* curl = curl_easy_init();
        if (!curl) return fail("libcurl could not start");
        const std::string url = escapedUrl(path);
        std::string sink;
        char error[CURL_ERROR_SIZE] = {0};
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiosk-feed publish");
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 100L);  // a stalled upload fails after a minute
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 60L);
        curl_easy_setopt(curl, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
        if (!user_.empty()) {
            curl_easy_setopt(curl, CURLOPT_USERNAME, user_.c_str());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
        }
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, body ? body : &sink);
        if (upload) {
            curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(curl, CURLOPT_READFUNCTION, readFromFile);
            curl_easy_setopt(curl, CURLOPT_READDATA, upload);
            curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(size));
        } else if (std::string(method) != "GET") {
            curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
        }
        const CURLcode rc = curl_easy_perform(curl);
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_easy_cleanup(curl);
        if (rc != CURLE_OK) return fail(url + ": " + (error[0] ? error : curl_easy_strerror(rc)));
        return status;
    }

    std::string base_, user_, password_;
    std::set<std::string> made_;
};

// The WebDAV password: KIOSK_FEED_PASSWORD, else asked on the terminal; empty without
// --user (libcurl then reads ~/.netrc, or sends none).
std::string davPassword(const std::string& user) {
    if (user.empty()) return "";
    if (const char* p = std::getenv("KIOSK_FEED_PASSWORD"); p && *p) return p;
    std::FILE* tty = std::fopen("/dev/tty", "r+");
    if (!tty) return "";
    std::fprintf(tty, "%s", (tr("Mot de passe WebDAV de ", "WebDAV password for ") + user + " : ").c_str());
    std::fflush(tty);
    termios old{};
    tcgetattr(fileno(tty), &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(fileno(tty), TCSANOW, &quiet);
    char line[512] = {0};
    const bool read = std::fgets(line, sizeof line, tty) != nullptr;
    tcsetattr(fileno(tty), TCSANOW, &old);
    std::fprintf(tty, "\n");
    std::fclose(tty);
    std::string password = read ? line : "";
    while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
    return password;
}

template <typename Target>
int publishTo(Target& target, const PublishArgs& a) {
    const std::string who = "kiosk-feed publish: ";
    std::cout << tr("1/4 lecture de la version publiée sur ", "1/4 reading the version published at ") << a.to
              << " ...\n";
    auto published = target.current();
    if (!published) {
        std::cerr << who << coreMessage(published.error()) << "\n";
        return 1;
    }
    std::cout << tr("    version publiée : ", "    published version: ")
              << (published.value().version ? std::to_string(published.value().version) : tr("aucune", "none")) << "\n";
    std::cout << tr("2/4 vérification et construction de ", "2/4 checking and building ") << a.dir << "\n";
    if (const int rc = buildFolder(a.dir, "", published.value().version); rc != 0) {
        std::cerr << who
                  << tr("rien n'est publié : corrigez les erreurs ci-dessus\n",
                        "nothing published: fix the errors above\n");
        return rc;
    }
    std::cout << tr("3/4 signature\n", "3/4 signing\n");
    SignRequest sign = a.sign;
    sign.dir = a.dir;
    if (const int rc = signFeed(sign); rc != 0) {
        std::cerr << who << tr("rien n'est publié (signature impossible)\n", "nothing published (could not sign)\n");
        return rc;
    }
    auto files = filesToCopy(a.dir);
    if (!files) {
        std::cerr << who << coreMessage(files.error()) << "\n";
        return 1;
    }
    std::cout << tr("4/4 copie vers ", "4/4 copying to ") << a.to << "\n";
    std::size_t copied = 0, kept = 0, index = 0;
    std::uintmax_t bytes = 0;
    const std::size_t total = files.value().size();
    for (const auto& [path, sha] : files.value()) {
        ++index;
        const auto was = published.value().files.find(path);
        if (!sha.empty() && was != published.value().files.end() && was->second == sha) {
            ++kept;  // already there, same bytes: a rural uplink sends only what changed
            continue;
        }
        const fs::path source = fs::path(a.dir) / path;
        std::error_code ec;
        const auto size = fs::file_size(source, ec);
        std::cout << "    [" << index << "/" << total << "] " << path << " (" << sizeText(ec ? 0 : size) << ")"
                  << std::endl;
        if (auto s = target.put(source, path); !s) {
            std::cerr << who << s.error() << "\n"
                      << tr("  publication interrompue : les bornes gardent la version ",
                            "  publishing stopped: kiosks keep version ")
                      << published.value().version
                      << tr(" (le manifeste n'a pas été remplacé) ; relancez la même commande\n",
                            " (the manifest was not replaced); run the same command again\n");
            return 1;
        }
        ++copied;
        bytes += ec ? 0 : size;
    }
    std::cout << tr("publié : ", "published: ") << copied << tr(" fichier(s) envoyé(s) (", " file(s) sent (")
              << sizeText(bytes) << "), " << kept << tr(" inchangé(s) déjà en place", " unchanged already there")
              << tr(" ; les bornes le prendront à leur prochaine vérification\n",
                    "; kiosks take it at their next check\n");
    return 0;
}

int runPublish(const PublishArgs& a) {
    std::error_code ec;
    if (!fs::is_directory(a.dir, ec)) {
        std::cerr << "kiosk-feed publish: " << a.dir << tr(" n'est pas un dossier\n", " is not a folder\n");
        return 2;
    }
    if (isUrl(a.to)) {
        DavTarget target(a.to, a.user, davPassword(a.user));
        return publishTo(target, a);
    }
    if (a.to.find("://") != std::string::npos) {
        std::cerr << "kiosk-feed publish: --to "
                  << tr("attend une adresse http(s):// (WebDAV) ou un dossier, reçu ",
                        "expects an http(s):// address (WebDAV) or a folder, got ")
                  << a.to << "\n";
        return 2;
    }
    if (fs::weakly_canonical(a.to, ec) == fs::weakly_canonical(a.dir, ec)) {
        std::cerr << "kiosk-feed publish: "
                  << tr("--to doit être un autre dossier que le flux lui-même\n",
                        "--to must be another folder than the feed itself\n");
        return 2;
    }
    FolderTarget target(a.to);
    return publishTo(target, a);
}

}  // namespace

std::function<std::optional<int>()> addPublishCommand(CLI::App& app) {
    auto args = std::make_shared<PublishArgs>();
    auto* cmd = app.add_subcommand(
        "publish",
        tr("Publie un flux en une étape : vérifie, construit (version au-dessus de celle déjà publiée), signe, puis "
           "copie les fichiers modifiés vers un dossier ou un serveur WebDAV, le manifeste en dernier. Codes de "
           "sortie : 0 publié, 1 erreurs (rien n'est remplacé), 2 arguments inutilisables.",
           "Publish a feed in one step: validate, build (a version above the one already published), sign, then "
           "copy the changed files to a folder or a WebDAV server, the manifest last. Exit codes: 0 published, "
           "1 errors (nothing replaced), 2 unusable arguments."));
    cmd->add_option("DIR", args->dir, tr("le dossier du flux", "the feed folder"))->required();
    cmd->add_option("--to", args->to,
                    tr("où publier : un dossier (celui que sert le serveur web) ou une adresse WebDAV "
                       "https://serveur/chemin/",
                       "where to publish: a folder (the one the web server serves) or a WebDAV address "
                       "https://server/path/"))
        ->required();
    cmd->add_option("--user", args->user,
                    tr("utilisateur WebDAV ; le mot de passe vient de KIOSK_FEED_PASSWORD ou est demandé (sans "
                       "--user : ~/.netrc)",
                       "WebDAV user; the password comes from KIOSK_FEED_PASSWORD or is asked (without --user: "
                       "~/.netrc)"));
    cmd->add_option("-s,--secret", args->sign.secretFile,
                    tr("fichier de la clé secrète (par défaut : ~/.minisign/minisign.key)",
                       "secret key file (default: ~/.minisign/minisign.key)"));
    cmd->add_option("--days", args->sign.days,
                    tr("jours avant l'expiration de la signature (par défaut : 30 jours après la fin de l'événement)",
                       "days until the signature expires (default: 30 days after the event's end)"))
        ->check(CLI::Range(1, 3650));
    cmd->add_option(
        "--expires", args->sign.expires,
        tr("expiration de la signature, par ex. 2027-11-30T00:00:00Z", "signature expiry, e.g. 2027-11-30T00:00:00Z"));
    return [cmd, args]() -> std::optional<int> {
        if (!*cmd) return std::nullopt;
        return runPublish(*args);
    };
}

}  // namespace kiosk::app
