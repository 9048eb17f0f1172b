#include "geo/report/qr_code.h"

#include <cerrno>
#include <memory>

#include <cairo.h>
#include <qrencode.h>

#include "geo/util/error.h"

namespace geo {
namespace {

struct QrcodeDeleter {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

}  // namespace

QrCode encode_qr(const std::string& text) {
    if (text.empty()) throw BadInput("a QR code needs some text to hold");
    // 8-bit mode: a URL's bytes as they are (the alphanumeric mode would upper-case them).
    // version 0 = the smallest symbol that holds the text.
    std::unique_ptr<QRcode, QrcodeDeleter> q(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
    if (!q) {
        if (errno == ERANGE)
            throw BadInput("'" + text.substr(0, 60) + (text.size() > 60 ? "…" : "") + "' (" + std::to_string(text.size()) +
                           " bytes) is too long for a QR code (at most 2,331 bytes at error correction level M)");
        throw BadInput("libqrencode cannot encode '" + text.substr(0, 60) + "'");
    }
    QrCode code;
    code.size = q->width;
    code.modules.resize(static_cast<std::size_t>(q->width) * q->width);
    // libqrencode's byte per module: bit 0 is the colour (1 = dark); the other bits say what the
    // module is part of (finder, timing, data).
    for (std::size_t i = 0; i < code.modules.size(); ++i) code.modules[i] = q->data[i] & 1;
    return code;
}

void draw_qr(cairo_t* cr, const QrCode& code, double x, double y, double side_pt) {
    const int total = code.size + 2 * kQrQuietZoneModules;
    const double module = side_pt / total;
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, x, y, side_pt, side_pt);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
    // Crisp edges: anti-aliased neighbours would leave hairline gaps a scanner may read as light.
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int row = 0; row < code.size; ++row) {
        // One rectangle per run of dark modules in a row: fewer, larger shapes in the PDF.
        int col = 0;
        while (col < code.size) {
            if (!code.dark(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < code.size && code.dark(col, row)) ++col;
            cairo_rectangle(cr, x + (kQrQuietZoneModules + start) * module, y + (kQrQuietZoneModules + row) * module,
                            (col - start) * module, module);
        }
    }
    cairo_fill(cr);
    cairo_restore(cr);
}

}  // namespace geo
