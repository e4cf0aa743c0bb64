// Language selection with French fallback (see localized_text.hpp).
#include "core/localized_text.hpp"

namespace kiosk::core {

const char* langCode(Lang lang) { return lang == Lang::En ? "en" : "fr"; }

bool parseLang(std::string_view code, Lang& out) {
    if (code == "fr") {
        out = Lang::Fr;
        return true;
    }
    if (code == "en") {
        out = Lang::En;
        return true;
    }
    return false;
}

TextInLang LocalizedText::get(Lang lang) const {
    static const std::string kEmpty;
    if (auto it = byLang_.find(langCode(lang)); it != byLang_.end()) return {it->second, it->first};
    if (auto it = byLang_.find("fr"); it != byLang_.end()) return {it->second, it->first};
    if (!byLang_.empty()) return {byLang_.begin()->second, byLang_.begin()->first};
    return {kEmpty, "fr"};
}

}  // namespace kiosk::core
