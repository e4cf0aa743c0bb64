// The language of kiosk-feed's own messages: French when LANG (or LC_ALL, LC_MESSAGES)
// starts with "fr", English otherwise. Staff read French; a server's log may be English.
#pragma once

#include <cstdlib>
#include <string>

#include "core/diagnostics.hpp"
#include "core/messages_fr.hpp"

namespace kiosk::app {

inline bool frenchMessages() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(name);
        if (v && *v) return std::string(v).rfind("fr", 0) == 0;
    }
    return false;
}

// tr("fichier écrit", "file written")
inline std::string tr(const char* fr, const char* en) { return frenchMessages() ? fr : en; }

// A core diagnostic's message (written in English) in the staff's language.
inline std::string coreMessage(const std::string& english) {
    return frenchMessages() ? core::frenchMessage(english) : english;
}
inline std::string levelName(core::Severity s) {
    switch (s) {
        case core::Severity::Note: return tr("remarque", "note");
        case core::Severity::Warning: return tr("avertissement", "warning");
        case core::Severity::ItemError: return tr("erreur", "error");
        case core::Severity::Fatal: return tr("bloquant", "fatal");
    }
    return "?";
}
// "sessions.json: $.sessions[2].start: message", the message in the staff's language.
inline std::string describe(const core::Diagnostic& d) {
    std::string out = d.file;
    if (!d.path.empty()) out += (out.empty() ? "" : ": ") + coreMessage(d.path);  // "line 12, column debut"
    return out + (out.empty() ? "" : ": ") + coreMessage(d.message);
}

}  // namespace kiosk::app
