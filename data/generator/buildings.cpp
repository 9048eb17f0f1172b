#include <algorithm>
#include <cmath>

#include "data/generator/apportion.h"
#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

// Buildings stand on a square grid of slots over the middle of the cell (u, v in 0.15..0.85,
// clear of the boundary streets). An even slot count leaves the lanes u = 0.5 and v = 0.5
// free for the alleys.
constexpr double kSlotsFrom = 0.15;
constexpr double kSlotsSpan = 0.70;

struct BuildingStyle {
    int slots_per_side;           // even
    double households_per_building;
    int min_buildings, max_buildings;
    double min_width_m, max_width_m;  // west-east
    double min_depth_m, max_depth_m;  // south-north
    int min_floors, max_floors;
    double jitter;                // of a slot, each way
    double elderly_alone_share;   // buildings with an elderly person living alone (独居老人)
    std::string_view number_suffix;
};

// Estates: slab blocks of 6-18 floors, ~50 households each, numbered 幢.
constexpr BuildingStyle kEstate{6, 50, 6, 36, 36, 60, 13, 18, 6, 18, 0.08, 0.06, "幢"};
// Villages: self-built houses of 3-5 floors with rooms to let, numbered 号.
constexpr BuildingStyle kVillage{10, 5.0, 10, 99, 11, 18, 9, 14, 3, 5, 0.20, 0.16, "号"};

geo::Ring rectangle(const geo::XY& centre, double width_m, double depth_m) {
    const double x0 = centre.x - width_m / 2, x1 = centre.x + width_m / 2;
    const double y0 = centre.y - depth_m / 2, y1 = centre.y + depth_m / 2;
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};  // counter-clockwise, closed
}

}  // namespace

std::vector<geo::Building> make_buildings(const Layout& layout,
                                          const std::vector<geo::Neighbourhood>& neighbourhoods,
                                          std::uint64_t seed) {
    Rng rng(seed, "buildings");
    std::vector<geo::Building> out;
    for (std::size_t c = 0; c < layout.cells.size(); ++c) {
        const Cell& cell = layout.cells[c];
        const geo::Neighbourhood& hood = neighbourhoods[c];
        const BuildingStyle& style = cell.village ? kVillage : kEstate;
        const int side = style.slots_per_side;
        const double slot = kSlotsSpan / side;

        const double per_building = rng.lognormal(style.households_per_building, 0.15);
        const auto count = static_cast<std::size_t>(
            std::clamp(static_cast<int>(std::lround(static_cast<double>(hood.households) /
                                                    per_building)),
                       style.min_buildings, style.max_buildings));
        const auto slots = rng.sample(static_cast<std::size_t>(side * side), count);

        std::vector<geo::Building> here;
        std::vector<double> size_weight;
        for (std::size_t k = 0; k < slots.size(); ++k) {
            const auto column = static_cast<double>(slots[k] % side);
            const auto row = static_cast<double>(slots[k] / side);
            const double u = kSlotsFrom + (column + 0.5 + rng.uniform(-1, 1) * style.jitter) * slot;
            const double v = kSlotsFrom + (row + 0.5 + rng.uniform(-1, 1) * style.jitter) * slot;
            const double width_m = rng.uniform(style.min_width_m, style.max_width_m);
            const double depth_m = rng.uniform(style.min_depth_m, style.max_depth_m);
            const int floors = rng.integer(style.min_floors, style.max_floors);

            geo::Building b;
            b.neighbourhood_id = hood.id;
            b.address = std::string(kSubdistrict) + hood.name + std::to_string(k + 1) +
                        std::string(style.number_suffix);
            b.footprint = {geo::Polygon{rectangle(cell.at(u, v), width_m, depth_m), {}}};
            b.location = geo::centroid(b.footprint);
            b.flags.elderly_alone = rng.chance(style.elderly_alone_share);
            // Households without the app cluster where adoption is low.
            b.flags.no_app = rng.chance(1.6 * (1.0 - hood.app_adoption.value_or(0.92)));
            b.extras["floors"] = std::int64_t{floors};
            here.push_back(std::move(b));
            size_weight.push_back(width_m * depth_m * floors * rng.lognormal(1.0, 0.2));
        }
        // At least one household each; the rest by floor area, summing to the neighbourhood.
        const auto extra = apportion(size_weight, hood.households - static_cast<long>(count));
        for (std::size_t k = 0; k < here.size(); ++k) {
            here[k].households = 1 + extra[k];
            here[k].id = numbered_id("B", static_cast<long>(out.size()) + 1, 4);
            out.push_back(std::move(here[k]));
        }
    }
    return out;
}

}  // namespace sample::detail
