// Time warp in the VRPTW concatenation data, and the squeeze that uses it: on random small
// instances every way of cutting a route into pieces and joining them gives the lateness of a
// plain re-timing of the whole route; a squeeze serves a customer that fits only after another
// moves, and leaves the solution as it was when nothing can make room.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "geo/planning/vrptw/greedy_insertion.h"
#include "geo/planning/vrptw/squeeze.h"
#include "geo/planning/vrptw/vrptw_solution.h"

using namespace geo::planning::vrptw;

namespace {

// Random points in a 100 × 100 square, random windows (some too tight to keep), service 0-10.
VrptwProblem random_problem(std::mt19937_64& rng, int customers) {
    std::uniform_real_distribution<double> coord(0, 100), start(0, 300), width(5, 80), service(0, 10);
    const std::size_t n = static_cast<std::size_t>(customers) + 1;
    std::vector<std::pair<double, double>> points(n);
    for (auto& pt : points) pt = {coord(rng), coord(rng)};
    VrptwProblem p;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) p.travel.push_back(std::hypot(points[i].first - points[j].first, points[i].second - points[j].second));
    p.ready = {0};
    p.due = {500};
    p.service = {0};
    p.demand = {0};
    for (std::size_t v = 1; v < n; ++v) {
        p.ready.push_back(start(rng));
        p.due.push_back(p.ready.back() + width(rng));
        p.service.push_back(service(rng));
        p.demand.push_back(1);
    }
    p.capacity = 100;
    p.max_routes = 1;
    return p;
}

// Re-times the route the plain way: leave the depot at its ready time, wait when early, and when
// late count the lateness and go on as if on time (Vidal et al. 2013's time warp).
double direct_time_warp(const VrptwProblem& p, const std::vector<int>& nodes) {
    double t = p.ready[static_cast<std::size_t>(nodes.front())], warp = 0;
    for (std::size_t k = 1; k < nodes.size(); ++k) {
        const auto prev = static_cast<std::size_t>(nodes[k - 1]), v = static_cast<std::size_t>(nodes[k]);
        t = std::max(t + p.service[prev] + p.d(nodes[k - 1], nodes[k]), p.ready[v]);
        if (t > p.due[v]) {
            warp += t - p.due[v];
            t = p.due[v];
        }
    }
    return warp;
}

// Depot at the first point; windows [0, 1000], no service, demand 1.
VrptwProblem plane(const std::vector<std::pair<double, double>>& points, int routes, double capacity) {
    VrptwProblem p;
    const std::size_t n = points.size();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) p.travel.push_back(std::hypot(points[i].first - points[j].first, points[i].second - points[j].second));
    p.ready.assign(n, 0);
    p.due.assign(n, 1000);
    p.service.assign(n, 0);
    p.demand.assign(n, 1);
    p.demand[0] = 0;
    p.capacity = capacity;
    p.max_routes = routes;
    return p;
}

VrptwSolution with_routes(const VrptwProblem& p, const std::vector<std::vector<int>>& routes, const std::vector<int>& unserved) {
    VrptwSolution s(p, p.max_routes);
    for (std::size_t r = 0; r < routes.size(); ++r) {
        s.routes[r].nodes = {0};
        s.routes[r].nodes.insert(s.routes[r].nodes.end(), routes[r].begin(), routes[r].end());
        s.routes[r].nodes.push_back(0);
    }
    s.unserved = unserved;
    s.rebuild_all();
    return s;
}

}  // namespace

TEST_CASE("joined pieces of a route carry the time warp of a plain re-timing, on random routes") {
    std::mt19937_64 rng(20261205);
    int late_routes = 0, on_time_routes = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const int customers = 1 + static_cast<int>(rng() % 9);
        const VrptwProblem p = random_problem(rng, customers);
        std::vector<int> order(static_cast<std::size_t>(customers));
        for (int i = 0; i < customers; ++i) order[static_cast<std::size_t>(i)] = i + 1;
        std::shuffle(order.begin(), order.end(), rng);
        VrptwSolution s(p, 1);
        s.routes[0].nodes = {0};
        s.routes[0].nodes.insert(s.routes[0].nodes.end(), order.begin(), order.end());
        s.routes[0].nodes.push_back(0);
        s.unserved.clear();
        s.rebuild_all();
        const VrptwRoute& route = s.routes[0];
        const double expected = direct_time_warp(p, route.nodes);
        (expected > 1e-6 ? late_routes : on_time_routes) += 1;
        CHECK(route.forward.back().time_warp == doctest::Approx(expected).epsilon(1e-9));
        CHECK(route.backward.front().time_warp == doctest::Approx(expected).epsilon(1e-9));
        CHECK(feasible(p, route.forward.back()) == (expected <= time_warp_tolerance));
        // Prefix, a middle piece re-timed on its own, suffix: every cut.
        const int m = static_cast<int>(route.nodes.size());
        for (int i = 0; i + 1 < m; ++i)
            for (int j = i + 1; j + 1 < m; ++j) {
                const TimeSegment joined = join(p, join(p, route.forward[static_cast<std::size_t>(i)], route_segment(p, route, i + 1, j)),
                                                route.backward[static_cast<std::size_t>(j + 1)]);
                CHECK(joined.time_warp == doctest::Approx(expected).epsilon(1e-9));
                CHECK(joined.distance == doctest::Approx(route.distance()).epsilon(1e-12));
            }
    }
    // Both kinds were met, so the comparison says something about each.
    CHECK(late_routes > 30);
    CHECK(on_time_routes > 30);
}

// Depot 0; 1 and 3 served by route A (full at capacity 2), 2 by route B; 4 and 2 are due soon
// after the depot opens, too far apart for one vehicle to serve both in time.
//         3
//         2
//   0        1 4
//            3'  (the second case's 3)
TEST_CASE("a squeeze serves a customer that fits only after another moves, and changes nothing when none can") {
    VrptwProblem p = plane({{0, 0}, {10, 0}, {0, 10}, {0, 11}, {10, 1}}, 2, 2);
    p.ready[2] = p.ready[4] = 10;
    p.due[2] = p.due[4] = 12;
    SearchContext ctx(p, 4, 1);
    VrptwSolution greedy = with_routes(p, {{1, 3}, {2}}, {4});
    insert_greedily(greedy, ctx);
    REQUIRE(greedy.unserved == std::vector<int>{4});  // A is full, B late for 4 or 2

    VrptwSolution s = with_routes(p, {{1, 3}, {2}}, {4});
    REQUIRE(squeeze(s, ctx, 4));
    CHECK(s.unserved.empty());
    CHECK(s.routes_used() == 2);
    CHECK(s.route_of[2] != s.route_of[4]);
    for (const VrptwRoute& r : s.routes) CHECK(feasible(p, r.forward.back()));

    // 3 beside 1 and both due by 14: every pairing of the four puts 2 or 4 with a customer it
    // cannot be served with in time, so the squeeze fails and leaves the routes as they were.
    VrptwProblem q = plane({{0, 0}, {10, 0}, {0, 10}, {10, -1}, {10, 1}}, 2, 2);
    for (const int v : {1, 2, 3, 4}) q.ready[static_cast<std::size_t>(v)] = 10;
    q.due[2] = q.due[4] = 12;
    q.due[1] = q.due[3] = 14;
    SearchContext ctx_q(q, 4, 1);
    VrptwSolution stuck = with_routes(q, {{1, 3}, {2}}, {4});
    REQUIRE(feasible(q, stuck.routes[0].forward.back()));
    const auto routes_before = stuck.customer_routes();
    CHECK_FALSE(squeeze(stuck, ctx_q, 4));
    CHECK(stuck.customer_routes() == routes_before);
    CHECK(stuck.unserved == std::vector<int>{4});
}
