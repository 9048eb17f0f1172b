#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "data/generator/names.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

bool major(geo::RoadClass c) { return c == geo::RoadClass::provincial || c == geo::RoadClass::arterial; }

// Corners where a major road meets another road: the vertices shared by two or more roads, one
// of them provincial or arterial. Ordered south to north, west to east.
std::vector<std::pair<geo::XY, bool>> major_corners(const std::vector<geo::Road>& roads) {
    struct Meeting {
        std::set<std::size_t> roads;
        bool major = false, provincial = false, arterial = false;
    };
    std::map<std::pair<double, double>, Meeting> at;
    for (std::size_t r = 0; r < roads.size(); ++r)
        for (const auto& line : roads[r].line)
            for (const geo::XY& p : line) {
                Meeting& m = at[{p.y, p.x}];
                m.roads.insert(r);
                m.major = m.major || major(roads[r].road_class);
                m.provincial = m.provincial || roads[r].road_class == geo::RoadClass::provincial;
                m.arterial = m.arterial || roads[r].road_class == geo::RoadClass::arterial;
            }
    std::vector<std::pair<geo::XY, bool>> out;  // the corner, and whether S217 meets an arterial there
    for (const auto& [yx, m] : at)
        if (m.roads.size() >= 2 && m.major) out.push_back({{yx.second, yx.first}, m.provincial && m.arterial});
    return out;
}

}  // namespace

std::vector<geo::Site> make_security_sites(const std::vector<geo::Road>& roads, std::size_t first_number) {
    std::vector<geo::Site> out;
    std::size_t number = first_number;
    int camera = 0, box = 0;
    for (const auto& [corner, s217_arterial] : major_corners(roads)) {
        // 天网: a camera on a pole at the corner, a few metres off the crossing.
        geo::Site c;
        c.id = numbered_id("S", static_cast<long>(number++), 2);
        c.kind = geo::SiteKind::camera;
        c.name = numbered_id("天网监控点", ++camera, 2);
        c.location = {corner.x + 6, corner.y + 6};
        out.push_back(std::move(c));
        // A police box (警务室) where the provincial road crosses an arterial: the traffic there.
        if (s217_arterial) {
            geo::Site b;
            b.id = numbered_id("S", static_cast<long>(number++), 2);
            b.kind = geo::SiteKind::police_box;
            b.name = std::string(kSubdistrict) + numbered_id("S217警务室", ++box, 1);
            b.phone = numbered_id("0579-8711", 2400 + box, 4);
            b.location = {corner.x - 15, corner.y + 15};
            out.push_back(std::move(b));
        }
    }
    return out;
}

}  // namespace sample::detail
