// Typed, path-aware reading of one JSON object of a feed document. Every problem becomes
// a Diagnostic naming file, JSON path, what was expected and what was found.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "core/localized_text.hpp"
#include "core/time.hpp"

namespace kiosk::core {

// Reads fields of one JSON object. A missing required field or a field of the wrong
// form is reported at `failLevel` (Fatal for the event, ItemError for a session...) and
// makes ok() false; children made with child() share that verdict.
class JsonItem {
public:
    JsonItem(const nlohmann::json& value, std::string path, std::string file, Diagnostics& diags, Severity failLevel,
             const FeedLimits& limits);

    bool ok() const { return *ok_; }
    const std::string& path() const { return path_; }
    bool has(const char* key) const;

    std::string id(const char* key = "id");  // required identifier
    std::string string(const char* key, bool required, std::size_t maxBytes = 2000);
    LocalizedText text(const char* key, bool required);
    std::optional<DateTime> dateTime(const char* key, bool required);
    std::optional<CivilDate> date(const char* key, bool required);
    std::optional<std::int64_t> integer(const char* key, bool required, std::int64_t min, std::int64_t max);
    std::optional<double> number(const char* key, bool required, double min, double max);
    std::optional<bool> boolean(const char* key);
    // One of `allowed`; returns "" when absent or wrong.
    std::string choice(const char* key, bool required, std::initializer_list<const char*> allowed);
    // A list of strings each among `allowed`; unknown entries are warnings and dropped.
    std::vector<std::string> choiceList(const char* key, std::initializer_list<const char*> allowed);

    // Nested object (nullopt when absent or not an object: the latter is an error).
    std::optional<JsonItem> child(const char* key, bool required);
    // Array elements (empty when absent or not an array: the latter is an error).
    std::vector<JsonItem> elements(const char* key, bool required, std::size_t maxCount);
    // The items of a document's list (sessions, places...): each is read on its own at
    // item-error level, so one bad item is skipped without failing its neighbours.
    std::vector<JsonItem> items(const char* key, bool required, std::size_t maxCount);
    // For arrays of non-objects (polygon points...): the raw JSON array, or nullptr.
    const nlohmann::json* rawArray(const char* key, bool required, std::size_t maxCount);

    // Fields not in `known` are warnings: newer feeds must not break older kiosks.
    void allowOnly(std::initializer_list<std::string_view> known);

    void error(const std::string& subPath, std::string message);  // at failLevel
    void warn(const std::string& subPath, std::string message);

    const FeedLimits& limits() const { return *limits_; }

private:
    JsonItem(const nlohmann::json& value, std::string path, const JsonItem& parent);
    std::string pathOf(const char* key) const;
    std::string cleaned(const std::string& s, const std::string& path, bool keepNewlines);
    const nlohmann::json* field(const char* key, bool required, const char* expected);

    const nlohmann::json* value_;
    std::string path_, file_;
    Diagnostics* diags_;
    Severity failLevel_;
    const FeedLimits* limits_;
    std::shared_ptr<bool> ok_;
};

// "\"14h30\"", "42", "an object", "an array", "null" (strings truncated for messages).
std::string describeJson(const nlohmann::json& value);
bool isValidId(std::string_view id);

}  // namespace kiosk::core
