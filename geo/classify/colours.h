#pragma once
// The colours the map and its legend share: sequential ramps for choropleth classes, and one
// fixed colour per category of the workspace's vocabularies. Plain RGBA bytes, no GL here.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "geo/model/enums.h"

namespace geo {

struct Rgba8 {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;  // sRGB, straight (not premultiplied) alpha
    friend bool operator==(const Rgba8&, const Rgba8&) = default;
};

// ColorBrewer sequential schemes (Cynthia Brewer, Mark Harrower and The Pennsylvania State
// University, colorbrewer2.org; Apache License 2.0): YlOrRd, Blues, Greens, Purples.
enum class Ramp { yellow_orange_red, blues, greens, purples };

template <> struct EnumNames<Ramp> {
    static constexpr std::array<std::string_view, 4> names = {"yellow_orange_red", "blues",
                                                              "greens", "purples"};
};

// The scheme's colours for `classes` classes, lightest (lowest class) first. ColorBrewer designs
// each count from 3 to 9 separately, and those are returned as published. Since class_breaks can
// give fewer classes on data with few distinct values, 2 classes take the ends of the 3-class
// scheme and 1 class its middle. Throws BadInput outside 1..9.
std::vector<Rgba8> ramp_colours(Ramp ramp, int classes);

// Categorical colours, after ColorBrewer's qualitative Set1 and Dark2 (same source and licence).
// Fraud types and outcomes: Set1 hues ('lost' red, 'dissuaded' green, 'payment_stopped' blue,
// 'other'/'unknown' grey). Sites and posters: Dark2. Roads: greys, darker for busier classes.
Rgba8 colour_of(FraudType type);
Rgba8 colour_of(Outcome outcome);
Rgba8 colour_of(WarningOutcome outcome);
Rgba8 colour_of(SiteKind kind);
Rgba8 colour_of(PosterKind kind);
Rgba8 colour_of(RoadClass road_class);

// Getis-Ord Gi* confidence bins (-3..3, as hotspot_analysis.h gives them), ArcGIS's hot-spot
// palette: reds for hot at 99/95/90% confidence, blues for cold; bin 0 transparent.
Rgba8 gi_bin_colour(int bin);

}  // namespace geo
