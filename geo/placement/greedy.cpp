#include "geo/placement/greedy.h"

#include <queue>
#include <utility>

namespace geo {

std::size_t lazy_greedy_fill(CoverState& state) {
    const CoverageProblem& problem = state.problem();
    // (stale gain, -index): the largest gain first, the lower index on ties.
    using Entry = std::pair<double, std::int64_t>;
    std::priority_queue<Entry> queue;
    for (std::uint32_t c = 0; c < problem.candidates(); ++c)
        if (state.can_add(c)) {
            const double g = state.gain(c);
            if (g > 0) queue.push({g, -static_cast<std::int64_t>(c)});
        }
    std::size_t added = 0;
    while (state.chosen().size() < problem.count && !queue.empty()) {
        const auto c = static_cast<std::uint32_t>(-queue.top().second);
        queue.pop();
        if (!state.can_add(c)) continue;
        const double g = state.gain(c);
        if (g <= 0) continue;
        if (!queue.empty() && Entry{g, -static_cast<std::int64_t>(c)} < queue.top()) {
            queue.push({g, -static_cast<std::int64_t>(c)});
            continue;
        }
        state.add(c);
        ++added;
    }
    return added;
}

}  // namespace geo
