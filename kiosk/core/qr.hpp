// QR codes for links a visitor takes away on their phone (registration, more info),
// encoded with libqrencode. No personal data is kept on the shared screen.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kiosk::core {

struct QrMatrix {
    int size = 0;                       // modules per side, without the quiet zone
    std::vector<std::uint8_t> modules;  // size * size, 1 = dark
    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)] != 0; }
};

// Error correction level M (15 %). Error when the text is empty or too long for a QR code.
Result<QrMatrix> encodeQr(const std::string& text);

}  // namespace kiosk::core
