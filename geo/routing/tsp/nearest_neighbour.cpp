#include "geo/routing/tsp/nearest_neighbour.h"

#include <limits>

namespace geo::tsp {

std::vector<int> nearest_neighbour_tour(const DistanceMatrix& d, const NeighbourLists& neighbours) {
    const int n = static_cast<int>(d.size());
    std::vector<int> order;
    if (n == 0) return order;
    order.reserve(static_cast<std::size_t>(n));
    std::vector<bool> visited(static_cast<std::size_t>(n), false);
    int current = 0;
    visited[0] = true;
    order.push_back(0);
    while (static_cast<int>(order.size()) < n) {
        int next = -1;
        for (const int* it = neighbours.begin(current); it != neighbours.end(current); ++it)
            if (!visited[static_cast<std::size_t>(*it)]) {
                next = *it;
                break;
            }
        if (next < 0) {
            double nearest = std::numeric_limits<double>::infinity();
            for (int c = 0; c < n; ++c)
                if (!visited[static_cast<std::size_t>(c)] && d(static_cast<std::size_t>(current), static_cast<std::size_t>(c)) < nearest)
                    nearest = d(static_cast<std::size_t>(current), static_cast<std::size_t>(c)), next = c;
        }
        visited[static_cast<std::size_t>(next)] = true;
        order.push_back(next);
        current = next;
    }
    return order;
}

}  // namespace geo::tsp
