// The trusted time in words for staff (see trusted_time_text.hpp).
#include "app/trusted_time_text.hpp"

#include "app/config.hpp"
#include "core/messages_fr.hpp"

namespace kiosk::app {
namespace {
// "315 jours", "3 h", "45 min": core's formatLead in French.
std::string leadInFrench(std::chrono::seconds ahead) {
    std::string s = core::sync::formatLead(ahead);
    if (s.ends_with(" days")) s.replace(s.size() - 5, 5, " jours");
    return s;
}
}  // namespace

std::filesystem::path trustedTimePathFor(const Runtime& rt) {
    return core::sync::trustedTimeFile(stateDirFor(rt.config, rt.options.cacheDir));
}

std::string trustedTimeText(const core::sync::TrustedTimeRecord& r, core::Instant systemNow, bool french) {
    if (!french) return core::sync::describeTrustedTime(r, systemNow);  // the running kiosk's words
    if (!r.value) return "aucune (l'horloge du système fait foi)";
    std::string out = core::formatIsoUtc(*r.value) + " venant de " +
                      (r.source.empty() ? "(source non enregistrée)" : core::frenchMessage(r.source));
    const auto ahead = *core::sync::aheadOfSystemClock(r.value, systemNow);
    if (ahead.count() <= 0) return out + " (l'horloge du système est plus tard : pas utilisée)";
    out += " (en avance de " + leadInFrench(ahead) + " sur l'horloge du système)";
    if (core::sync::farAheadOfSystemClock(r.value, systemNow))
        out += " ; ATTENTION : si cette date est fausse, lancez kiosk --reset-time";
    return out;
}

}  // namespace kiosk::app
