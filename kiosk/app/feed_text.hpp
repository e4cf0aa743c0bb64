// The language of kiosk-feed's own messages: French when LANG (or LC_ALL, LC_MESSAGES)
// starts with "fr", English otherwise. Staff read French; a server's log may be English.
#pragma once

#include <cstdlib>
#include <string>

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

}  // namespace kiosk::app
