#include "geo/placement/upper_bound.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace geo {
namespace {

// Indices of the K unblocked candidates with the largest value (ties: lower index).
std::vector<std::uint32_t> top_k(const CoverageProblem& problem, const std::vector<double>& value) {
    std::vector<std::uint32_t> order;
    order.reserve(problem.candidates());
    for (std::uint32_t c = 0; c < problem.candidates(); ++c)
        if (!problem.is_blocked(c)) order.push_back(c);
    const std::size_t k = std::min(problem.count, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](std::uint32_t a, std::uint32_t b) { return value[a] != value[b] ? value[a] > value[b] : a < b; });
    order.resize(k);
    return order;
}

}  // namespace

double top_k_marginal_bound(const CoverState& state) {
    const CoverageProblem& problem = state.problem();
    std::vector<double> gain(problem.candidates(), 0.0);
    for (std::uint32_t c = 0; c < problem.candidates(); ++c)
        if (!state.is_chosen(c)) gain[c] = state.gain(c);
    double bound = state.covered_weight();
    for (const std::uint32_t c : top_k(problem, gain)) bound += gain[c];
    return bound;
}

double lagrangian_bound(const CoverState& state, std::size_t iterations) {
    const CoverageProblem& problem = state.problem();
    const std::size_t n = problem.incidents();
    const double fixed = problem.precovered_weight();
    // Precovered incidents are covered in every solution: they sit outside the relaxation.
    std::vector<double> lambda(n, 0.0);
    for (std::uint32_t i = 0; i < n; ++i)
        if (!problem.is_precovered(i) && state.reach_count(i) == 0) lambda[i] = problem.incident_weight[i];
    const double target = state.covered_weight();
    double best = top_k_marginal_bound(state);
    double theta = 1.0;
    std::size_t since_improved = 0;
    std::vector<double> value(problem.candidates());
    std::vector<int> picked(n);
    for (std::size_t it = 0; it < iterations; ++it) {
        for (std::uint32_t c = 0; c < problem.candidates(); ++c) {
            double v = 0;
            for (const std::uint32_t i : problem.covers[c]) v += lambda[i];
            value[c] = v;
        }
        const auto top = top_k(problem, value);
        double l = fixed;
        for (std::uint32_t i = 0; i < n; ++i)
            if (!problem.is_precovered(i)) l += problem.incident_weight[i] - lambda[i];
        std::fill(picked.begin(), picked.end(), 0);
        for (const std::uint32_t c : top) {
            l += value[c];
            for (const std::uint32_t i : problem.covers[c]) ++picked[i];
        }
        if (l < best - 1e-12 * std::max(1.0, best)) {
            best = l;
            since_improved = 0;
        } else if (++since_improved >= 10) {
            theta /= 2;
            since_improved = 0;
        }
        // dL/dlambda_i = (times the top K reach i) - 1.
        double norm2 = 0;
        for (std::uint32_t i = 0; i < n; ++i)
            if (!problem.is_precovered(i)) {
                const double g = picked[i] - 1.0;
                norm2 += g * g;
            }
        if (norm2 == 0 || l - target <= 1e-12 * std::max(1.0, target)) break;
        const double step = theta * (l - target) / norm2;
        for (std::uint32_t i = 0; i < n; ++i)
            if (!problem.is_precovered(i))
                lambda[i] = std::clamp(lambda[i] - step * (picked[i] - 1.0), 0.0, problem.incident_weight[i]);
    }
    return std::max(best, target);
}

}  // namespace geo
