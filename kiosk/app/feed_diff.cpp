// kiosk-feed diff OLD NEW: what changed between two feed folders, in words a person
// checks before publishing (added, removed, moved, cancelled sessions; places, demos).
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <memory>

#include "app/feed_checks.hpp"
#include "app/feed_text.hpp"
#include "core/feed_builder.hpp"

namespace kiosk::app {
namespace {
using namespace kiosk::core;
namespace fs = std::filesystem;

std::shared_ptr<const Content> load(const std::string& dir) {
    auto files = scanFeedFolder(dir, FeedLimits{});
    if (!files) {
        std::cerr << tr("kiosk-feed diff : ", "kiosk-feed diff: ") << coreMessage(files.error()) << "\n";
        return nullptr;
    }
    std::vector<std::string> unused;
    Manifest m;
    m.files = usedFiles(dir, std::move(files).value(), unused);
    LoadResult r = loadFeedWithManifest(dir, m, {});
    if (!r.content) {
        std::cerr << tr("kiosk-feed diff : ", "kiosk-feed diff: ") << dir
                  << tr(" ne peut pas être lu comme un flux (kiosk-feed validate dit pourquoi)\n",
                        " cannot be read as a feed (kiosk-feed validate says why)\n");
    }
    return r.content;
}

std::string when(const Session& s, const TimeZone& tz) {
    const LocalTime a = tz.toLocal(s.start.instant);
    const LocalTime b = tz.toLocal(s.end.instant);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02u/%02u %02d:%02d-%02d:%02d", a.date.day, a.date.month, a.hour, a.minute, b.hour,
                  b.minute);
    return buf;
}

std::string where(const Session& s) { return s.placeId + (s.roomId.empty() ? "" : " / " + s.roomId); }

int run(const std::string& oldDir, const std::string& newDir) {
    const auto a = load(oldDir);
    const auto b = load(newDir);
    if (!a || !b) return 2;
    const TimeZone& tz = b->timeZone;
    int changes = 0;
    auto line = [&](const std::string& text) {
        ++changes;
        std::cout << text << "\n";
    };
    std::map<std::string, const Session*> before;
    for (const Session& s : a->sessions) before[s.id] = &s;
    for (const Session& s : b->sessions) {
        const std::string name = "\"" + s.title.str(Lang::Fr) + "\" (" + s.id + ")";
        auto it = before.find(s.id);
        if (it == before.end()) {
            line(tr("ajoutée : ", "added: ") + name + ", " + when(s, tz) + ", " + where(s));
            continue;
        }
        const Session& o = *it->second;
        before.erase(it);
        if (s.status == SessionStatus::Cancelled && o.status != SessionStatus::Cancelled)
            line(tr("annulée : ", "cancelled: ") + name);
        if (s.status != SessionStatus::Cancelled && o.status == SessionStatus::Cancelled)
            line(tr("rétablie : ", "back on: ") + name);
        if (s.start.instant != o.start.instant || s.end.instant != o.end.instant) {
            line(tr("déplacée : ", "moved: ") + name + ", " + when(o, tz) + " -> " + when(s, tz));
        }
        if (where(s) != where(o))
            line(tr("changée de lieu : ", "new place: ") + name + ", " + where(o) + " -> " + where(s));
        if (s.title.all() != o.title.all())
            line(tr("retitrée : ", "retitled: ") + "\"" + o.title.str(Lang::Fr) + "\" -> " + name);
        if (s.description.all() != o.description.all() || s.easyRead.all() != o.easyRead.all() ||
            s.access != o.access || s.speakers.size() != o.speakers.size()) {
            line(tr("texte ou accessibilité modifiés : ", "text or access changed: ") + name);
        }
    }
    for (const auto& [id, s] : before)
        line(tr("retirée : ", "removed: ") + "\"" + s->title.str(Lang::Fr) + "\" (" + id + ")");
    // French agrees the past participle with the word ("annonce ajoutée"), so each has its own pair.
    auto compareIds = [&](const auto& oldList, const auto& newList, const char* frAdded, const char* frRemoved,
                          const std::string& enWhat) {
        std::map<std::string, bool> seen;
        for (const auto& x : oldList) seen[x.id] = false;
        for (const auto& x : newList) {
            if (!seen.count(x.id)) line(tr(frAdded, (enWhat + " added: ").c_str()) + x.id);
            seen[x.id] = true;
        }
        for (const auto& [id, still] : seen) {
            if (!still) line(tr(frRemoved, (enWhat + " removed: ").c_str()) + id);
        }
    };
    compareIds(a->places, b->places, "lieu ajouté : ", "lieu retiré : ", "place");
    compareIds(a->demos, b->demos, "démo ajoutée : ", "démo retirée : ", "demo");
    compareIds(a->pages, b->pages, "page ajoutée : ", "page retirée : ", "page");
    compareIds(a->announcements, b->announcements, "annonce ajoutée : ", "annonce retirée : ", "announcement");
    if (changes == 0)
        std::cout << tr("aucune différence\n", "no difference\n");
    else
        std::cout << changes << tr(" changement(s)\n", " change(s)\n");
    return changes == 0 ? 0 : 1;
}

}  // namespace

std::function<std::optional<int>()> addDiffCommand(CLI::App& app) {
    auto dirs = std::make_shared<std::pair<std::string, std::string>>();
    auto* cmd = app.add_subcommand(
        "diff", tr("Dit en toutes lettres ce qui a changé d'un dossier de flux à l'autre : séances "
                   "ajoutées, retirées, déplacées, annulées, retitrées, changées de lieu ; lieux, démos, "
                   "pages et annonces ajoutés ou retirés. Codes de sortie : 0 aucune différence, "
                   "1 des différences, 2 un dossier ne peut pas être lu comme un flux, ou commande mal "
                   "écrite.",
                   "Say in words what changed from one feed folder to another: sessions added, removed, "
                   "moved, cancelled, retitled, moved to another place; places, demos, pages and "
                   "announcements added or removed. Exit codes: 0 no difference, 1 differences, 2 a "
                   "folder cannot be read as a feed, or a usage error."));
    cmd->add_option("OLD", dirs->first, tr("le flux tel qu'il a été publié avant", "the feed as published before"))
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("NEW", dirs->second, tr("le flux sur le point d'être publié", "the feed about to be published"))
        ->required()
        ->check(CLI::ExistingDirectory);
    return [cmd, dirs]() -> std::optional<int> {
        if (!*cmd) return std::nullopt;
        return run(dirs->first, dirs->second);
    };
}

}  // namespace kiosk::app
