#include "geo/classify/colours.h"

#include <string>

#include "geo/util/error.h"

namespace geo {

namespace {

// 0xRRGGBB, opaque.
constexpr Rgba8 hex(std::uint32_t rgb) {
    return {static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>((rgb >> 8) & 0xFF),
            static_cast<std::uint8_t>(rgb & 0xFF), 255};
}

// ColorBrewer sequential schemes as published (colorbrewer2.org, v2.0), one row per class
// count 3..9; each row holds that many colours, the rest zero.
using SchemeTable = std::array<std::array<std::uint32_t, 9>, 7>;

constexpr SchemeTable yl_or_rd = {{
    {0xffeda0, 0xfeb24c, 0xf03b20},
    {0xffffb2, 0xfecc5c, 0xfd8d3c, 0xe31a1c},
    {0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026},
    {0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xf03b20, 0xbd0026},
    {0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026},
    {0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026},
    {0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xbd0026, 0x800026},
}};

constexpr SchemeTable blues = {{
    {0xdeebf7, 0x9ecae1, 0x3182bd},
    {0xeff3ff, 0xbdd7e7, 0x6baed6, 0x2171b5},
    {0xeff3ff, 0xbdd7e7, 0x6baed6, 0x3182bd, 0x08519c},
    {0xeff3ff, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x3182bd, 0x08519c},
    {0xeff3ff, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x084594},
    {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x084594},
    {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b},
}};

constexpr SchemeTable greens = {{
    {0xe5f5e0, 0xa1d99b, 0x31a354},
    {0xedf8e9, 0xbae4b3, 0x74c476, 0x238b45},
    {0xedf8e9, 0xbae4b3, 0x74c476, 0x31a354, 0x006d2c},
    {0xedf8e9, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x31a354, 0x006d2c},
    {0xedf8e9, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x005a32},
    {0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x005a32},
    {0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x006d2c, 0x00441b},
}};

constexpr SchemeTable purples = {{
    {0xefedf5, 0xbcbddc, 0x756bb1},
    {0xf2f0f7, 0xcbc9e2, 0x9e9ac8, 0x6a51a3},
    {0xf2f0f7, 0xcbc9e2, 0x9e9ac8, 0x756bb1, 0x54278f},
    {0xf2f0f7, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x756bb1, 0x54278f},
    {0xf2f0f7, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x4a1486},
    {0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x4a1486},
    {0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x54278f, 0x3f007d},
}};

const SchemeTable& table_of(Ramp ramp) {
    switch (ramp) {
        case Ramp::yellow_orange_red: return yl_or_rd;
        case Ramp::blues: return blues;
        case Ramp::greens: return greens;
        case Ramp::purples: return purples;
    }
    throw InternalError("ramp_colours: unknown ramp");
}

// ColorBrewer Set1 (9 classes) and Dark2 (8 classes), by hue.
namespace set1 {
constexpr std::uint32_t red = 0xe41a1c, blue = 0x377eb8, green = 0x4daf4a, purple = 0x984ea3,
                        orange = 0xff7f00, brown = 0xa65628, pink = 0xf781bf, grey = 0x999999;
}  // namespace set1
namespace dark2 {
constexpr std::uint32_t teal = 0x1b9e77, orange = 0xd95f02, slate_blue = 0x7570b3,
                        magenta = 0xe7298a, green = 0x66a61e, gold = 0xe6ab02, brown = 0xa6761d,
                        grey = 0x666666;
}  // namespace dark2

}  // namespace

std::vector<Rgba8> ramp_colours(Ramp ramp, int classes) {
    if (classes < 1 || classes > 9)
        throw BadInput("colour ramp " + std::string(name_of(ramp)) + ": " +
                       std::to_string(classes) + " classes asked for, ColorBrewer has 1 to 9");
    const SchemeTable& table = table_of(ramp);
    if (classes == 1) return {hex(table[0][1])};
    if (classes == 2) return {hex(table[0][0]), hex(table[0][2])};
    std::vector<Rgba8> out;
    const auto& row = table[static_cast<std::size_t>(classes - 3)];
    for (int i = 0; i < classes; ++i) out.push_back(hex(row[static_cast<std::size_t>(i)]));
    return out;
}

Rgba8 colour_of(FraudType type) {
    switch (type) {
        case FraudType::investment: return hex(set1::red);
        case FraudType::health_product: return hex(set1::green);
        case FraudType::online_shopping: return hex(set1::blue);
        case FraudType::order_brushing: return hex(set1::orange);
        case FraudType::impersonation_police: return hex(set1::purple);
        case FraudType::loan: return hex(set1::brown);
        case FraudType::romance: return hex(set1::pink);
        case FraudType::other: return hex(set1::grey);
    }
    return hex(set1::grey);
}

Rgba8 colour_of(Outcome outcome) {
    switch (outcome) {
        case Outcome::lost: return hex(set1::red);
        case Outcome::dissuaded: return hex(set1::green);
        case Outcome::payment_stopped: return hex(set1::blue);
        case Outcome::recovered: return hex(set1::purple);
        case Outcome::unknown: return hex(set1::grey);
    }
    return hex(set1::grey);
}

// A warning's outcome in the colour of the same outcome of a case.
Rgba8 colour_of(WarningOutcome outcome) {
    switch (outcome) {
        case WarningOutcome::dissuaded: return colour_of(Outcome::dissuaded);
        case WarningOutcome::payment_stopped: return colour_of(Outcome::payment_stopped);
        case WarningOutcome::lost: return colour_of(Outcome::lost);
        case WarningOutcome::unknown: return colour_of(Outcome::unknown);
    }
    return colour_of(Outcome::unknown);
}

Rgba8 colour_of(SiteKind kind) {
    switch (kind) {
        case SiteKind::police_station: return hex(dark2::slate_blue);
        case SiteKind::bank: return hex(dark2::gold);
        case SiteKind::property_office: return hex(dark2::orange);
        case SiteKind::school: return hex(dark2::green);
        case SiteKind::enterprise: return hex(dark2::brown);
        case SiteKind::village_committee: return hex(dark2::teal);
        case SiteKind::community_centre: return hex(dark2::magenta);
        case SiteKind::other: return hex(dark2::grey);
        // Dark2 has eight colours; the two kinds added later take Set1's, distinct from them.
        case SiteKind::camera: return hex(set1::blue);
        case SiteKind::police_box: return hex(set1::purple);
    }
    return hex(dark2::grey);
}

Rgba8 colour_of(PosterKind kind) {
    switch (kind) {
        case PosterKind::poster: return hex(dark2::teal);
        case PosterKind::contact_card: return hex(dark2::orange);
        case PosterKind::banner: return hex(dark2::slate_blue);
    }
    return hex(dark2::grey);
}

// Roads are context under the thematic layers, so neutral greys (ColorBrewer Greys, 9 classes,
// entries 8 to 4) that never compete with a choropleth's hues; busier classes darker.
Rgba8 colour_of(RoadClass road_class) {
    switch (road_class) {
        case RoadClass::provincial: return hex(0x252525);
        case RoadClass::arterial: return hex(0x525252);
        case RoadClass::local: return hex(0x737373);
        case RoadClass::alley: return hex(0x969696);
        case RoadClass::path: return hex(0xbdbdbd);
    }
    return hex(0x969696);
}

Rgba8 gi_bin_colour(int bin) {
    switch (bin) {
        case 3: return {178, 24, 43, 255};
        case 2: return {239, 138, 98, 255};
        case 1: return {253, 219, 199, 255};
        case -1: return {209, 229, 240, 255};
        case -2: return {103, 169, 207, 255};
        case -3: return {33, 102, 172, 255};
        default: return {0, 0, 0, 0};
    }
}

}  // namespace geo
