// kiosk-feed preview DIR --at TIME --size WxH --out DIR: a PNG of every screen as a kiosk
// would show the feed at that moment, by running the kiosk program headless (the staff
// tool itself links no display code).
#include "app/feed_preview.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <regex>

#include "app/feed_text.hpp"
#include "core/clock.hpp"
#include "core/feed_builder.hpp"
#include "core/feed_loader.hpp"
#include "core/files.hpp"
#include "core/json_parse.hpp"

extern char** environ;

namespace kiosk::app {
namespace {
namespace fs = std::filesystem;

struct PreviewArgs {
    std::string dir, at, size = "1920x1080", out, kiosk;
};

// Runs argv with stdout/stderr to `log`; the exit code, or -1 when it could not start.
int runProgram(const std::vector<std::string>& argv, const fs::path& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The kiosk program: --kiosk, else next to kiosk-feed, else on PATH.
std::string findKiosk(const std::string& given, const char* self) {
    if (!given.empty()) return given;
    std::error_code ec;
    const fs::path beside = fs::weakly_canonical(fs::path(self), ec).parent_path() / "kiosk";
    if (fs::is_regular_file(beside, ec)) return beside.string();
    if (const char* path = std::getenv("PATH")) {
        std::string p(path);
        for (std::size_t start = 0; start <= p.size();) {
            const std::size_t end = std::min(p.find(':', start), p.size());
            const fs::path candidate = fs::path(p.substr(start, end - start)) / "kiosk";
            if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
            start = end + 1;
        }
    }
    return "";
}

// The screens, read from `kiosk --help` ("one of: attract[:<...>], home, session:<...>, ...;"):
// the name, and whether it needs an item id.
struct ScreenSpec {
    std::string name;
    bool needsId = false;
};
std::vector<ScreenSpec> screenSpecs(const std::string& kiosk, const fs::path& log) {
    const fs::path help = log.parent_path() / ".kiosk-help.txt";
    fs::remove(help);
    runProgram({kiosk, "--help"}, help);
    std::ifstream in(help);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    fs::remove(help);
    std::smatch m;
    std::vector<ScreenSpec> out;
    if (!std::regex_search(text, m, std::regex("one of: ([^;]+);"))) return out;
    const std::string list = m[1];
    static const std::regex item(R"(([a-z_]+)(\[?):?)");
    for (std::sregex_iterator it(list.begin(), list.end(), item), end; it != end; ++it) {
        // Only names at the start of an entry ("session:<a session id>" lists a name, then words).
        const auto pos = static_cast<std::size_t>(it->position(0));
        if (pos != 0 && list.compare(pos >= 2 ? pos - 2 : 0, 2, ", ") != 0) continue;
        const bool bracket = (*it)[2].length() > 0;
        const bool colon = it->str(0).back() == ':';
        out.push_back({(*it)[1], colon && !bracket});
    }
    return out;
}

// The item a screen that needs one shows in the preview: the feed's first (not cancelled).
std::string firstItem(const core::Content& c, const std::string& screen) {
    if (screen == "session") {
        for (const auto& s : c.sessions) {
            if (s.status != core::SessionStatus::Cancelled) return s.id;
        }
        return c.sessions.empty() ? "" : c.sessions.front().id;
    }
    if (screen == "demo" && !c.demos.empty()) return c.demos.front().id;
    if (screen == "place" && !c.places.empty()) return c.places.front().id;
    if (screen == "page" && !c.pages.empty()) return c.pages.front().id;
    return "";
}

// Whether the folder's manifest is missing or no longer lists its files as they are: the
// kiosk would then show nothing, or the last build, not what staff just edited.
bool needsBuild(const fs::path& dir) {
    auto text = core::readFile(dir / "manifest.json", 4u << 20);
    if (!text) return true;
    auto scanned = core::scanFeedFolder(dir, core::FeedLimits{});
    if (!scanned) return false;  // the kiosk's own message says why
    std::vector<std::string> unused;
    const auto fresh = core::usedFiles(dir, std::move(scanned).value(), unused);
    std::map<std::string, std::string> listed;
    auto parsed = core::parseJsonChecked(text.value());
    if (!parsed) return true;
    const auto& doc = parsed.value();
    if (!doc.is_object() || !doc.contains("files") || !doc["files"].is_array()) return true;
    for (const auto& f : doc["files"]) {
        if (f.is_object()) listed[f.value("path", "")] = f.value("sha256", "");
    }
    if (listed.size() != fresh.size()) return true;
    for (const auto& f : fresh) {
        const auto found = listed.find(f.path);
        if (found == listed.end() || found->second != f.sha256) return true;
    }
    return false;
}

// A built copy of an unbuilt folder, in a temporary folder removed on destruction; the
// staff's folder itself is never written. Built as a kiosk would take it: bad items left
// out, the rest shown.
class BuiltCopy {
public:
    ~BuiltCopy() {
        std::error_code ec;
        if (!dir_.empty()) fs::remove_all(dir_, ec);
    }
    std::string make(const fs::path& source) {
        char pattern[] = "/tmp/kiosk-feed-preview-XXXXXX";
        if (!mkdtemp(pattern)) return tr("dossier temporaire impossible", "cannot create a temporary folder");
        dir_ = pattern;
        std::error_code ec;
        fs::copy(source, dir_ / "feed", fs::copy_options::recursive, ec);
        if (ec) return source.string() + ": " + ec.message();
        fs::remove(dir_ / "feed" / "manifest.json.minisig", ec);
        const auto out = core::buildFeed(dir_ / "feed", core::SystemClock().now(), {}, 0, core::BuildRules::Kiosk);
        if (!out.error.empty()) return coreMessage(out.error);
        if (!out.written && !out.unchanged) {
            return tr("le flux ne peut pas être construit : lancez kiosk-feed validate ",
                      "the feed cannot be built: run kiosk-feed validate ") +
                   source.string();
        }
        return "";
    }
    std::string folder() const { return (dir_ / "feed").string(); }

private:
    fs::path dir_;
};

// The kiosk's last words in the log: why a screen failed, shown on the terminal too.
std::string lastLogLine(const fs::path& log) {
    std::ifstream in(log);
    std::string line, last;
    while (std::getline(in, line)) {
        if (!line.empty()) last = line;
    }
    return last;
}

int run(const PreviewArgs& a, const char* self) {
    if (!std::regex_match(a.size, std::regex(R"(\d{3,5}x\d{3,5})"))) {
        std::cerr << tr("kiosk-feed preview : --size attendu LARGEURxHAUTEUR (1920x1080), reçu ",
                        "kiosk-feed preview: --size expected WIDTHxHEIGHT (1920x1080), got ")
                  << a.size << "\n";
        return 2;
    }
    const std::string kiosk = findKiosk(a.kiosk, self);
    if (kiosk.empty() || ::access(kiosk.c_str(), X_OK) != 0) {
        std::cerr << tr(
            "kiosk-feed preview : programme kiosk introuvable (à côté de kiosk-feed ou dans PATH) ; donnez --kiosk "
            "CHEMIN\n",
            "kiosk-feed preview: the kiosk program was not found (beside kiosk-feed or on PATH); give --kiosk PATH\n");
        return 2;
    }
    std::error_code ec;
    fs::create_directories(a.out, ec);
    const fs::path log = fs::path(a.out) / "preview.log";
    fs::remove(log, ec);
    const auto specs = screenSpecs(kiosk, log);
    if (specs.empty()) {
        std::cerr << "kiosk-feed preview: " << kiosk
                  << tr(" --help ne donne pas la liste des écrans\n", " --help does not list the screens\n");
        return 1;
    }
    // A folder not built yet (or edited since) is previewed from a built copy.
    BuiltCopy copy;
    std::string content = a.dir;
    if (needsBuild(a.dir)) {
        if (const std::string error = copy.make(a.dir); !error.empty()) {
            std::cerr << "kiosk-feed preview: " << error << "\n";
            return 1;
        }
        content = copy.folder();
        std::cout << tr(
            "note : manifest.json absent ou périmé : aperçu d'une copie construite (le dossier n'est pas "
            "modifié ; lancez kiosk-feed build avant de publier)\n",
            "note: manifest.json is missing or out of date: previewing a built copy (the folder is not "
            "changed; run kiosk-feed build before publishing)\n");
    }
    // Screens about one item show the feed's first; a feed without such items skips them.
    const auto loaded = core::loadFeed(content);
    std::vector<std::string> screens, routes;
    for (const auto& spec : specs) {
        if (!spec.needsId) {
            screens.push_back(spec.name);
            routes.push_back(spec.name);
            continue;
        }
        const std::string id = loaded.content ? firstItem(*loaded.content, spec.name) : "";
        if (id.empty()) {
            std::cout << tr("(écran ", "(screen ") << spec.name
                      << tr(" ignoré : aucun élément de ce type dans le flux)\n",
                            " skipped: the feed has no such item)\n");
            continue;
        }
        screens.push_back(spec.name);
        routes.push_back(spec.name + ":" + id);
    }
    int failed = 0;
    for (std::size_t i = 0; i < screens.size(); ++i) {
        const fs::path png = fs::path(a.out) / (screens[i] + "-" + a.size + ".png");
        std::cout << "[" << i + 1 << "/" << screens.size() << "] " << routes[i] << " -> " << png.string() << std::flush;
        const int rc = runProgram({kiosk, "--headless", "--screenshot", png.string(), "--screen", routes[i],
                                   "--content", content, "--now", a.at, "--size", a.size},
                                  log);
        if (rc == 0 && fs::is_regular_file(png, ec)) {
            std::cout << "\n";
        } else {
            ++failed;
            std::cout << tr("  ÉCHEC (voir ", "  FAILED (see ") << log.string() << ")\n";
            if (const std::string why = lastLogLine(log); !why.empty()) std::cout << "    " << why << "\n";
        }
    }
    std::cout << screens.size() - failed << "/" << screens.size() << tr(" écrans écrits dans ", " screens written to ")
              << a.out << "\n";
    return failed ? 1 : 0;
}

}  // namespace

std::function<std::optional<int>()> addPreviewCommand(CLI::App& app, const char* argv0) {
    auto args = std::make_shared<PreviewArgs>();
    auto* cmd = app.add_subcommand(
        "preview", tr("Écrit une image PNG de chaque écran tel qu'une borne montrerait le flux à un moment et "
                      "une taille donnés, en lançant le programme kiosk sans affichage. Un dossier pas encore "
                      "construit est montré depuis une copie construite. Codes de sortie : 0 tous les écrans "
                      "écrits, 1 des écrans ont échoué (voir preview.log dans le dossier de sortie), 2 "
                      "arguments inutilisables ou pas de programme kiosk.",
                      "Write a PNG of every screen as a kiosk would show the feed at a given moment and "
                      "size, by running the kiosk program headless (no display needed). A folder not built "
                      "yet is shown from a built copy. Exit codes: 0 every screen written, 1 some screens "
                      "failed (see preview.log in the output folder), 2 usage error or no kiosk program."));
    cmd->add_option("DIR", args->dir, tr("le dossier du flux", "the feed folder"))
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--at", args->at,
                    tr("le moment à montrer : 2027-10-20T14:30 (heure locale de l'événement) ou avec un décalage",
                       "the moment to show: 2027-10-20T14:30 (the event's local time) or with an offset"))
        ->required();
    cmd->add_option("--size", args->size,
                    tr("taille de l'écran en pixels, LARGEURxHAUTEUR (par défaut 1920x1080)",
                       "screen size in pixels, WIDTHxHEIGHT (default 1920x1080)"));
    cmd->add_option(
           "--out", args->out,
           tr("le dossier des fichiers PNG (créé s'il manque)", "the folder for the PNG files (created when missing)"))
        ->required();
    cmd->add_option("--kiosk", args->kiosk,
                    tr("le programme kiosk (par défaut : à côté de kiosk-feed, sinon dans PATH)",
                       "the kiosk program (default: beside kiosk-feed, else on PATH)"));
    const std::string self = argv0 ? argv0 : "kiosk-feed";
    return [cmd, args, self]() -> std::optional<int> {
        if (!*cmd) return std::nullopt;
        return run(*args, self.c_str());
    };
}

}  // namespace kiosk::app
