// `kiosk pin` (see staff_pin_cmd.hpp): reads the PIN without echo and prints its hash.
#include "app/staff_pin_cmd.hpp"

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include <termios.h>
#include <unistd.h>

#include "core/staff/staff_pin.hpp"

namespace kiosk::app {
namespace {

std::optional<std::string> askLine(const char* prompt) {
    const bool tty = isatty(STDIN_FILENO) == 1;
    termios old{};
    if (tty) {
        std::fprintf(stderr, "%s", prompt);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
    }
    if (!got) return std::nullopt;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

}  // namespace

int runPinCommand(bool allowShort) {
    const std::size_t minDigits = allowShort ? 4 : core::staff::kDefaultMinPinDigits;
    const auto first = askLine(allowShort ? "New staff PIN (4 to 12 digits): " : "New staff PIN (6 to 12 digits): ");
    if (!first) {
        std::fprintf(stderr, "kiosk pin: no PIN given (type it on the terminal, or pipe it twice, one a line)\n");
        return 1;
    }
    if (!core::staff::isValidPin(*first) || first->size() < minDigits) {
        std::fprintf(stderr, allowShort
                                 ? "kiosk pin: a staff PIN is 4 to 12 digits (0-9); try again\n"
                                 : "kiosk pin: a staff PIN is 6 to 12 digits (0-9); try again (--short accepts 4 or 5, "
                                   "weaker if the configuration leaks)\n");
        return 1;
    }
    const auto second = askLine("The same PIN again: ");
    if (!second || *second != *first) {
        std::fprintf(stderr, "kiosk pin: the two PINs differ; nothing printed, try again\n");
        return 1;
    }
    auto hash = core::staff::hashPin(*first);
    if (!hash) {
        std::fprintf(stderr, "kiosk pin: %s\n", hash.error().c_str());
        return 1;
    }
    std::fprintf(stderr,
                 "Put this line in the kiosk's configuration (e.g. /etc/kiosk/kiosk.jsonc), then restart it:\n");
    std::printf("\"staff_pin_hash\": \"%s\",\n", hash.value().c_str());
    return 0;
}

}  // namespace kiosk::app
