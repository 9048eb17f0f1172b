#include "data/generator/layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "data/generator/random.h"

namespace sample::detail {

namespace {

// Interior vertices move by up to this much per axis: enough to look drawn by hand, small
// enough (below 15% of a cell) that every cell stays convex.
constexpr double kJitterX_m = 130;
constexpr double kJitterY_m = 110;

// The old town's centre of gravity, in cell units from the south-west corner: estates crowd
// around it, villages (and the hardware workshops among them) lie to the west and south.
constexpr double kCoreColumn = 3.9;
constexpr double kCoreRow = 3.4;

static_assert(kEstateNames.size() + kVillageNames.size() == kColumns * kRows,
              "one name per neighbourhood cell");

}  // namespace

geo::XY Cell::at(double u, double v) const {
    const auto& [sw, se, ne, nw] = corners;
    return {(1 - u) * (1 - v) * sw.x + u * (1 - v) * se.x + u * v * ne.x + (1 - u) * v * nw.x,
            (1 - u) * (1 - v) * sw.y + u * (1 - v) * se.y + u * v * ne.y + (1 - u) * v * nw.y};
}

geo::Envelope Layout::envelope() const {
    geo::Envelope e;
    for (const auto& p : lattice) e.expand(p);
    return e;
}

geo::XY midpoint(const geo::XY& a, const geo::XY& b) {
    return {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

geo::XY round_m(const geo::XY& p) { return {std::round(p.x), std::round(p.y)}; }

Layout make_layout(std::uint64_t seed) {
    Rng rng(seed, "layout");
    Layout layout;
    const double x0 = kCentre.x - kWidth_m / 2;
    const double y0 = kCentre.y - kHeight_m / 2;
    const double dx = kWidth_m / kColumns;
    const double dy = kHeight_m / kRows;

    // Boundary vertices slide only along the boundary, so the district stays a rectangle.
    for (int j = 0; j <= kRows; ++j) {
        for (int i = 0; i <= kColumns; ++i) {
            double x = x0 + i * dx;
            double y = y0 + j * dy;
            if (i > 0 && i < kColumns) x += rng.uniform(-kJitterX_m, kJitterX_m);
            if (j > 0 && j < kRows) y += rng.uniform(-kJitterY_m, kJitterY_m);
            layout.lattice.push_back(round_m({x, y}));
        }
    }

    std::vector<double> core_distance;
    for (int row = 0; row < kRows; ++row) {
        for (int column = 0; column < kColumns; ++column) {
            Cell cell;
            cell.column = column;
            cell.row = row;
            cell.corners = {layout.vertex(column, row), layout.vertex(column + 1, row),
                            layout.vertex(column + 1, row + 1), layout.vertex(column, row + 1)};
            layout.cells.push_back(cell);
            // Distance in metres, plus a little noise so the urban edge is not a circle.
            const double ex = (column + 0.5 - kCoreColumn) * dx;
            const double ey = (row + 0.5 - kCoreRow) * dy;
            core_distance.push_back(std::hypot(ex, ey) + rng.uniform(0, 400));
        }
    }

    // The half nearest the core are estates, named outward from 金城小区; the rest villages.
    std::vector<std::size_t> order(layout.cells.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return core_distance[a] < core_distance[b];
    });
    for (std::size_t k = 0; k < order.size(); ++k) {
        Cell& cell = layout.cells[order[k]];
        cell.village = k >= kEstateNames.size();
        cell.name = cell.village ? kVillageNames[k - kEstateNames.size()] : kEstateNames[k];
    }
    return layout;
}

}  // namespace sample::detail
