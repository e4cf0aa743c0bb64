// Result<T>: a value or an error a person can act on. Core reports failures as values;
// exceptions stay inside parsers and never cross a thread (g++ 12 has no std::expected).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kiosk::core {

struct Error {
    std::string message;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    // Precondition: ok(). Calling these on an error is a bug.
    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    // Precondition: !ok().
    const std::string& error() const { return std::get<Error>(data_).message; }

private:
    std::variant<T, Error> data_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

inline Error fail(std::string message) { return Error{std::move(message)}; }

}  // namespace kiosk::core
