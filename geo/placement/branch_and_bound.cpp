#include "geo/placement/branch_and_bound.h"

#include <algorithm>

#include "geo/placement/cover_state.h"

namespace geo {

ExactSearch branch_and_bound(const CoverageProblem& problem, const std::vector<std::uint32_t>& incumbent,
                             std::size_t work_budget) {
    ExactSearch out;
    out.chosen = incumbent;
    out.covered_weight = covered_weight(problem, incumbent);
    const double eps = 1e-9 * std::max(1.0, problem.total_weight());
    CoverState state(problem);
    std::vector<bool> forbidden(problem.candidates(), false);
    std::size_t work = 0;
    bool out_of_budget = false;

    auto search = [&](auto&& self) -> void {
        ++out.nodes;
        if (state.covered_weight() > out.covered_weight + eps) {
            out.covered_weight = state.covered_weight();
            out.chosen = state.chosen();
        }
        if (state.chosen().size() >= problem.count) return;
        if (work > work_budget) {
            out_of_budget = true;
            return;
        }
        std::vector<std::pair<double, std::uint32_t>> gains;
        for (std::uint32_t c = 0; c < problem.candidates(); ++c) {
            if (forbidden[c] || !state.can_add(c)) continue;
            work += problem.covers[c].size();
            const double g = state.gain(c);
            if (g > 0) gains.push_back({g, c});
        }
        if (gains.empty()) return;
        const std::size_t room = std::min(problem.count - state.chosen().size(), gains.size());
        std::partial_sort(gains.begin(), gains.begin() + static_cast<std::ptrdiff_t>(room), gains.end(),
                          [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        double bound = state.covered_weight();
        for (std::size_t k = 0; k < room; ++k) bound += gains[k].first;
        if (bound <= out.covered_weight + eps) return;
        const std::uint32_t c = gains[0].second;
        state.add(c);
        self(self);
        state.remove(c);
        forbidden[c] = true;
        self(self);
        forbidden[c] = false;
    };
    search(search);
    out.proven_optimal = !out_of_budget;
    return out;
}

}  // namespace geo
