#include "geo/transport/plate.h"

namespace geo {

std::string plate_key(std::string_view plate) {
    static constexpr std::string_view kMiddleDot = "\xC2\xB7";  // U+00B7, as printed between region and number
    std::string out;
    out.reserve(plate.size());
    for (std::size_t i = 0; i < plate.size(); ++i) {
        if (plate.substr(i, kMiddleDot.size()) == kMiddleDot) {
            ++i;
            continue;
        }
        const char c = plate[i];
        if (c == ' ' || c == '-' || c == '.' || c == '\t') continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

}  // namespace geo
