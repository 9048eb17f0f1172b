#include "geo/spatial/point_in_area.h"

// Boost 1.74's Boost.Math, which Boost.Geometry includes, includes a header Boost itself has
// deprecated (boost/detail/no_exceptions_support.hpp); without this every build prints a
// "#pragma message" note that is not ours to fix.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace geo {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BPoint = bg::model::d2::point_xy<double>;
using BBox = bg::model::box<BPoint>;
using BPolygon = bg::model::polygon<BPoint>;  // clockwise, closed (bg::correct makes it so)
using BRing = BPolygon::ring_type;

// Parts with fewer vertices than this are tested with covered_by directly: the grid would not pay.
constexpr std::size_t GRID_MIN_VERTICES = 32;
// Below this many points the grids cost more to build (about a millisecond for 10,000
// vertices) than they save: a click on the map looks up one point.
constexpr std::size_t GRID_MIN_POINTS = 1000;
// Cells per side of a part's grid: about 4·√vertices, at most this many (65,536 one-byte cells).
constexpr int GRID_MAX_SIDE = 256;

// A grid over one polygon's envelope whose cells are known to lie wholly inside, wholly outside,
// or to hold part of the boundary. covered_by costs time in proportion to the polygon's
// vertices (a detailed boundary has thousands); the grid answers most points in constant time
// and leaves only those in boundary cells to covered_by, with the same answers.
//
// Why the answers are the same: a point maps to cell (floor((x - min_x) / cell_w), ...), which
// is monotonic in x and y. Every cell that the envelope of some edge maps to is marked boundary,
// so every point on an edge maps to a boundary cell, and the points mapping to any other cell
// form a rectangle free of boundary: all inside or all outside, as its region's first centre is.
class CellGrid {
public:
    CellGrid() = default;

    explicit CellGrid(const BPolygon& polygon) {
        std::size_t vertices = polygon.outer().size();
        for (const BRing& hole : polygon.inners()) vertices += hole.size();
        if (vertices < GRID_MIN_VERTICES) return;
        const BBox box = bg::return_envelope<BBox>(polygon);
        min_x_ = box.min_corner().x();
        min_y_ = box.min_corner().y();
        const double width = box.max_corner().x() - min_x_;
        const double height = box.max_corner().y() - min_y_;
        if (!(width > 0 && height > 0) || !std::isfinite(width) || !std::isfinite(height)) return;
        side_ = std::clamp(static_cast<int>(4 * std::sqrt(static_cast<double>(vertices))), 1,
                           GRID_MAX_SIDE);
        cell_w_ = width / side_;
        cell_h_ = height / side_;
        cells_.assign(static_cast<std::size_t>(side_) * side_, Cell::unknown);

        mark_edges(polygon.outer());
        for (const BRing& hole : polygon.inners()) mark_edges(hole);
        classify_regions(polygon);
    }

    // true/false where the grid knows; nullopt where covered_by must decide.
    std::optional<bool> covers(const BPoint& p) const {
        if (cells_.empty()) return std::nullopt;
        const auto cell = cell_of(p);
        if (!cell) return std::nullopt;
        switch (cells_[*cell]) {
            case Cell::inside: return true;
            case Cell::outside: return false;
            default: return std::nullopt;
        }
    }

private:
    enum class Cell : std::uint8_t { unknown, inside, outside, boundary };

    std::size_t index(int col, int row) const {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(side_) +
               static_cast<std::size_t>(col);
    }

    // The column (or row) that coordinate `v` maps to; may lie outside 0..side_-1.
    double column(double x) const { return std::floor((x - min_x_) / cell_w_); }
    double row(double y) const { return std::floor((y - min_y_) / cell_h_); }

    std::optional<std::size_t> cell_of(const BPoint& p) const {
        const double col = column(p.x());
        const double r = row(p.y());
        // Also false for NaN.
        if (!(col >= 0 && col < side_ && r >= 0 && r < side_)) return std::nullopt;
        return index(static_cast<int>(col), static_cast<int>(r));
    }

    // Gives every cell that is not boundary the status of its region. Two side-by-side cells
    // map from a connected, boundary-free set of points, so a whole 4-connected region of such
    // cells is on one side: one covered_by per region (typically a handful per polygon) instead
    // of one per cell.
    void classify_regions(const BPolygon& polygon) {
        std::vector<std::size_t> stack;
        for (int row = 0; row < side_; ++row) {
            for (int col = 0; col < side_; ++col) {
                const std::size_t seed = index(col, row);
                if (cells_[seed] != Cell::unknown) continue;
                const BPoint centre{min_x_ + (col + 0.5) * cell_w_, min_y_ + (row + 0.5) * cell_h_};
                // A cell too thin for its centre to map back to it is left to covered_by.
                if (cell_of(centre) != std::optional<std::size_t>{seed}) {
                    cells_[seed] = Cell::boundary;
                    continue;
                }
                const Cell status = bg::covered_by(centre, polygon) ? Cell::inside : Cell::outside;
                cells_[seed] = status;
                stack.assign(1, seed);
                while (!stack.empty()) {
                    const std::size_t cell = stack.back();
                    stack.pop_back();
                    const int c = static_cast<int>(cell % static_cast<std::size_t>(side_));
                    const int r = static_cast<int>(cell / static_cast<std::size_t>(side_));
                    const auto visit = [&](int nc, int nr) {
                        if (nc < 0 || nc >= side_ || nr < 0 || nr >= side_) return;
                        const std::size_t next = index(nc, nr);
                        if (cells_[next] != Cell::unknown) return;
                        cells_[next] = status;
                        stack.push_back(next);
                    };
                    visit(c - 1, r);
                    visit(c + 1, r);
                    visit(c, r - 1);
                    visit(c, r + 1);
                }
            }
        }
    }

    // Marks every cell in the range each edge's envelope maps to (clamped to the grid).
    void mark_edges(const BRing& ring) {
        const auto clamp_cell = [this](double v) {
            return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(side_ - 1)));
        };
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const BPoint& a = ring[i];
            const BPoint& b = ring[i + 1];
            const int col0 = clamp_cell(column(std::min(a.x(), b.x())));
            const int col1 = clamp_cell(column(std::max(a.x(), b.x())));
            const int row0 = clamp_cell(row(std::min(a.y(), b.y())));
            const int row1 = clamp_cell(row(std::max(a.y(), b.y())));
            for (int r = row0; r <= row1; ++r)
                for (int c = col0; c <= col1; ++c) cells_[index(c, r)] = Cell::boundary;
        }
    }

    double min_x_ = 0, min_y_ = 0, cell_w_ = 0, cell_h_ = 0;
    int side_ = 0;
    std::vector<Cell> cells_;  // row-major; empty when the polygon is tested directly
};

struct AreaPart {
    BPolygon polygon;
    std::int32_t neighbourhood = -1;
    CellGrid grid;

    bool covers(const BPoint& p) const {
        if (const auto known = grid.covers(p)) return *known;
        return bg::covered_by(p, polygon);
    }
};

void copy_ring(const Ring& from, BRing& to) {
    to.reserve(from.size());
    for (const XY& p : from) to.emplace_back(p.x, p.y);
}

// The neighbourhoods' polygons (one entry per part of a multipolygon) and an R-tree of their
// envelopes, so that each point is tested only against the few polygons whose box holds it.
class AreaIndex {
public:
    AreaIndex(const District& district, bool with_grids) {
        std::vector<std::pair<BBox, std::uint32_t>> boxes;
        for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n) {
            for (const Polygon& polygon : district.neighbourhoods[n].area) {
                if (polygon.outer.size() < 3) continue;
                AreaPart part;
                part.neighbourhood = static_cast<std::int32_t>(n);
                copy_ring(polygon.outer, part.polygon.outer());
                for (const Ring& hole : polygon.holes) {
                    part.polygon.inners().emplace_back();
                    copy_ring(hole, part.polygon.inners().back());
                }
                // Rings from a source may be open or wound either way.
                bg::correct(part.polygon);
                if (with_grids) part.grid = CellGrid(part.polygon);
                boxes.emplace_back(bg::return_envelope<BBox>(part.polygon),
                                   static_cast<std::uint32_t>(parts_.size()));
                parts_.push_back(std::move(part));
            }
        }
        // The range constructor bulk-loads the tree (packing), faster to build and to query.
        tree_ = Tree(boxes.begin(), boxes.end());
    }

    std::int32_t locate(const XY& p, std::vector<std::pair<BBox, std::uint32_t>>& candidates) const {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return -1;
        const BPoint point{p.x, p.y};
        candidates.clear();
        tree_.query(bgi::intersects(point), std::back_inserter(candidates));
        // Parts are stored in neighbourhood order: the lowest part index that covers the point
        // is the lowest neighbourhood index.
        std::sort(candidates.begin(), candidates.end(),
                  [](const auto& a, const auto& b) { return a.second < b.second; });
        for (const auto& candidate : candidates) {
            const AreaPart& part = parts_[candidate.second];
            if (part.covers(point)) return part.neighbourhood;
        }
        return -1;
    }

private:
    using Tree = bgi::rtree<std::pair<BBox, std::uint32_t>, bgi::rstar<16>>;
    std::vector<AreaPart> parts_;
    Tree tree_;
};

}  // namespace

std::vector<std::int32_t> neighbourhood_of_points(const District& district,
                                                  const std::vector<XY>& points) {
    const AreaIndex index(district, points.size() >= GRID_MIN_POINTS);
    std::vector<std::pair<BBox, std::uint32_t>> candidates;
    std::vector<std::int32_t> out;
    out.reserve(points.size());
    for (const XY& p : points) out.push_back(index.locate(p, candidates));
    return out;
}

std::vector<std::int32_t> neighbourhood_of_incidents(const District& district) {
    std::vector<XY> points;
    points.reserve(district.incidents.size());
    for (const Incident& incident : district.incidents) points.push_back(incident.location);
    return neighbourhood_of_points(district, points);
}

}  // namespace geo
