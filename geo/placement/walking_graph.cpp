#include "geo/placement/walking_graph.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace geo {

WalkingGraph build_walking_graph(const std::vector<Road>& roads) {
    WalkingGraph graph;
    std::map<std::pair<double, double>, std::uint32_t> node_at;
    auto node_of = [&](const XY& p) {
        const auto [it, inserted] = node_at.try_emplace({p.x, p.y}, static_cast<std::uint32_t>(graph.nodes.size()));
        if (inserted) {
            graph.nodes.push_back(p);
            graph.node_edges.emplace_back();
        }
        return it->second;
    };
    for (const Road& road : roads)
        for (const LineString& line : road.line)
            for (std::size_t k = 0; k + 1 < line.size(); ++k) {
                const std::uint32_t a = node_of(line[k]);
                const std::uint32_t b = node_of(line[k + 1]);
                if (a == b) continue;
                const double length = std::hypot(line[k + 1].x - line[k].x, line[k + 1].y - line[k].y);
                const auto e = static_cast<std::uint32_t>(graph.edges.size());
                graph.edges.push_back({a, b, length});
                graph.node_edges[a].push_back(e);
                graph.node_edges[b].push_back(e);
            }
    return graph;
}

std::vector<std::uint32_t> intersection_nodes(const WalkingGraph& graph) {
    std::vector<std::uint32_t> out;
    std::vector<std::uint32_t> neighbours;
    for (std::uint32_t n = 0; n < graph.nodes.size(); ++n) {
        neighbours.clear();
        for (const std::uint32_t e : graph.node_edges[n])
            neighbours.push_back(graph.edges[e].a == n ? graph.edges[e].b : graph.edges[e].a);
        std::sort(neighbours.begin(), neighbours.end());
        if (std::unique(neighbours.begin(), neighbours.end()) - neighbours.begin() >= 3) out.push_back(n);
    }
    return out;
}

}  // namespace geo
