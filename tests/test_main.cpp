// The Catch2 main shared by every test executable. Every test case and leaf section must
// run an assertion (issue 9): NoAssertions is always on, whatever -w the command line
// gives (Catch2 v2 takes a single -w, which discovery uses for NoTests).
// `--kiosk-asserts` prints "assertions enforced" and exits (scripts/check-assertions.sh).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstring>

int main(int argc, char* argv[]) {
    if (argc == 2 && std::strcmp(argv[1], "--kiosk-asserts") == 0) {
        std::puts("assertions enforced");
        return 0;
    }
    Catch::Session session;
    if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
    Catch::ConfigData& config = session.configData();
    config.warnings = static_cast<Catch::WarnAbout::What>(config.warnings | Catch::WarnAbout::NoAssertions);
    return session.run();
}
