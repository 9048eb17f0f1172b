#include <array>
#include <string_view>

#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

// Every interior lattice line is a street. Lines are listed by index: vertical lines by
// lattice column i, horizontal lines by lattice row j. Boundary lines (0 and 6) are the
// district's edge and carry no road.
//
//        i=1 S217       i=4 城西大道
//          |              |
//   j=5 ---+---梅陇路-----+-----
//   j=3 ---+---江南路-----+-----      local streets are split where they cross a major road
//   j=1 ---+---紫微南路---+-----      (S217, 城西大道, 江南路, 紫微南路), one record per piece
struct GridStreet {
    bool vertical;
    int line;
    geo::RoadClass road_class;
    std::string_view name;
};

constexpr std::array<GridStreet, 10> kStreets = {{
    {true, 1, geo::RoadClass::provincial, "S217省道"},
    {true, 4, geo::RoadClass::arterial, "城西大道"},
    {false, 3, geo::RoadClass::arterial, "江南路"},
    {false, 1, geo::RoadClass::arterial, "紫微南路"},
    {false, 2, geo::RoadClass::local, "金城路"},
    {false, 4, geo::RoadClass::local, "华丰路"},
    {false, 5, geo::RoadClass::local, "梅陇路"},
    {true, 2, geo::RoadClass::local, "园周路"},
    {true, 3, geo::RoadClass::local, "望春街"},
    {true, 5, geo::RoadClass::local, "溪心路"},
}};

// Where a local street is cut: at the lines of the major roads crossing it.
constexpr std::array<int, 4> kCutsOfHorizontal = {0, 1, 4, kColumns};  // S217, 城西大道
constexpr std::array<int, 4> kCutsOfVertical = {0, 1, 3, kRows};       // 紫微南路, 江南路

constexpr int kOneWayStreets = 3;  // a few narrow old-town streets
constexpr int kFootpaths = 6;

// The lattice vertices from..to along a line, with the midpoint of every edge between them:
// alleys enter the cells at those midpoints, so the street must carry them as vertices.
geo::LineString along(const Layout& layout, bool vertical, int line, int from, int to) {
    auto vertex = [&](int k) {
        return vertical ? layout.vertex(line, k) : layout.vertex(k, line);
    };
    geo::LineString out{vertex(from)};
    for (int k = from; k < to; ++k) {
        out.push_back(midpoint(vertex(k), vertex(k + 1)));
        out.push_back(vertex(k + 1));
    }
    return out;
}

class RoadList {
public:
    geo::Road& add(geo::RoadClass road_class, std::string name, geo::LineString line) {
        geo::Road road;
        road.id = numbered_id("R", static_cast<long>(roads_.size()) + 1, 4);
        road.road_class = road_class;
        road.name = std::move(name);
        road.speed_kmh = geo::default_speed_kmh(road_class);
        road.line = {std::move(line)};
        roads_.push_back(std::move(road));
        return roads_.back();
    }
    std::vector<geo::Road>& roads() { return roads_; }

private:
    std::vector<geo::Road> roads_;
};

}  // namespace

std::vector<geo::Road> make_roads(const Layout& layout, std::uint64_t seed) {
    Rng rng(seed, "roads");
    RoadList list;

    std::vector<std::size_t> local_pieces;
    for (const auto& street : kStreets) {
        const int length = street.vertical ? kRows : kColumns;
        if (street.road_class != geo::RoadClass::local) {
            list.add(street.road_class, std::string(street.name),
                     along(layout, street.vertical, street.line, 0, length));
            continue;
        }
        const auto& cuts = street.vertical ? kCutsOfVertical : kCutsOfHorizontal;
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
            local_pieces.push_back(list.roads().size());
            list.add(street.road_class, std::string(street.name),
                     along(layout, street.vertical, street.line, cuts[k], cuts[k + 1]));
        }
    }
    for (std::size_t k : rng.sample(local_pieces.size(), kOneWayStreets))
        list.roads()[local_pieces[k]].oneway = true;

    // Alleys: a main alley from the cell's south street (north street in the bottom row) to
    // the cell's centre and on to a dead end, and in most cells a cross alley through the
    // centre. Both run along u or v = 0.5, the lanes the building slots leave free.
    std::vector<std::size_t> through_candidates;
    std::vector<geo::XY> dead_ends, far_mouths;
    for (const Cell& cell : layout.cells) {
        const auto& [sw, se, ne, nw] = cell.corners;
        const bool from_south = cell.row > 0;
        const geo::XY mouth = from_south ? midpoint(sw, se) : midpoint(nw, ne);
        const geo::XY centre = round_m(cell.at(0.5, 0.5));
        const geo::XY dead_end = round_m(cell.at(0.5, from_south ? 0.85 : 0.15));
        const std::string name(cell.name.zh);
        list.add(geo::RoadClass::alley, name + "主巷", {mouth, centre, dead_end});
        if (!cell.village || rng.chance(0.6))
            list.add(geo::RoadClass::alley, name + "横巷",
                     {round_m(cell.at(0.15, 0.5)), centre, round_m(cell.at(0.85, 0.5))});
        // A footpath can carry on from the dead end to the street on the far side.
        if (from_south && cell.row + 1 < kRows) {
            through_candidates.push_back(dead_ends.size());
        }
        dead_ends.push_back(dead_end);
        far_mouths.push_back(from_south ? midpoint(nw, ne) : midpoint(sw, se));
    }
    for (std::size_t k : rng.sample(through_candidates.size(), kFootpaths)) {
        const std::size_t c = through_candidates[k];
        list.add(geo::RoadClass::path, std::string(layout.cells[c].name.zh) + "步行道",
                 {dead_ends[c], far_mouths[c]});
    }
    return std::move(list.roads());
}

}  // namespace sample::detail
