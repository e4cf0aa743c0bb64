// kiosk-feed preview DIR --at TIME --size WxH --out DIR: a PNG of every screen as a kiosk
// would show the feed at that moment, by running the kiosk program headless (the staff
// tool itself links no display code).
#include "app/feed_preview.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>

#include "app/feed_text.hpp"
#include "core/feed_loader.hpp"

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
    // Screens about one item show the feed's first; a feed without such items skips them.
    const auto loaded = core::loadFeed(a.dir);
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
                                   "--content", a.dir, "--now", a.at, "--size", a.size},
                                  log);
        if (rc == 0 && fs::is_regular_file(png, ec)) {
            std::cout << "\n";
        } else {
            ++failed;
            std::cout << tr("  ÉCHEC (voir ", "  FAILED (see ") << log.string() << ")\n";
        }
    }
    std::cout << screens.size() - failed << "/" << screens.size() << tr(" écrans écrits dans ", " screens written to ")
              << a.out << "\n";
    return failed ? 1 : 0;
}

}  // namespace

std::function<std::optional<int>()> addPreviewCommand(CLI::App& app, const char* argv0) {
    auto args = std::make_shared<PreviewArgs>();
    auto* cmd =
        app.add_subcommand("preview",
                           "Write a PNG of every screen as a kiosk would show the feed at a given moment and size, "
                           "by running the kiosk program headless (no display needed). Exit codes: 0 every screen "
                           "written, 1 some screens failed (see preview.log in the output folder), 2 usage error "
                           "or no kiosk program.");
    cmd->add_option("DIR", args->dir, "the feed folder")->required()->check(CLI::ExistingDirectory);
    cmd->add_option("--at", args->at, "the moment to show: 2027-10-20T14:30 (the event's local time) or with an offset")
        ->required();
    cmd->add_option("--size", args->size, "screen size in pixels, WIDTHxHEIGHT (default 1920x1080)");
    cmd->add_option("--out", args->out, "the folder for the PNG files (created when missing)")->required();
    cmd->add_option("--kiosk", args->kiosk, "the kiosk program (default: beside kiosk-feed, else on PATH)");
    const std::string self = argv0 ? argv0 : "kiosk-feed";
    return [cmd, args, self]() -> std::optional<int> {
        if (!*cmd) return std::nullopt;
        return run(*args, self.c_str());
    };
}

}  // namespace kiosk::app
