// Typed, path-aware field reading for feed documents (see json_reader.hpp).
#include "core/json_reader.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/text_safety.hpp"

namespace kiosk::core {
namespace {
using nlohmann::json;

const char* kTextExpected = "a text: a string (French) or an object such as {\"fr\": \"…\", \"en\": \"…\"}";

bool isLangKey(const std::string& key) {
    return key.size() >= 2 && key.size() <= 3 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

int yearOf(Instant t) {
    const auto days = std::chrono::floor<std::chrono::days>(t);
    return static_cast<int>(std::chrono::year_month_day{days}.year());
}

std::string joinAllowed(std::initializer_list<const char*> allowed) {
    std::string out;
    for (const char* a : allowed) {
        if (!out.empty()) out += ", ";
        out += a;
    }
    return out;
}
}  // namespace

std::string describeJson(const json& v) {
    if (v.is_string()) {
        std::string s = v.get<std::string>();
        if (s.size() > 60) {
            std::size_t cut = 57;
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
            s = s.substr(0, cut) + "...";
        }
        return "\"" + printable(s) + "\"";
    }
    if (v.is_object()) return "an object";
    if (v.is_array()) {
        // A short list of numbers, such as a polygon point, is shown as written; nothing
        // nested is ever dumped (no recursion driven by content).
        const bool flat = v.size() <= 4 && std::all_of(v.begin(), v.end(), [](const json& e) {
                              return e.is_number() || e.is_boolean() || e.is_null();
                          });
        return flat ? v.dump() : "an array";
    }
    if (v.is_null()) return "null";
    return v.dump();
}

bool isValidId(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

JsonItem::JsonItem(const json& value, std::string path, std::string file, Diagnostics& diags, Severity failLevel,
                   const FeedLimits& limits)
    : value_(&value),
      path_(std::move(path)),
      file_(std::move(file)),
      diags_(&diags),
      failLevel_(failLevel),
      limits_(&limits),
      ok_(std::make_shared<bool>(true)) {}

JsonItem::JsonItem(const json& value, std::string path, const JsonItem& parent)
    : value_(&value),
      path_(std::move(path)),
      file_(parent.file_),
      diags_(parent.diags_),
      failLevel_(parent.failLevel_),
      limits_(parent.limits_),
      ok_(parent.ok_) {}

std::string JsonItem::pathOf(const char* key) const { return path_ + "." + key; }

bool JsonItem::has(const char* key) const { return value_->is_object() && value_->contains(key); }

void JsonItem::error(const std::string& subPath, std::string message) {
    diags_->add(failLevel_, file_, subPath, std::move(message));
    *ok_ = false;
}

void JsonItem::warn(const std::string& subPath, std::string message) {
    diags_->add(Severity::Warning, file_, subPath, std::move(message));
}

const json* JsonItem::field(const char* key, bool required, const char* expected) {
    if (value_->is_object()) {
        auto it = value_->find(key);
        if (it != value_->end() && !it->is_null()) return &*it;
    }
    if (required) error(pathOf(key), std::string("missing: expected ") + expected);
    return nullptr;
}

std::string JsonItem::id(const char* key) {
    const char* expected = "an identifier (1 to 64 characters among a-z, 0-9, - and _)";
    const json* v = field(key, true, expected);
    if (!v) return {};
    if (!v->is_string() || !isValidId(v->get<std::string>())) {
        error(pathOf(key), std::string("expected ") + expected + ", got " + describeJson(*v));
        return {};
    }
    return v->get<std::string>();
}

std::string JsonItem::string(const char* key, bool required, std::size_t maxBytes) {
    const json* v = field(key, required, "a string");
    if (!v) return {};
    if (!v->is_string()) {
        error(pathOf(key), "expected a string, got " + describeJson(*v));
        return {};
    }
    std::string s = v->get<std::string>();
    if (s.size() > maxBytes) {
        error(pathOf(key), "expected at most " + std::to_string(maxBytes) + " bytes, got " + std::to_string(s.size()));
        return {};
    }
    return cleaned(s, pathOf(key), false);
}

// Content text as a visitor may see it: valid UTF-8 without control characters. Bad
// characters are removed with a warning rather than refusing the item.
std::string JsonItem::cleaned(const std::string& s, const std::string& path, bool keepNewlines) {
    CleanedText c = cleanText(s, keepNewlines);
    if (c.invalidBytes > 0) {
        warn(path, std::to_string(c.invalidBytes) +
                       " bytes that are not valid UTF-8 replaced by U+FFFD; save the file as UTF-8");
    }
    if (c.removedControls > 0) {
        warn(path, std::to_string(c.removedControls) + " control characters removed (the first is " +
                       codepointLabel(c.firstRemoved) + "); remove them from the text");
    }
    return std::move(c.text);
}

LocalizedText JsonItem::text(const char* key, bool required) {
    LocalizedText out;
    const json* v = field(key, required, kTextExpected);
    if (!v) return out;
    const auto tooLong = [&](const std::string& s, const std::string& p) {
        if (s.size() <= limits_->maxTextBytes) return false;
        error(p, "expected at most " + std::to_string(limits_->maxTextBytes) + " bytes of text, got " +
                     std::to_string(s.size()));
        return true;
    };
    if (v->is_string()) {
        if (!tooLong(v->get<std::string>(), pathOf(key)))
            out.set("fr", cleaned(v->get<std::string>(), pathOf(key), true));
        return out;
    }
    if (!v->is_object()) {
        error(pathOf(key), std::string("expected ") + kTextExpected + ", got " + describeJson(*v));
        return out;
    }
    for (const auto& [lang, t] : v->items()) {
        const std::string p = pathOf(key) + "." + lang;
        if (!isLangKey(lang)) {
            warn(p, "expected a language code such as \"fr\" or \"en\"; this text is ignored");
        } else if (!t.is_string()) {
            error(p, "expected a string, got " + describeJson(t));
        } else if (!tooLong(t.get<std::string>(), p)) {
            out.set(lang, cleaned(t.get<std::string>(), p, true));
        }
    }
    if (!out.has("fr")) error(pathOf(key), "expected a French text (\"fr\"), which every text must have");
    return out;
}

std::optional<DateTime> JsonItem::dateTime(const char* key, bool required) {
    const char* expected = "ISO 8601 date-time with offset";
    const json* v = field(key, required, expected);
    if (!v) return std::nullopt;
    std::optional<DateTime> dt;
    if (v->is_string()) dt = parseDateTimeWithOffset(v->get<std::string>());
    if (!dt) {
        error(pathOf(key), std::string("expected ") + expected + ", got " + describeJson(*v));
    } else if (const int y = yearOf(dt->instant); y < limits_->minYear || y > limits_->maxYear) {
        error(pathOf(key), "expected a date-time in the years " + std::to_string(limits_->minYear) + " to " +
                               std::to_string(limits_->maxYear) + ", got " + describeJson(*v));
        return std::nullopt;
    }
    return dt;
}

std::optional<CivilDate> JsonItem::date(const char* key, bool required) {
    const char* expected = "a date YYYY-MM-DD";
    const json* v = field(key, required, expected);
    if (!v) return std::nullopt;
    std::optional<CivilDate> d;
    if (v->is_string()) d = parseDate(v->get<std::string>());
    if (!d) {
        error(pathOf(key), std::string("expected ") + expected + ", got " + describeJson(*v));
    } else if (d->year < limits_->minYear || d->year > limits_->maxYear) {
        error(pathOf(key), "expected a date in the years " + std::to_string(limits_->minYear) + " to " +
                               std::to_string(limits_->maxYear) + ", got " + describeJson(*v));
        return std::nullopt;
    }
    return d;
}

std::optional<std::int64_t> JsonItem::integer(const char* key, bool required, std::int64_t min, std::int64_t max) {
    const std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
    const json* v = field(key, required, expected.c_str());
    if (!v) return std::nullopt;
    // An unsigned value past INT64_MAX would wrap when read as int64_t.
    const bool fits = v->is_number_integer() &&
                      (!v->is_number_unsigned() || v->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX));
    if (!fits || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
        error(pathOf(key), "expected " + expected + ", got " + describeJson(*v));
        return std::nullopt;
    }
    return v->get<std::int64_t>();
}

std::optional<double> JsonItem::number(const char* key, bool required, double min, double max) {
    auto fmt = [](double d) {
        if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
        json j = d;
        return j.dump();
    };
    const std::string expected = "a number from " + fmt(min) + " to " + fmt(max);
    const json* v = field(key, required, expected.c_str());
    if (!v) return std::nullopt;
    if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < min || v->get<double>() > max) {
        error(pathOf(key), "expected " + expected + ", got " + describeJson(*v));
        return std::nullopt;
    }
    return v->get<double>();
}

std::optional<bool> JsonItem::boolean(const char* key) {
    const json* v = field(key, false, "true or false");
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        error(pathOf(key), "expected true or false, got " + describeJson(*v));
        return std::nullopt;
    }
    return v->get<bool>();
}

std::string JsonItem::choice(const char* key, bool required, std::initializer_list<const char*> allowed) {
    const std::string expected = "one of " + joinAllowed(allowed);
    const json* v = field(key, required, expected.c_str());
    if (!v) return {};
    if (v->is_string()) {
        for (const char* a : allowed) {
            if (v->get<std::string>() == a) return a;
        }
    }
    error(pathOf(key), "expected " + expected + ", got " + describeJson(*v));
    return {};
}

std::vector<std::string> JsonItem::choiceList(const char* key, std::initializer_list<const char*> allowed) {
    std::vector<std::string> out;
    const json* v = field(key, false, "a list");
    if (!v) return out;
    if (!v->is_array()) {
        error(pathOf(key), "expected a list of: " + joinAllowed(allowed) + ", got " + describeJson(*v));
        return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json& e = (*v)[i];
        const bool known = e.is_string() && std::any_of(allowed.begin(), allowed.end(),
                                                        [&](const char* a) { return e.get<std::string>() == a; });
        if (known) {
            out.push_back(e.get<std::string>());
        } else {
            warn(pathOf(key) + "[" + std::to_string(i) + "]",
                 "expected one of " + joinAllowed(allowed) + ", got " + describeJson(e) + "; ignored");
        }
    }
    return out;
}

std::optional<JsonItem> JsonItem::child(const char* key, bool required) {
    const json* v = field(key, required, "an object");
    if (!v) return std::nullopt;
    if (!v->is_object()) {
        error(pathOf(key), "expected an object, got " + describeJson(*v));
        return std::nullopt;
    }
    return JsonItem(*v, pathOf(key), *this);
}

const json* JsonItem::rawArray(const char* key, bool required, std::size_t maxCount) {
    const json* v = field(key, required, "a list");
    if (!v) return nullptr;
    if (!v->is_array()) {
        error(pathOf(key), "expected a list, got " + describeJson(*v));
        return nullptr;
    }
    if (v->size() > maxCount) {
        error(pathOf(key),
              "expected at most " + std::to_string(maxCount) + " entries, got " + std::to_string(v->size()));
        return nullptr;
    }
    return v;
}

std::vector<JsonItem> JsonItem::elements(const char* key, bool required, std::size_t maxCount) {
    std::vector<JsonItem> out;
    const json* v = rawArray(key, required, maxCount);
    if (!v) return out;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string p = pathOf(key) + "[" + std::to_string(i) + "]";
        if (!(*v)[i].is_object()) {
            error(p, "expected an object, got " + describeJson((*v)[i]));
            continue;
        }
        out.emplace_back(JsonItem((*v)[i], p, *this));
    }
    return out;
}

std::vector<JsonItem> JsonItem::items(const char* key, bool required, std::size_t maxCount) {
    std::vector<JsonItem> out;
    const json* v = rawArray(key, required, maxCount);
    if (!v) return out;
    for (std::size_t i = 0; i < v->size(); ++i) {
        JsonItem item((*v)[i], pathOf(key) + "[" + std::to_string(i) + "]", file_, *diags_, Severity::ItemError,
                      *limits_);
        if (!(*v)[i].is_object()) {
            item.error(item.path(), "expected an object, got " + describeJson((*v)[i]));
            continue;
        }
        out.push_back(std::move(item));
    }
    return out;
}

void JsonItem::allowOnly(std::initializer_list<std::string_view> known) {
    if (!value_->is_object()) return;
    for (const auto& [key, _] : value_->items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            warn(pathOf(key.c_str()), "unknown field, ignored (is this feed newer than this kiosk?)");
        }
    }
}

}  // namespace kiosk::core
