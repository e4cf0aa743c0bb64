// Text given in one or more languages. French is required by the feed format; a missing
// translation falls back to French and says so, so speech can use the right voice.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace kiosk::core {

enum class Lang { Fr, En };

const char* langCode(Lang lang);                   // "fr", "en"
bool parseLang(std::string_view code, Lang& out);  // false for unknown codes

struct TextInLang {
    const std::string& text;
    std::string_view lang;  // the language the text is really in ("fr", "en", ...)
};

class LocalizedText {
public:
    LocalizedText() = default;
    explicit LocalizedText(std::string french) { byLang_["fr"] = std::move(french); }

    void set(std::string lang, std::string text) { byLang_[std::move(lang)] = std::move(text); }
    bool has(std::string_view lang) const { return byLang_.find(std::string(lang)) != byLang_.end(); }
    bool empty() const { return byLang_.empty(); }

    // The text in `lang`, else French, else the first language present, else "".
    TextInLang get(Lang lang) const;
    const std::string& str(Lang lang) const { return get(lang).text; }

    const std::map<std::string, std::string>& all() const { return byLang_; }

private:
    std::map<std::string, std::string> byLang_;
};

}  // namespace kiosk::core
