#include "geo/network/junctions.h"

#include <algorithm>
#include <utility>

namespace geo {

std::vector<int> junction_nodes(const RoadGraph& graph) {
    // (node, neighbouring vertex) for both ends of every edge; a loop edge gives its node two.
    std::vector<std::pair<int, std::pair<double, double>>> next_to;
    for (const GraphEdge& e : graph.edges()) {
        const XY& after_from = e.line[1];
        const XY& before_to = e.line[e.line.size() - 2];
        next_to.push_back({e.from, {after_from.x, after_from.y}});
        next_to.push_back({e.to, {before_to.x, before_to.y}});
    }
    std::sort(next_to.begin(), next_to.end());
    next_to.erase(std::unique(next_to.begin(), next_to.end()), next_to.end());
    std::vector<int> out;
    for (std::size_t k = 0; k < next_to.size();) {
        std::size_t end = k;
        while (end < next_to.size() && next_to[end].first == next_to[k].first) ++end;
        if (end - k >= 3) out.push_back(next_to[k].first);
        k = end;
    }
    return out;
}

}  // namespace geo
