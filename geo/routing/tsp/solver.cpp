#include "geo/routing/tsp/solver.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>

#include "geo/routing/tsp/nearest_neighbour.h"
#include "geo/routing/tsp/perturbation.h"

namespace geo::tsp {
namespace {

// Below this size every tour is tried (at most 6! = 720 orders with the first city fixed).
constexpr int exhaustive_below = 8;

std::vector<int> exhaustive_tour(const DistanceMatrix& d) {
    std::vector<int> order(d.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<int> best = order;
    double best_length = tour_length(d, order);
    if (order.size() > 2)
        while (std::next_permutation(order.begin() + 1, order.end())) {
            const double length = tour_length(d, order);
            if (length < best_length - gain_epsilon) best_length = length, best = order;
        }
    return best;
}

}  // namespace

double tour_length(const DistanceMatrix& d, const std::vector<int>& order) {
    double total = 0;
    for (std::size_t i = 0; i < order.size(); ++i)
        total += d(static_cast<std::size_t>(order[i]), static_cast<std::size_t>(order[(i + 1) % order.size()]));
    return total;
}

Tour solve_tsp(const DistanceMatrix& d, const SolverOptions& options) {
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const int n = static_cast<int>(d.size());
    Tour result;
    if (n < exhaustive_below) {
        result.order = exhaustive_tour(d);
    } else {
        const NeighbourLists neighbours(d, std::clamp(options.neighbours, 1, 16));
        TourArray tour(nearest_neighbour_tour(d, neighbours));
        ActiveQueue active(n);
        MoveContext m{tour, d, neighbours, active};
        for (int c = 0; c < n; ++c) active.push(tour.at(c));
        local_search(m, options.moves);
        m.length_change = 0;

        std::mt19937_64 rng(options.seed);
        double length = tour.length(d);
        TourArray kept = tour;  // the tour before the kick, restored when the kick loses
        std::int64_t without_gain = 0;
        auto out_of_time = [&] {
            return options.time_budget_s > 0 &&
                   std::chrono::duration<double>(Clock::now() - started).count() >= options.time_budget_s;
        };
        const bool unbounded = options.max_kicks <= 0 && options.max_kicks_without_gain <= 0 && options.time_budget_s <= 0;
        while (!unbounded && (options.max_kicks <= 0 || result.kicks < options.max_kicks) &&
               (options.max_kicks_without_gain <= 0 || without_gain < options.max_kicks_without_gain) && !out_of_time()) {
            ++result.kicks;
            double_bridge(m, rng);
            local_search(m, options.moves);
            const double kicked_length = length + m.length_change;
            m.length_change = 0;
            if (kicked_length < length - gain_epsilon) without_gain = 0;
            else ++without_gain;
            if (kicked_length <= length + gain_epsilon) {
                length = kicked_length;
                kept = tour;
            } else {
                tour = kept;
            }
        }
        result.order = tour.order();
    }
    if (options.start_at_node_0 && !result.order.empty())
        std::rotate(result.order.begin(), std::find(result.order.begin(), result.order.end(), 0), result.order.end());
    result.length = tour_length(d, result.order);
    return result;
}

Tour solve_tsp(std::size_t n, const std::function<double(std::size_t, std::size_t)>& distance,
               const SolverOptions& options) {
    return solve_tsp(DistanceMatrix(n, distance), options);
}

}  // namespace geo::tsp
