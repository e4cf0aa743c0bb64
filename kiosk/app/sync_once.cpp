// One content sync from the command line (see sync_once.hpp).
#include "app/sync_once.hpp"

#include <cstdio>

#include "app/feed_text.hpp"
#include "app/trusted_time_text.hpp"
#include "core/clock.hpp"
#include "core/sync/cache.hpp"
#include "core/sync/cache_lock.hpp"
#include "core/sync/crash_guard_state.hpp"
#include "core/sync/live_status.hpp"
#include "core/sync/staff_socket.hpp"
#include "core/sync/sync_health.hpp"
#include "core/sync/sync_status.hpp"
#include "core/sync/trusted_time.hpp"

#include <cstdlib>
#include <filesystem>

#include "platform/espeak_speech.hpp"

namespace kiosk::app {

core::sync::SyncServiceConfig syncConfigFrom(const Runtime& rt) {
    core::sync::SyncServiceConfig c;
    auto& s = c.settings;
    s.feedUrl = rt.options.feedUrl.empty() ? rt.config.feedUrl : rt.options.feedUrl;
    s.cacheDir = rt.options.cacheDir.empty() ? rt.config.cacheDir : rt.options.cacheDir;
    s.stateDir = stateDirFor(rt.config, rt.options.cacheDir);
    s.http.caFile = rt.config.caFile;
    s.http.allowedFileRoots = rt.config.allowedFileRoots;
    s.maxDownloadBytes = rt.config.maxDownloadBytes;
    s.maxFeedBytes = rt.config.maxFeedBytes;
    s.minFreeBytes = rt.config.minFreeBytes;
    c.poll.intervalSeconds = rt.config.pollSeconds;
    for (const auto& key : rt.config.feedPublicKeys) {
        if (auto k = core::parsePublicKey(key)) s.feedPublicKeys.push_back(k.value());  // checked by loadConfig
    }
    return c;
}

namespace {
std::string when(const std::optional<core::Instant>& t) { return t ? core::formatIsoUtc(*t) : tr("jamais", "never"); }

// One line of the status table: a label padded to 11 characters (the French ones padded by
// hand, counting characters, not bytes), then its value.
void row(const char* fr, const char* en, const std::string& value) {
    std::printf("%s%s\n", tr(fr, en).c_str(), value.c_str());
}

std::string outcomeText(core::sync::SyncOutcome o) {
    using core::sync::SyncOutcome;
    switch (o) {
        case SyncOutcome::NothingNew: return tr("rien de nouveau", "nothing new");
        case SyncOutcome::Updated: return tr("mis à jour", "updated");
        case SyncOutcome::Repaired: return tr("réparé", "repaired");
        case SyncOutcome::Failed: return tr("échec", "failed");
    }
    return core::sync::outcomeName(o);
}
std::string cacheDirOf(const Runtime& rt) {
    return rt.options.cacheDir.empty() ? rt.config.cacheDir : rt.options.cacheDir;
}

// One writer (issue 12): a running kiosk does the staff command itself through its
// socket; exit code and text are its answer. nullopt: no kiosk listens on this cache.
std::optional<int> askRunningKiosk(const std::string& cacheDir, const char* command) {
    auto answer = core::sync::sendStaffRequest(core::sync::staffSocketPath(cacheDir), command);
    if (!answer) {
        if (core::sync::CacheLock::holder(cacheDir)) {  // it holds the cache but did not answer
            std::fprintf(stderr, tr("kiosk %s : %s\n", "kiosk %s: %s\n").c_str(), command,
                         coreMessage(answer.error()).c_str());
            return 1;
        }
        return std::nullopt;
    }
    std::printf("%s%s", tr("(réponse de la borne en marche)\n", "(answered by the running kiosk)\n").c_str(),
                answer.value().text.c_str());
    std::fflush(stdout);
    if (answer.value().exitCode != 0)
        std::fprintf(stderr, tr("kiosk %s : échec (voir ci-dessus)\n", "kiosk %s: failed (see above)\n").c_str(),
                     command);
    return answer.value().exitCode;
}

// Without a running kiosk the command takes the lock itself, so two staff commands never
// write the cache at once either.
std::optional<core::sync::CacheLock> lockCache(const std::string& cacheDir, const char* command) {
    auto lock = core::sync::CacheLock::tryAcquire(cacheDir);
    if (!lock) {
        std::fprintf(stderr,
                     tr("kiosk %s : %s ; réessayez dans un instant, ou arrêtez d'abord ce processus\n",
                        "kiosk %s: %s; try again in a moment, or stop that process first\n")
                         .c_str(),
                     command, coreMessage(lock.error()).c_str());
        return std::nullopt;
    }
    return std::move(lock).value();
}
}  // namespace

int runSyncOnce(const Runtime& rt) {
    const auto config = syncConfigFrom(rt);
    if (config.settings.cacheDir.empty()) {
        std::fprintf(stderr, "%s",
                     tr("kiosk sync : pas de dossier de cache : donnez --cache DOSSIER ou indiquez cache_dir\n",
                        "kiosk sync: no cache folder: give --cache DIR or set cache_dir\n")
                         .c_str());
        return 2;
    }
    const std::string dir = config.settings.cacheDir.string();
    if (std::filesystem::exists(core::sync::staffSocketPath(dir))) {
        if (!rt.options.feedUrl.empty() && rt.options.feedUrl != rt.config.feedUrl) {
            std::fprintf(stderr,
                         tr("kiosk sync : une borne tourne sur %s et synchronise son propre feed_url ; --feed ne "
                            "peut pas le changer (arrêtez la borne, ou prenez un autre --cache)\n",
                            "kiosk sync: a kiosk runs on %s and syncs its own feed_url; --feed cannot change it "
                            "(stop the kiosk, or use another --cache)\n")
                             .c_str(),
                         dir.c_str());
            return 2;
        }
        if (auto code = askRunningKiosk(dir, "sync")) return *code;
    }
    if (config.settings.feedUrl.empty()) {
        std::fprintf(stderr, "%s",
                     tr("kiosk sync : pas de flux : donnez --feed URL ou indiquez feed_url dans la configuration\n",
                        "kiosk sync: no feed: give --feed URL or set feed_url in the configuration\n")
                         .c_str());
        return 2;
    }
    auto lock = lockCache(dir, "sync");
    if (!lock) return 1;
    const core::SystemClock clock;
    core::sync::SyncEngine engine(config.settings, clock);
    if (auto st = engine.prepare(); !st) {
        std::fprintf(stderr, "%s%s\n", tr("kiosk sync : ", "kiosk sync: ").c_str(), coreMessage(st.error()).c_str());
        return 2;
    }
    std::printf(tr("synchronisation de %s dans %s\n", "sync %s into %s\n").c_str(), config.settings.feedUrl.c_str(),
                dir.c_str());
    const core::sync::SyncReport r = engine.syncOnce();
    for (const auto& line : r.actions) std::printf("  %s\n", coreMessage(line).c_str());
    std::printf(tr("%s : version %lld, %llu requêtes, %llu octets, %llu fichiers téléchargés, %llu réutilisés\n",
                   "%s: version %lld, %llu requests, %llu bytes, %llu files downloaded, %llu reused\n")
                    .c_str(),
                outcomeText(r.outcome).c_str(), static_cast<long long>(r.version),
                static_cast<unsigned long long>(r.requests), static_cast<unsigned long long>(r.bytes),
                static_cast<unsigned long long>(r.filesDownloaded), static_cast<unsigned long long>(r.filesReused));
    if (r.outcome == core::sync::SyncOutcome::Failed) {
        std::fprintf(stderr, "%s%s\n", tr("kiosk sync : échec : ", "kiosk sync: failed: ").c_str(),
                     coreMessage(r.error).c_str());
        return 1;
    }
    return 0;
}

// What staff need to know about the kiosk itself, whatever its content: speech and reach.
void printKioskStatus(const Runtime& rt) {
    const char* path = std::getenv("PATH");
    const auto espeak = platform::findExecutable("espeak-ng", path ? path : "/usr/bin:/bin");
    row("voix       ", "speech     ",
        espeak ? "espeak-ng (" + *espeak + ")"
               : tr("pas de synthèse vocale : installez espeak-ng (la borne marche sans lecture à voix haute)",
                    "no speech engine: install espeak-ng (the kiosk runs without read-aloud)"));
    bool inReach = false;
    row("portée     ", "reach      ", coreMessage(describeReach(rt, inReach)));
}

core::sync::HealthThresholds healthThresholds(const Runtime& rt) {
    core::sync::HealthThresholds t;
    t.minFreeBytes = rt.config.minFreeBytes;
    return t;
}

core::sync::SyncHealth syncHealth(const Runtime& rt) {
    const std::string dir = cacheDirOf(rt);
    std::optional<core::sync::SyncStatus> status;
    if (auto s = core::sync::readStatusFile(dir)) status = std::move(s).value();
    const bool syncing = !(rt.options.feedUrl.empty() ? rt.config.feedUrl : rt.options.feedUrl).empty() ||
                         (status && !status->feedUrl.empty());
    const core::sync::TrustedTime trusted(trustedTimePathFor(rt));
    const core::Instant now = trusted.correct(core::SystemClock().now());
    return core::sync::assessSync(dir, status, syncing, now, healthThresholds(rt));
}

int runStatus(const Runtime& rt) {
    printKioskStatus(rt);
    const std::string dir = cacheDirOf(rt);
    if (std::filesystem::exists(core::sync::staffSocketPath(dir))) {
        if (auto code = askRunningKiosk(dir, "status")) return *code;
    }
    if (!std::filesystem::is_directory(dir)) {
        std::fprintf(stderr,
                     tr("kiosk status : pas de cache dans %s (la borne affiche le contenu fourni avec elle)\n",
                        "kiosk status: no cache in %s (the kiosk shows its bundled content)\n")
                         .c_str(),
                     dir.c_str());
        return 2;
    }
    const core::sync::SyncHealth health = syncHealth(rt);
    core::sync::ContentCache cache(dir);
    const auto current = cache.currentVersion();
    const auto previous = cache.previousVersion();
    row("cache      ", "cache      ", dir);
    row("actuelle   ", "current    ",
        current ? "version " + std::to_string(*current)
                : tr("aucune (contenu fourni avec la borne)", "none (bundled content)"));
    row("précédente ", "previous   ",
        previous ? "version " + std::to_string(*previous) +
                       tr(" (kiosk --rollback la rend actuelle)", " (kiosk --rollback makes it current)")
                 : tr("aucune", "none"));
    if (health.freeBytes)
        row("disque     ", "disk       ", std::to_string(*health.freeBytes >> 20) + tr(" Mio libres", " MiB free"));
    const core::sync::TrustedTime trusted(trustedTimePathFor(rt));
    const core::Instant now = core::SystemClock().now();
    row("horloge    ", "clock      ",
        core::formatIsoUtc(now) + (trusted.value() && *trusted.value() > now
                                       ? tr(", en retard sur l'heure de confiance ", ", behind the trusted time ") +
                                             core::formatIsoUtc(*trusted.value()) +
                                             tr(" (kiosk --reset-time l'oublie si elle est fausse)",
                                                " (kiosk --reset-time forgets it if it is wrong)")
                                       : std::string()));
    row("confiance  ", "trusted    ", trustedTimeText(trusted.record(), now, frenchMessages()));
    auto finish = [&] {
        for (const auto& p : health.problems) row("PROBLÈME   ", "PROBLEM    ", coreMessage(p));
        bool liveFailing = false;  // a live_source (issue 11): its own lines, exit 1 when it fails
        std::printf("%s", core::sync::formatLiveStatus(dir, liveFailing).c_str());  // English: core's own labels
        const bool healthy = health.code == core::sync::HealthCode::Healthy && !liveFailing;
        row("état       ", "health     ", healthy ? "ok" : tr("à vérifier", "needs attention"));
        return health.code == core::sync::HealthCode::Healthy && liveFailing ? 1 : static_cast<int>(health.code);
    };
    auto status = core::sync::readStatusFile(dir);
    if (!status) {
        row("synchro    ", "sync       ",
            tr("pas encore d'état (", "no status yet (") + coreMessage(status.error()) + ")");
        return finish();
    }
    const auto& s = status.value();
    row("flux       ", "feed       ", s.feedUrl.empty() ? tr("(aucun)", "(none)") : s.feedUrl);
    row("publié     ", "published  ", when(s.published));
    row("tentative  ", "last try   ", when(s.lastAttempt) + tr(" : ", ": ") + coreMessage(s.lastResult));
    row("réussite   ", "last ok    ", when(s.lastSuccess));
    row("prochaine  ", "next try   ", when(s.nextAttempt));
    row("téléchargé ", "downloaded ",
        std::to_string(s.bytesDownloaded) + tr(" octets en ", " bytes in ") + std::to_string(s.requests) +
            tr(" requêtes", " requests"));
    if (!s.lastError.empty()) {
        row("erreur     ", "last error ",
            coreMessage(s.lastError) + " (" + std::to_string(s.consecutiveFailures) +
                tr(" échecs d'affilée)", " failures in a row)"));
    }
    if (!s.crashGuard.empty()) row("plantage   ", "crash      ", coreMessage(s.crashGuard));
    row("garde-fou  ", "guard      ", coreMessage(core::sync::describeGuard(core::sync::readGuardState(dir))));
    core::sync::SyncStatus signed_ = s;
    signed_.signatureRequired = !rt.config.feedPublicKeys.empty();  // what this configuration asks for now
    row("signature  ", "signature  ", coreMessage(core::sync::describeSignature(signed_, now)));
    return finish();
}

int runResetTime(const Runtime& rt) {
    const std::string dir = cacheDirOf(rt);
    // A running kiosk forgets it itself: it would save its floor again otherwise.
    if (std::filesystem::exists(core::sync::staffSocketPath(dir))) {
        if (auto code = askRunningKiosk(dir, "reset-time")) return *code;
    }
    std::optional<core::sync::CacheLock> lock;  // no `kiosk sync` saves a floor meanwhile
    if (std::filesystem::is_directory(dir)) {
        lock = lockCache(dir, "reset-time");
        if (!lock) return 1;
    }
    core::sync::TrustedTime trusted(trustedTimePathFor(rt));
    auto was = trusted.value();
    auto s = trusted.reset();
    // Older versions of these commands looked in the cache folder: a copy left there goes too.
    if (core::sync::TrustedTime stray(core::sync::trustedTimeFile(dir)); s && stray.file() != trusted.file()) {
        if (!was) was = stray.value();
        s = stray.reset();
    }
    if (!s) {
        std::fprintf(stderr, "%s%s\n", tr("kiosk --reset-time : ", "kiosk --reset-time: ").c_str(),
                     coreMessage(s.error()).c_str());
        return 1;
    }
    std::printf(tr("heure de confiance %s oubliée ; la borne se fie désormais à l'horloge du système (%s) jusqu'à "
                   "la réponse d'un serveur vérifié. Redémarrez la borne si elle est en marche.\n",
                   "trusted time %s forgotten; the kiosk now trusts the system clock (%s) until a verified server "
                   "answers. Restart the kiosk if it is running.\n")
                    .c_str(),
                was ? core::formatIsoUtc(*was).c_str() : tr("(aucune)", "(none)").c_str(),
                core::formatIsoUtc(core::SystemClock().now()).c_str());
    return 0;
}

int runRollback(const Runtime& rt) {
    const std::string dir = cacheDirOf(rt);
    if (std::filesystem::exists(core::sync::staffSocketPath(dir))) {
        if (auto code = askRunningKiosk(dir, "rollback")) return *code;
    }
    auto lock = lockCache(dir, "rollback");
    if (!lock) return 1;
    core::sync::ContentCache cache(dir);
    cache.setStateDir(stateDirFor(rt.config, rt.options.cacheDir));
    const auto current = cache.currentVersion();
    if (auto st = cache.rollback(); !st) {
        std::fprintf(stderr, "%s%s\n", tr("kiosk rollback : ", "kiosk rollback: ").c_str(),
                     coreMessage(st.error()).c_str());
        return 1;
    }
    std::printf(tr("la version %s est de nouveau l'actuelle (avant : %s) ; une borne démarrée maintenant l'affiche\n",
                   "version %s is current again (was %s); a kiosk started now shows it\n")
                    .c_str(),
                cache.currentVersion() ? std::to_string(*cache.currentVersion()).c_str() : "?",
                current ? std::to_string(*current).c_str() : "?");
    return 0;
}

}  // namespace kiosk::app
