// Colour ramps and categorical colours shared by the map and its legend.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "geo/classify/colours.h"
#include "geo/util/error.h"

using namespace geo;

namespace {

// CIE L*a*b* (D65) of an sRGB colour: IEC 61966-2-1 linearisation, then CIE 15 formulas.
struct Lab {
    double l, a, b;
};

Lab lab_of(const Rgba8& c) {
    auto linear = [](std::uint8_t v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    const double r = linear(c.r), g = linear(c.g), b = linear(c.b);
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

// CIE76 colour difference; about 2.3 is just noticeable, over 20 reads as a different colour.
double delta_e(const Rgba8& p, const Rgba8& q) {
    const Lab a = lab_of(p), b = lab_of(q);
    return std::hypot(a.l - b.l, a.a - b.a, a.b - b.b);
}

template <class E> std::vector<Rgba8> all_colours() {
    std::vector<Rgba8> out;
    for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i) out.push_back(colour_of(static_cast<E>(i)));
    return out;
}

// Every pair at least `min_delta_e` apart (so also all distinct), and all opaque.
template <class E> void check_distinguishable(double min_delta_e) {
    const auto colours = all_colours<E>();
    for (std::size_t i = 0; i < colours.size(); ++i) {
        CHECK(colours[i].a == 255);
        for (std::size_t j = i + 1; j < colours.size(); ++j) {
            CAPTURE(name_of(static_cast<E>(i)));
            CAPTURE(name_of(static_cast<E>(j)));
            CHECK(colours[i] != colours[j]);
            CHECK(delta_e(colours[i], colours[j]) > min_delta_e);
        }
    }
}

constexpr Ramp all_ramps[] = {Ramp::yellow_orange_red, Ramp::blues, Ramp::greens, Ramp::purples};

}  // namespace

TEST_CASE("Ramps have one colour per class, 1 to 9, and refuse other counts") {
    for (Ramp ramp : all_ramps) {
        CAPTURE(name_of(ramp));
        for (int classes = 1; classes <= 9; ++classes)
            CHECK(ramp_colours(ramp, classes).size() == static_cast<std::size_t>(classes));
        CHECK_THROWS_AS(ramp_colours(ramp, 0), BadInput);
        CHECK_THROWS_AS(ramp_colours(ramp, 10), BadInput);
    }
}

TEST_CASE("Ramps are ColorBrewer's published colours") {
    CHECK(ramp_colours(Ramp::yellow_orange_red, 9).front() == Rgba8{0xff, 0xff, 0xcc, 255});
    CHECK(ramp_colours(Ramp::yellow_orange_red, 9).back() == Rgba8{0x80, 0x00, 0x26, 255});
    CHECK(ramp_colours(Ramp::blues, 3) ==
          std::vector<Rgba8>{{0xde, 0xeb, 0xf7, 255}, {0x9e, 0xca, 0xe1, 255}, {0x31, 0x82, 0xbd, 255}});
    CHECK(ramp_colours(Ramp::greens, 5)[2] == Rgba8{0x74, 0xc4, 0x76, 255});
    CHECK(ramp_colours(Ramp::purples, 7)[6] == Rgba8{0x4a, 0x14, 0x86, 255});
    // Fewer than 3 classes: the 3-class scheme's ends, or its middle.
    CHECK(ramp_colours(Ramp::blues, 2) == std::vector<Rgba8>{{0xde, 0xeb, 0xf7, 255}, {0x31, 0x82, 0xbd, 255}});
    CHECK(ramp_colours(Ramp::blues, 1) == std::vector<Rgba8>{{0x9e, 0xca, 0xe1, 255}});
}

TEST_CASE("Every ramp darkens from its first class to its last") {
    for (Ramp ramp : all_ramps) {
        for (int classes = 1; classes <= 9; ++classes) {
            CAPTURE(name_of(ramp));
            CAPTURE(classes);
            const auto colours = ramp_colours(ramp, classes);
            for (std::size_t i = 0; i + 1 < colours.size(); ++i) {
                CHECK(lab_of(colours[i]).l > lab_of(colours[i + 1]).l);
                CHECK(colours[i].a == 255);
            }
        }
    }
}

TEST_CASE("Categorical colours of one vocabulary are all distinguishable") {
    check_distinguishable<FraudType>(20);
    check_distinguishable<Outcome>(20);
    check_distinguishable<SiteKind>(20);
    check_distinguishable<PosterKind>(20);
    check_distinguishable<RoadClass>(10);  // a grey ladder: steps of lightness only
}

TEST_CASE("Outcomes read as they should: lost red, dissuaded green, payment stopped blue") {
    const Rgba8 lost = colour_of(Outcome::lost);
    const Rgba8 dissuaded = colour_of(Outcome::dissuaded);
    const Rgba8 stopped = colour_of(Outcome::payment_stopped);
    CHECK((lost.r > 2 * lost.g && lost.r > 2 * lost.b));
    CHECK((dissuaded.g > dissuaded.r && dissuaded.g > dissuaded.b));
    CHECK((stopped.b > stopped.r && stopped.b > stopped.g));
    // Unknown is a neutral grey.
    const Rgba8 unknown = colour_of(Outcome::unknown);
    CHECK((unknown.r == unknown.g && unknown.g == unknown.b));
}
