// QR encoding through libqrencode (see qr.hpp).
#include "core/qr.hpp"

#include <qrencode.h>

namespace kiosk::core {

Result<QrMatrix> encodeQr(const std::string& text) {
    if (text.empty()) return fail("nothing to encode in a QR code");
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return fail("the link is too long for a QR code (" + std::to_string(text.size()) + " bytes)");
    QrMatrix m;
    m.size = code->width;
    m.modules.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    for (std::size_t i = 0; i < m.modules.size(); ++i) m.modules[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

}  // namespace kiosk::core
