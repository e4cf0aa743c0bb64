// Helpers shared by the importers (see common.hpp).
#include "core/import/common.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>

#include <date/date.h>

#include "core/files.hpp"

namespace kiosk::core::import::detail {

bool isOnlinePlaceName(std::string_view name) {
    std::string k;
    for (char c : foldAccents(name)) {
        if (c >= 'a' && c <= 'z') k += c;
    }
    return k == "enligne" || k == "online" || k == "distanciel" || k == "adistance" || k == "visio" ||
           k == "visioconference" || k == "webinaire" || k == "webinar";
}

std::string trim(std::string_view text) {
    // Spaces, tabs, line breaks and U+00A0 (C2 A0) as a whole sequence: a byte set would
    // also eat the C2 of a leading « (C2 AB) and leave a broken character.
    const auto space = [](std::string_view t, std::size_t i) -> std::size_t {
        const char c = t[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
        return t.substr(i, 2) == "\xC2\xA0" ? 2 : 0;
    };
    std::size_t first = 0;
    while (first < text.size()) {
        const std::size_t n = space(text, first);
        if (!n) break;
        first += n;
    }
    std::size_t last = text.size();
    while (last > first) {
        if (last - first >= 2 && text.substr(last - 2, 2) == "\xC2\xA0") {
            last -= 2;
        } else if (space(text, last - 1) == 1) {
            --last;
        } else {
            break;
        }
    }
    return std::string(text.substr(first, last - first));
}

std::string sourceId(std::string_view prefix, std::string_view key) {
    std::string slug = slugId(key, 63 - prefix.size());
    if (slug.empty()) slug = sha256Hex(key).substr(0, 12);
    return std::string(prefix) + "-" + slug;
}

DateTime inZone(Instant t, const TimeZone& tz) { return DateTime{t, tz.toLocal(t).offsetMinutes}; }

std::string formatWithOffset(const DateTime& t) {
    const auto local = t.instant + std::chrono::minutes(t.offsetMinutes);
    const int a = t.offsetMinutes < 0 ? -t.offsetMinutes : t.offsetMinutes;
    char offset[16];
    std::snprintf(offset, sizeof offset, "%c%02d:%02d", t.offsetMinutes < 0 ? '-' : '+', a / 60 % 100, a % 60);
    return date::format("%Y-%m-%dT%H:%M:%S", local) + offset;
}

std::optional<DateTime> parseOffsetDateTime(std::string_view view) {
    std::string s = trim(view);
    if (s.size() > 10 && s[10] == ' ') s[10] = 'T';
    // fractional seconds: drop them
    if (auto dot = s.find('.', 16); dot != std::string::npos && dot < s.size()) {
        std::size_t end = dot + 1;
        while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
        s.erase(dot, end - dot);
    }
    // "+0200" -> "+02:00"
    if (s.size() > 5) {
        const std::string tail = s.substr(s.size() - 5);
        if ((tail[0] == '+' || tail[0] == '-') && std::all_of(tail.begin() + 1, tail.end(), ::isdigit)) {
            s.insert(s.size() - 2, ":");
        }
    }
    return parseDateTimeWithOffset(s);
}

std::optional<CivilDate> parseLooseDate(std::string_view view) {
    const std::string s = trim(view);
    if (auto iso = parseDate(s.substr(0, std::min<std::size_t>(s.size(), 10)))) {
        if (s.size() == 10 || s[10] == 'T' || s[10] == ' ') return iso;
    }
    int d = 0, m = 0, y = 0;
    char sep1 = 0, sep2 = 0;
    int used = 0;
    if (std::sscanf(s.c_str(), "%d%c%d%c%d%n", &d, &sep1, &m, &sep2, &y, &used) == 5 &&
        static_cast<std::size_t>(used) == s.size() && sep1 == sep2 && (sep1 == '/' || sep1 == '.' || sep1 == '-')) {
        if (y < 100) y += 2000;
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return parseDate(buf);
    }
    return std::nullopt;
}

std::optional<int> parseLooseTime(std::string_view view) {
    std::string s;
    for (char c : trim(view)) {
        if (c != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    static const std::regex re(R"(^(\d{1,2})(?:[h:.](\d{2})?(?::(\d{2}))?)?$)");
    std::smatch m;
    if (!std::regex_match(s, m, re)) return std::nullopt;
    if (!m[2].matched && s.find_first_of("h:.") == std::string::npos) return std::nullopt;  // "14" alone
    const int h = std::stoi(m[1]);
    const int min = m[2].matched ? std::stoi(m[2]) : 0;
    if (h > 24 || min > 59 || (h == 24 && min > 0)) return std::nullopt;
    return h * 60 + min;
}

std::optional<int> parseDurationMinutes(std::string_view view) {
    const std::string s = trim(view);
    static const std::regex hm(R"(^(\d{1,3}):(\d{2})(?::(\d{2}))?$)");
    static const std::regex iso(R"(^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$)");
    static const std::regex mins(R"(^(\d{1,4})$)");
    std::smatch m;
    if (std::regex_match(s, m, hm)) return std::stoi(m[1]) * 60 + std::stoi(m[2]);
    if (std::regex_match(s, m, iso) && (m[1].matched || m[2].matched)) {
        return (m[1].matched ? std::stoi(m[1]) * 60 : 0) + (m[2].matched ? std::stoi(m[2]) : 0);
    }
    if (std::regex_match(s, m, mins)) return std::stoi(m[1]);
    return std::nullopt;
}

std::optional<SessionType> typeFromWords(std::string_view words) {
    const std::string w = foldAccents(words);
    struct Rule {
        const char* word;
        SessionType type;
    };
    static const Rule rules[] = {
        {"round_table", SessionType::RoundTable},
        {"table ronde", SessionType::RoundTable},
        {"table-ronde", SessionType::RoundTable},
        {"round table", SessionType::RoundTable},
        {"debat", SessionType::RoundTable},
        {"panel", SessionType::RoundTable},
        {"atelier", SessionType::Workshop},
        {"workshop", SessionType::Workshop},
        {"showroom", SessionType::Showroom},
        {"demonstration", SessionType::Showroom},
        {"convivial", SessionType::Convivial},
        {"apero", SessionType::Convivial},
        {"cocktail", SessionType::Convivial},
        {"repas", SessionType::Convivial},
        {"projection", SessionType::Screening},
        {"screening", SessionType::Screening},
        {"film", SessionType::Screening},
        {"cinema", SessionType::Screening},
        {"exposition", SessionType::Exhibition},
        {"exhibition", SessionType::Exhibition},
        {"conference", SessionType::Talk},
        {"talk", SessionType::Talk},
        {"lecture", SessionType::Talk},
        {"keynote", SessionType::Talk},
        {"rencontre", SessionType::Talk},
        {"other", SessionType::Other},
        {"autre", SessionType::Other},
    };
    for (const Rule& r : rules) {
        if (w.find(r.word) != std::string::npos) return r.type;
    }
    return std::nullopt;
}

std::optional<AccessFeature> accessFromWord(std::string_view word) {
    std::string w;
    for (char c : foldAccents(trim(word))) {
        if (std::isalnum(static_cast<unsigned char>(c))) w += c;
    }
    AccessFeature f;
    struct Rule {
        const char* word;
        AccessFeature feature;
    };
    static const Rule rules[] = {
        {"stepfree", kStepFree},
        {"plainpied", kStepFree},
        {"accespmr", kStepFree},
        {"pmr", kStepFree},
        {"fauteuil", kStepFree},
        {"wheelchair", kStepFree},
        {"sansmarche", kStepFree},
        {"inductionloop", kInductionLoop},
        {"bouclemagnetique", kInductionLoop},
        {"boucleauditive", kInductionLoop},
        {"boucle", kInductionLoop},
        {"signlanguage", kSignLanguage},
        {"lsf", kSignLanguage},
        {"languedessignes", kSignLanguage},
        {"audiodescription", kAudioDescription},
        {"quietroom", kQuietRoom},
        {"espacecalme", kQuietRoom},
        {"sallecalme", kQuietRoom},
    };
    for (const Rule& r : rules) {
        if (w == r.word) return r.feature;
    }
    if (parseAccess(std::string(trim(word)), f)) return f;
    return std::nullopt;
}

std::optional<AudienceFlag> audienceFromWord(std::string_view word) {
    std::string w;
    for (char c : foldAccents(trim(word))) {
        if (std::isalnum(static_cast<unsigned char>(c))) w += c;
    }
    if (w == "toutpublic" || w == "grandpublic" || w == "generalpublic" || w == "tous" || w == "everyone") {
        return kGeneralPublic;
    }
    if (w.rfind("professionn", 0) == 0 || w == "professionals" || w == "pro" || w == "pros") return kProfessionals;
    if (w == "familles" || w == "famille" || w == "families" || w == "family" || w == "enfants") return kFamilies;
    if (w == "jeunes" || w == "jeunepublic" || w == "youngpeople" || w == "ados" || w == "adolescents")
        return kYoungPeople;
    return std::nullopt;
}

std::string plainText(std::string_view text) {
    std::string s(text);
    static const std::regex br(R"(<br\s*/?>)", std::regex::icase);
    static const std::regex para(R"(</p>\s*<p[^>]*>|</p>|</li>|</h\d>)", std::regex::icase);
    static const std::regex tags(R"(<[^>]{0,200}>)");
    static const std::regex link(R"(\[([^\]]*)\]\([^)]*\))");
    static const std::regex emph(R"(\*\*|__|(^|\n)#{1,6} |(^|\n)[*-] )");
    s = std::regex_replace(s, br, "\n");
    s = std::regex_replace(s, para, "\n\n");
    s = std::regex_replace(s, tags, "");
    s = std::regex_replace(s, link, "$1");
    s = std::regex_replace(s, emph, "$1$2");
    static const std::pair<const char*, const char*> entities[] = {{"&nbsp;", " "},  {"&lt;", "<"},  {"&gt;", ">"},
                                                                   {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
                                                                   {"&amp;", "&"}};
    for (const auto& [from, to] : entities) {
        for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + 1))
            s.replace(pos, std::string_view(from).size(), to);
    }
    std::string out;  // collapse three or more line breaks and trailing spaces
    int breaks = 0;
    for (char c : s) {
        if (c == '\r') continue;
        if (c == '\n') {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            if (++breaks <= 2) out += c;
        } else {
            breaks = 0;
            out += c;
        }
    }
    return trim(out);
}

void noteDays(Imported& out, const TimeZone& tz) {
    for (const Session& s : out.sessions) {
        const CivilDate first = tz.toLocal(s.start.instant).date;
        const CivilDate last = tz.toLocal(s.end.instant - std::chrono::seconds(1)).date;
        if (!out.firstDay || first < *out.firstDay) out.firstDay = first;
        if (!out.lastDay || last > *out.lastDay) out.lastDay = last;
    }
}

}  // namespace kiosk::core::import::detail
