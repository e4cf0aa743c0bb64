// Limit-checked JSON parsing (see json_parse.hpp): a SAX pass that counts depth and
// entries and turns every parser error into a message, then the DOM parse of a text
// known to be within limits.
#include "core/json_parse.hpp"

#include <algorithm>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "core/text_safety.hpp"

namespace kiosk::core {
namespace {
using nlohmann::json;

class LimitChecker final : public nlohmann::json_sax<json> {
public:
    explicit LimitChecker(const JsonParseOptions& o) : options_(o) {}

    std::string problem;
    std::size_t errorOffset = 0;
    bool syntaxError = false;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        Level& top = stack_.back();
        top.key = k;
        if (++top.count > options_.maxEntries) return tooMany();
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        std::string why = ex.what();  // "[json.exception.parse_error.101] parse error at line 3, ..."
        if (auto pos = why.find("] "); pos != std::string::npos) why = why.substr(pos + 2);
        problem = why;
        errorOffset = position;
        syntaxError = true;
        return false;
    }

private:
    struct Level {
        bool array = false;
        std::size_t count = 0;
        std::string key;
    };

    bool value() {
        if (!stack_.empty() && stack_.back().array && ++stack_.back().count > options_.maxEntries) return tooMany();
        return true;
    }
    bool open(bool array) {
        if (!value()) return false;
        if (stack_.size() >= options_.maxDepth) {
            problem = "nested more than " + std::to_string(options_.maxDepth) + " levels deep at " + path();
            return false;
        }
        stack_.push_back({array, 0, {}});
        return true;
    }
    bool close() {
        if (!stack_.empty()) stack_.pop_back();
        return true;
    }
    bool tooMany() {
        problem = "more than " + std::to_string(options_.maxEntries) + " entries in " + path();
        return false;
    }
    std::string path() const {
        std::string p = "$";
        for (const Level& l : stack_) {
            if (l.count == 0) break;
            if (l.array) {
                p += "[" + std::to_string(l.count - 1) + "]";
            } else {
                std::string k = printable(l.key);
                if (k.size() > 40) k = k.substr(0, 40) + "...";
                p += "." + k;
            }
            if (p.size() > 300) return p + "...";
        }
        return p;
    }

    const JsonParseOptions& options_;
    std::vector<Level> stack_;
};

std::string lineAndColumn(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::size_t line =
        1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
    const std::size_t lastNl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t column = lastNl == std::string_view::npos || offset == 0 ? offset : offset - lastNl - 1;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

Result<json> parseJsonChecked(std::string_view text, const JsonParseOptions& options) {
    try {
        LimitChecker checker(options);
        const bool ok = json::sax_parse(text, &checker, json::input_format_t::json, true, options.allowComments);
        if (!ok) {
            std::string msg = checker.problem.empty() ? "not valid JSON" : checker.problem;
            if (!checker.syntaxError) return fail(msg);
            if (msg.find("at line") == std::string::npos) msg += " (" + lineAndColumn(text, checker.errorOffset) + ")";
            return fail("not valid JSON: " + printable(msg));
        }
        json doc = json::parse(text, nullptr, /*allow_exceptions=*/false, options.allowComments);
        if (doc.is_discarded()) return fail("not valid JSON");
        return doc;
    } catch (const std::bad_alloc&) {
        return fail("not enough memory to read this JSON document");
    } catch (const std::exception& e) {  // nlohmann::json::exception of any kind, and anything else
        return fail(std::string("not valid JSON: ") + printable(e.what()));
    }
}

}  // namespace kiosk::core
