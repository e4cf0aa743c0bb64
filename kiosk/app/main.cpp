// Entry point of the `kiosk` program: parses the command line, loads the configuration
// and runs one of the modes (interactive, headless screenshot, self-test).
#include <cstdio>

#include "app/modes.hpp"
#include "app/options.hpp"
#include "app/runtime.hpp"
#include "app/staff_pin_cmd.hpp"
#include "app/sync_once.hpp"
#include "core/log.hpp"

int main(int argc, char** argv) {
    using namespace kiosk;
    const app::ParsedOptions parsed = app::parseOptions(argc, argv);
    if (!parsed.options) return parsed.exitCode;
    const app::Options& options = *parsed.options;
    if (options.verbose) core::log::setMinimumLevel(core::log::Level::Debug);
    if (options.pin) return app::runPinCommand(options.shortPin);

    auto runtime = app::prepareRuntime(options);
    if (!runtime) {
        std::fprintf(stderr, "kiosk: %s\n", runtime.error().c_str());
        return 2;
    }
    if (options.syncOnce) return app::runSyncOnce(runtime.value());
    if (options.status) return app::runStatus(runtime.value());
    if (options.rollback) return app::runRollback(runtime.value());
    if (options.resetTime) return app::runResetTime(runtime.value());
    if (options.check) return app::runCheck(runtime.value());
    if (options.headless) return app::runHeadless(runtime.value());
    return app::runInteractive(runtime.value());
}
