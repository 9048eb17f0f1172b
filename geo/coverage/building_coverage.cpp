#include "geo/coverage/building_coverage.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "geo/spatial/point_in_area.h"
#include "geo/spatial/point_index.h"
#include "geo/util/error.h"

namespace geo {
namespace {

// Even-odd ray crossing; points on the ring count as inside through the distance test.
bool inside_ring(const Ring& ring, const XY& p) {
    bool inside = false;
    for (std::size_t a = 0, b = ring.size() - 1; a < ring.size(); b = a++) {
        const XY& u = ring[a];
        const XY& v = ring[b];
        if ((u.y > p.y) != (v.y > p.y) && p.x < (v.x - u.x) * (p.y - u.y) / (v.y - u.y) + u.x) inside = !inside;
    }
    return inside;
}

}  // namespace

bool is_up(const Poster& poster, const std::optional<Timestamp>& as_of) {
    if (!as_of) return !poster.removed;
    if (poster.installed && *poster.installed > *as_of) return false;
    return !poster.removed || *poster.removed > *as_of;
}

double distance_to_building_m(const Building& building, const XY& p) {
    if (building.footprint.empty()) return std::hypot(p.x - building.location.x, p.y - building.location.y);
    double best = std::numeric_limits<double>::infinity();
    for (const Polygon& polygon : building.footprint) {
        if (polygon.outer.size() < 3) continue;
        bool inside = inside_ring(polygon.outer, p);
        for (const Ring& hole : polygon.holes)
            if (hole.size() >= 3 && inside_ring(hole, p)) inside = false;
        if (inside) return 0.0;
        auto edges = [&](const Ring& ring) {
            for (std::size_t k = 0; k + 1 < ring.size(); ++k) best = std::min(best, distance_to_segment_m(p, ring[k], ring[k + 1]));
        };
        edges(polygon.outer);
        for (const Ring& hole : polygon.holes) edges(hole);
    }
    return best;
}

std::vector<BuildingCoverage> building_coverage(const District& district, const CoverageOptions& options) {
    if (!(options.distance_m >= 0) || !std::isfinite(options.distance_m))
        throw BadInput("--distance must be a number of metres >= 0");
    std::vector<BuildingCoverage> out(district.buildings.size());

    std::map<std::string, std::int32_t> neighbourhood_by_id;
    for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n)
        neighbourhood_by_id.emplace(district.neighbourhoods[n].id, static_cast<std::int32_t>(n));
    std::vector<XY> locations;
    for (const Building& b : district.buildings) locations.push_back(b.location);
    const auto located = neighbourhood_of_points(district, locations);
    std::unordered_map<std::string, std::uint32_t> building_by_id;
    for (std::uint32_t b = 0; b < district.buildings.size(); ++b) {
        const auto it = neighbourhood_by_id.find(district.buildings[b].neighbourhood_id);
        out[b].neighbourhood = it != neighbourhood_by_id.end() ? it->second : located[b];
        building_by_id.emplace(district.buildings[b].id, b);
    }

    // Posters and cards still up, on a grid for the distance test.
    std::vector<const Poster*> up;
    std::vector<XY> up_at;
    for (const Poster& poster : district.posters) {
        if (poster.kind == PosterKind::banner || !is_up(poster, options.as_of)) continue;
        up.push_back(&poster);
        up_at.push_back(poster.location);
    }
    const PointIndex grid(std::move(up_at), std::max(50.0, options.distance_m));
    auto count = [](BuildingCoverage& c, const Poster& p) {
        if (p.kind == PosterKind::poster) ++c.posters;
        else ++c.contact_cards;
    };
    // A poster naming its building reaches it wherever it stands.
    for (const Poster& poster : district.posters) {
        if (poster.kind == PosterKind::banner || !is_up(poster, options.as_of) || poster.building_id.empty()) continue;
        const auto it = building_by_id.find(poster.building_id);
        if (it != building_by_id.end()) count(out[it->second], poster);
    }
    for (std::uint32_t b = 0; b < district.buildings.size(); ++b) {
        const Building& building = district.buildings[b];
        Envelope box = building.footprint.empty() ? Envelope{} : envelope_of(building.footprint);
        if (box.empty()) box.expand(building.location);
        box = box.grown(options.distance_m);
        grid.in_box(box, [&](std::uint32_t i) {
            const Poster* poster = up[i];
            if (poster->building_id == building.id) return;  // counted above
            if (distance_to_building_m(building, poster->location) <= options.distance_m) count(out[b], *poster);
        });
    }
    return out;
}

}  // namespace geo
