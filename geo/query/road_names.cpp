#include "geo/query/road_names.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace geo {
namespace {

double distance_to_line(const LineString& line, XY p) {
    double best = INFINITY;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) best = std::min(best, distance_to_segment_m(p, line[i], line[i + 1]));
    return best;
}

}  // namespace

std::string place_name(const District& district, XY p, double junction_m, double near_m) {
    // (distance, name) of every named road, nearest first.
    std::vector<std::pair<double, std::string>> roads;
    for (const Road& road : district.roads) {
        if (road.name.empty()) continue;
        double d = INFINITY;
        for (const auto& line : road.line) d = std::min(d, distance_to_line(line, p));
        if (d <= near_m) roads.emplace_back(d, road.name);
    }
    std::sort(roads.begin(), roads.end());
    std::vector<std::string> meeting;
    for (const auto& [d, name] : roads)
        if (d <= junction_m && meeting.size() < 2 && std::find(meeting.begin(), meeting.end(), name) == meeting.end())
            meeting.push_back(name);
    if (meeting.size() == 2) return meeting[0] + " × " + meeting[1];
    if (!roads.empty()) return roads.front().second;
    return {};
}

}  // namespace geo
