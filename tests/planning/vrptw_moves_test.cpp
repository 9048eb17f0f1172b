// Each move of the hierarchical VRPTW search on a small literal instance: a solution built bad
// on purpose, the move that must repair it, and a window that must stop it (or, when lateness
// is priced, a price that must).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "geo/planning/vrptw/cross_exchange.h"
#include "geo/planning/vrptw/ejection.h"
#include "geo/planning/vrptw/exchange.h"
#include "geo/planning/vrptw/greedy_insertion.h"
#include "geo/planning/vrptw/local_search.h"
#include "geo/planning/vrptw/or_opt.h"
#include "geo/planning/vrptw/relocate.h"
#include "geo/planning/vrptw/two_opt.h"
#include "geo/planning/vrptw/two_opt_star.h"

using namespace geo::planning::vrptw;

namespace {

// Depot at the first point; windows [0, 1000], no service, demand 1, capacity 100.
VrptwProblem plane(const std::vector<std::pair<double, double>>& points, int routes) {
    VrptwProblem p;
    const std::size_t n = points.size();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            p.travel.push_back(std::hypot(points[i].first - points[j].first, points[i].second - points[j].second));
    p.ready.assign(n, 0);
    p.due.assign(n, 1000);
    p.service.assign(n, 0);
    p.demand.assign(n, 1);
    p.demand[0] = 0;
    p.capacity = 100;
    p.max_routes = routes;
    return p;
}

VrptwSolution with_routes(const VrptwProblem& p, const std::vector<std::vector<int>>& routes) {
    VrptwSolution s(p, p.max_routes);
    for (std::size_t r = 0; r < routes.size(); ++r) {
        s.routes[r].nodes = {0};
        s.routes[r].nodes.insert(s.routes[r].nodes.end(), routes[r].begin(), routes[r].end());
        s.routes[r].nodes.push_back(0);
    }
    s.unserved.clear();
    s.rebuild_all();
    return s;
}

// Routes as sets of customers, sorted, so that a test does not depend on orientation.
std::vector<std::vector<int>> groups(const VrptwSolution& s) {
    auto out = s.customer_routes();
    for (auto& r : out) std::sort(r.begin(), r.end());
    std::sort(out.begin(), out.end());
    return out;
}

bool all_on_time(const VrptwSolution& s) {
    return std::all_of(s.routes.begin(), s.routes.end(), [&](const VrptwRoute& r) { return feasible(*s.problem, r.forward.back()); });
}

}  // namespace

// Two clusters: 1, 2 east of the depot, 3, 4 north of it.
//        4 3
//   0        1 2
const std::vector<std::pair<double, double>> two_clusters{{0, 0}, {10, 0}, {10, 1}, {0, 10}, {1, 10}};

TEST_CASE("relocate moves a customer to the route of its cluster") {
    const VrptwProblem p = plane(two_clusters, 2);
    VrptwSolution s = with_routes(p, {{1, 2, 3}, {4}});
    SearchContext ctx(p, 10, 1);
    const double before = s.distance();
    REQUIRE(relocate(s, ctx, 3));
    CHECK(groups(s) == std::vector<std::vector<int>>{{1, 2}, {3, 4}});
    CHECK(s.distance() < before - 1);
    CHECK(all_on_time(s));
}

TEST_CASE("relocate refuses the shorter place when it would make a visit late") {
    VrptwProblem p = plane(two_clusters, 2);
    // 4 must begin by 10.1 (straight from the depot: 10.05); 3 before it would make it late,
    // 3 after it is still shorter than where 3 is now, so 3 goes after 4.
    p.due[4] = 10.1;
    VrptwSolution s = with_routes(p, {{1, 2, 3}, {4}});
    SearchContext ctx(p, 10, 1);
    REQUIRE(relocate(s, ctx, 3));
    CHECK(s.customer_routes()[1] == std::vector<int>{4, 3});
    // With 3 due at 10.5 neither place works: before 4 it delays 4 to 11, after 4 it begins
    // at 11.05.
    p.due[3] = 10.5;
    VrptwSolution t = with_routes(p, {{1, 2, 3}, {4}});
    CHECK_FALSE(relocate(t, ctx, 3));
}

TEST_CASE("exchange swaps two customers into their own clusters") {
    const VrptwProblem p = plane(two_clusters, 2);
    VrptwSolution s = with_routes(p, {{1, 3}, {2, 4}});
    SearchContext ctx(p, 10, 1);
    const double before = s.distance();
    REQUIRE(exchange(s, ctx, 3));
    CHECK(groups(s) == std::vector<std::vector<int>>{{1, 2}, {3, 4}});
    CHECK(s.distance() < before - 1);
    CHECK(all_on_time(s));
}

TEST_CASE("2-opt* exchanges the tails of two crossing routes") {
    const VrptwProblem p = plane(two_clusters, 2);
    VrptwSolution s = with_routes(p, {{1, 4}, {3, 2}});
    SearchContext ctx(p, 10, 1);
    const double before = s.distance();
    REQUIRE(two_opt_star(s, ctx, 1));
    CHECK(s.customer_routes() == std::vector<std::vector<int>>{{1, 2}, {3, 4}});
    CHECK(s.distance() < before - 1);
}

TEST_CASE("CROSS-exchange regroups two full routes by trading stretches of customers") {
    // Route A runs 5 east, then 3 4 north, then 7 east; route B 6 north, 1 2 east, 8 north.
    // Capacity 4: no route can take more customers, only stretches of equal length trade.
    std::vector<std::pair<double, double>> points = two_clusters;
    points.insert(points.end(), {{10, -1}, {-1, 10}, {10, -2}, {-2, 10}});  // 5, 6, 7, 8
    VrptwProblem p = plane(points, 2);
    p.capacity = 4;
    VrptwSolution s = with_routes(p, {{5, 3, 4, 7}, {6, 1, 2, 8}});
    SearchContext ctx(p, 10, 1);
    const double before = s.distance();
    // CROSS-exchange alone, from every customer until none improves.
    int moves = 0;
    for (bool improved = true; improved && moves < 20;) {
        improved = false;
        for (int u = 1; u <= 8; ++u)
            if (cross_exchange(s, ctx, u)) improved = true, ++moves;
    }
    CHECK(moves > 0);
    CHECK(groups(s) == std::vector<std::vector<int>>{{1, 2, 5, 7}, {3, 4, 6, 8}});
    CHECK(s.distance() < before - 1);
    CHECK(all_on_time(s));
}

TEST_CASE("or-opt moves a customer back into the cluster it was taken away from") {
    const VrptwProblem p = plane(two_clusters, 1);
    VrptwSolution s = with_routes(p, {{1, 3, 2, 4}});
    SearchContext ctx(p, 10, 1);
    const double before = s.distance();
    REQUIRE(or_opt(s, ctx, 2));
    const auto route = s.customer_routes()[0];
    CHECK(std::abs(std::find(route.begin(), route.end(), 1) - std::find(route.begin(), route.end(), 2)) == 1);
    CHECK(s.distance() < before - 1);
}

// A square east and north-east of the depot, visited crossed: 1 3 2 4.
//   0   4 - 3
//       |   |
//       1 - 2
const std::vector<std::pair<double, double>> square{{0, 0}, {10, 0}, {20, 0}, {20, 10}, {10, 10}};

TEST_CASE("2-opt uncrosses a route, and not when the uncrossed order is late") {
    VrptwProblem p = plane(square, 1);
    VrptwSolution s = with_routes(p, {{1, 3, 2, 4}});
    SearchContext ctx(p, 10, 1);
    const double before = s.distance();
    REQUIRE(two_opt(s, ctx, 1));
    CHECK(s.customer_routes()[0] == std::vector<int>{1, 2, 3, 4});
    CHECK(s.distance() == doctest::Approx(40 + std::hypot(10.0, 10.0)).epsilon(1e-12));
    CHECK(s.distance() < before - 1);

    // 3 reached at 10 + 14.14 crossed, at 30 uncrossed: due at 25 it keeps the crossing.
    p.due[3] = 25;
    VrptwSolution late = with_routes(p, {{1, 3, 2, 4}});
    CHECK_FALSE(two_opt(late, ctx, 1));
    CHECK(late.customer_routes()[0] == std::vector<int>{1, 3, 2, 4});
}

TEST_CASE("ejection serves a customer that fits nowhere by putting out the one out least often") {
    // One vehicle of capacity 2 serves 1 and 2; 3 has been out 5 rounds, 1 never, 2 once.
    VrptwProblem p = plane({{0, 0}, {10, 0}, {10, 1}, {0, 10}}, 1);
    p.capacity = 2;
    VrptwSolution s = with_routes(p, {{1, 2}});
    s.unserved = {3};
    const std::vector<std::int64_t> absence{0, 0, 1, 5};
    REQUIRE(insert_by_ejection(s, 3, absence));
    CHECK(s.unserved == std::vector<int>{1});
    CHECK(groups(s) == std::vector<std::vector<int>>{{2, 3}});
    CHECK(s.route_of[1] == -1);
    CHECK(all_on_time(s));
    // 1 out less often than 2 and 3: it cannot push either out; out more often, it can.
    CHECK_FALSE(insert_by_ejection(s, 1, std::vector<std::int64_t>{0, 0, 1, 1}));
    CHECK(insert_by_ejection(s, 1, std::vector<std::int64_t>{0, 3, 1, 1}));
    CHECK(s.unserved.size() == 1);
}

TEST_CASE("recreate in route elimination gives the last place to the customer out most often") {
    // One vehicle of capacity 2 serves 1; 2 and 3 both want its last place. Without absences the
    // drawn order decides, and over seeds each is left out; with 3 out longer, 3 always goes in.
    VrptwProblem p = plane({{0, 0}, {10, 0}, {10, 1}, {0, 10}}, 1);
    p.capacity = 2;
    const std::vector<std::int64_t> absence{0, 0, 1, 4};
    int left_2 = 0, left_3 = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        SearchContext ctx(p, 10, seed);
        VrptwSolution drawn = with_routes(p, {{1}});
        drawn.unserved = {2, 3};
        insert_greedily(drawn, ctx);
        REQUIRE(drawn.unserved.size() == 1);
        left_2 += drawn.unserved[0] == 2;
        left_3 += drawn.unserved[0] == 3;
        VrptwSolution hard_first = with_routes(p, {{1}});
        hard_first.unserved = {2, 3};
        insert_greedily(hard_first, ctx, absence);
        CHECK(hard_first.unserved == std::vector<int>{2});
        CHECK(hard_first.route_of[3] == 0);
        CHECK(all_on_time(hard_first));
    }
    CHECK(left_2 > 0);
    CHECK(left_3 > 0);
}

// 3 (due 10.5) is on time in the east route only as its first stop, 13.19 of travel more than
// beside 4; beside 4 (due 10.1) it is late: after 4 it begins at 11.05 (0.55 late), before 4 it
// makes 4 0.9 late.
VrptwProblem late_beside_4() {
    VrptwProblem p = plane(two_clusters, 2);
    p.due[4] = 10.1;
    p.due[3] = 10.5;
    return p;
}

TEST_CASE("a priced relocate makes a route late when the travel saved is worth more, not when lateness is dear") {
    const VrptwProblem p = late_beside_4();
    SearchContext ctx(p, 10, 1);
    VrptwSolution forbidden = with_routes(p, {{3, 1, 2}, {4}});
    REQUIRE(forbidden.time_warp() == 0);
    CHECK_FALSE(relocate(forbidden, ctx, 3));  // unpriced, lateness is forbidden

    ctx.warp_penalty = 1;  // 0.55 late for 13.19 less travel
    VrptwSolution cheap = with_routes(p, {{3, 1, 2}, {4}});
    const double before = cheap.distance();
    REQUIRE(relocate(cheap, ctx, 3));
    CHECK(cheap.customer_routes()[1] == std::vector<int>{4, 3});
    CHECK(cheap.time_warp() == doctest::Approx(0.55).epsilon(1e-3));
    CHECK(cheap.distance() == doctest::Approx(before - 13.19).epsilon(1e-3));

    ctx.warp_penalty = 100;  // 55 for 13.19: not worth it
    VrptwSolution dear = with_routes(p, {{3, 1, 2}, {4}});
    CHECK_FALSE(relocate(dear, ctx, 3));
}

TEST_CASE("a priced recreate serves a customer where it is least late; the repair brings the route back on time") {
    VrptwProblem p = late_beside_4();
    SearchContext ctx(p, 10, 1);
    // One route with 4 alone (1 and 2 left aside): 3 fits nowhere on time, so the plain
    // recreate leaves it out.
    p.max_routes = 1;
    VrptwSolution plain = with_routes(p, {{4}});
    plain.unserved = {3};
    insert_greedily(plain, ctx);
    CHECK(plain.unserved == std::vector<int>{3});
    // Priced, 3 goes after 4 (0.55 late) rather than before it (0.9 late), both 0.95 more travel.
    VrptwSolution priced = with_routes(p, {{4}});
    priced.unserved = {3};
    ctx.warp_penalty = 1;
    insert_greedily(priced, ctx);
    ctx.warp_penalty = 0;
    REQUIRE(priced.unserved.empty());
    CHECK(priced.customer_routes()[0] == std::vector<int>{4, 3});
    CHECK(priced.time_warp() == doctest::Approx(0.55).epsilon(1e-3));

    // Two routes, 3 late beside 4: the repair (lateness dear) puts the routes back on time.
    p.max_routes = 2;
    VrptwSolution late = with_routes(p, {{1, 2}, {4, 3}});
    REQUIRE(late.time_warp() > 0.5);
    repair_late_routes(late, ctx, 100);
    CHECK(late.time_warp() == 0);
    CHECK(all_on_time(late));
    // Cheapest on time: 4 first in the east route (12.45 more travel), 3 alone; 3 first in the
    // east route would be 13.19 more.
    CHECK(late.customer_routes() == std::vector<std::vector<int>>{{4, 2, 1}, {3}});
    CHECK(ctx.warp_penalty == 0);  // the context's own price is left as it was
}
