#include "geo/planning/vrptw/route_elimination.h"

#include <algorithm>

#include "geo/planning/vrptw/ejection.h"
#include "geo/planning/vrptw/greedy_insertion.h"
#include "geo/planning/vrptw/squeeze.h"
#include "geo/planning/vrptw/string_removal.h"

namespace geo::planning::vrptw {
namespace {

// Share of the rounds without progress that try to squeeze the hardest customer in (squeeze.h):
// at 3 s of one core, seeds 1-4 of R112, RC106, R104 and R110, 0.1 and 0.5 missed the
// best-known fleet 3 times in 16, none 5, always 5.
constexpr double squeeze_rate = 0.1;
// Share of the other rounds without progress that end with one ejection step: enough to move
// the hardest customers in, rare enough not to undo what ruin and recreate build.
constexpr double ejection_rate = 0.1;
// Share of the rounds whose recreate inserts the customers out longest first: always first, the
// same few hard customers take the same places every round and the search loses its variety.
constexpr double hard_first_rate = 0.5;

VrptwSolution without_empty_routes(const VrptwSolution& s) {
    VrptwSolution out = s;
    out.routes.erase(std::remove_if(out.routes.begin(), out.routes.end(), [](const VrptwRoute& r) { return r.empty(); }), out.routes.end());
    out.rebuild_all();
    return out;
}

bool serve_with_absences(VrptwSolution& work, SearchContext& ctx, const std::function<bool()>& keep_going, std::int64_t& rounds,
                         std::vector<std::int64_t>& absence) {
    const auto absences = [&](const VrptwSolution& x) {
        std::int64_t sum = 0;
        for (const int c : x.unserved) sum += absence[static_cast<std::size_t>(c)];
        return sum;
    };
    while (!work.unserved.empty() && keep_going()) {
        ++rounds;
        VrptwSolution candidate = work;
        remove_strings(candidate, ctx);
        if (ctx.uniform() < hard_first_rate)
            insert_greedily(candidate, ctx, absence);
        else
            insert_greedily(candidate, ctx);
        const bool better = candidate.unserved.size() < work.unserved.size() || absences(candidate) < absences(work);
        if (better) work = std::move(candidate);
        for (const int c : work.unserved) ++absence[static_cast<std::size_t>(c)];
        // Now and then, when the round did not help, the customer out most often is squeezed in
        // (everyone else staying served) or else pushes out one that has been out less (an
        // ejection chain grows one link per such round).
        if (!better && !work.unserved.empty()) {
            const int hardest = *std::max_element(work.unserved.begin(), work.unserved.end(), [&](int a, int b) {
                return absence[static_cast<std::size_t>(a)] < absence[static_cast<std::size_t>(b)];
            });
            if (ctx.uniform() < squeeze_rate && squeeze(work, ctx, hardest)) continue;
            if (ctx.uniform() < ejection_rate) insert_by_ejection(work, hardest, absence);
        }
    }
    return work.unserved.empty();
}

}  // namespace

bool serve_all(VrptwSolution& s, SearchContext& ctx, const std::function<bool()>& keep_going, std::int64_t& rounds) {
    std::vector<std::int64_t> absence(static_cast<std::size_t>(ctx.problem->size()), 0);
    return serve_with_absences(s, ctx, keep_going, rounds, absence);
}

VrptwSolution eliminate_routes(VrptwSolution s, SearchContext& ctx, int goal, const std::function<bool()>& keep_going,
                               std::int64_t& rounds) {
    VrptwSolution best = without_empty_routes(s);
    std::vector<std::int64_t> absence(static_cast<std::size_t>(ctx.problem->size()), 0);
    while (best.routes_used() > goal && keep_going()) {
        // Drop the route whose customers are fewest (ties: the first such), one vehicle less.
        VrptwSolution work = best;
        std::size_t smallest = 0;
        for (std::size_t r = 1; r < work.routes.size(); ++r)
            if (work.routes[r].customers() < work.routes[smallest].customers()) smallest = r;
        const std::vector<int> out(work.routes[smallest].nodes.begin() + 1, work.routes[smallest].nodes.end() - 1);
        for (const int v : out) work.remove(v);
        work.routes.erase(work.routes.begin() + static_cast<std::ptrdiff_t>(smallest));
        work.rebuild_all();
        insert_greedily(work, ctx);
        if (!serve_with_absences(work, ctx, keep_going, rounds, absence)) break;
        best = without_empty_routes(work);
    }
    return best;
}

}  // namespace geo::planning::vrptw
