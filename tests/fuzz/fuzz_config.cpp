// libFuzzer target for the kiosk's configuration file loader (app/config.cpp): the input
// is written to a file of this process and loaded as a .jsonc configuration.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "app/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/kiosk-fuzz-config-" + std::to_string(::getpid()) + ".jsonc";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    (void)kiosk::app::loadConfig(path);
    return 0;
}
