#pragma once
// QR codes for printed cards and posters: libqrencode makes the module matrix, cairo draws it.
#include <cstdint>
#include <string>
#include <vector>


// cairo's own declaration: this header stays includable without cairo's include path.
typedef struct _cairo cairo_t;

namespace geo {

// ISO/IEC 18004 asks for a light margin ("quiet zone") of 4 modules around the symbol; readers
// (zbar, phone cameras) miss codes printed closer to other ink.
inline constexpr int kQrQuietZoneModules = 4;

// A QR symbol as its modules, row by row, without the quiet zone.
struct QrCode {
    int size = 0;                       // modules per side (21 for version 1, +4 per version)
    std::vector<std::uint8_t> modules;  // size * size, 1 = dark
    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y) * size + x] != 0; }
};

// `text` as bytes (UTF-8 passed through), error correction level M (15% of the symbol may be
// damaged: a card behind scratched glass still reads). BadInput when the text is empty or
// longer than a version-40 symbol holds (2,331 bytes at level M).
QrCode encode_qr(const std::string& text);

// Draws `code` with its quiet zone as a square of `side_pt` points whose top-left is (x, y):
// white background, dark modules as filled squares (no anti-aliasing seams between them).
void draw_qr(cairo_t* cr, const QrCode& code, double x, double y, double side_pt);

}  // namespace geo
