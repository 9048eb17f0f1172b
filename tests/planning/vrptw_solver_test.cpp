// The hierarchical VRPTW solver on Solomon's C101 (the whole instance, a short iteration
// budget): everyone served, every route passing the independent check, the same routes for the
// same seed; and the concatenation data agreeing with a plain re-timing.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/planning/prize_vrp.h"
#include "geo/planning/solomon.h"
#include "geo/planning/solomon_check.h"
#include "geo/planning/vrptw/vrptw_solution.h"
#include "geo/planning/vrptw/vrptw_solver.h"
#include "geo/util/error.h"
#include "tests/common/fixtures.h"

using namespace geo::planning;
using namespace geo::planning::vrptw;

namespace {

SolomonInstance c101() { return read_solomon(test::source_dir() / "data/vrptw/solomon/C101.txt"); }

}  // namespace

TEST_CASE("the hierarchical mode serves every customer of C101 within the fleet, each route feasible by the independent check") {
    const SolomonInstance instance = c101();
    VrptwOptions options;
    options.time_budget_s = 0;
    options.max_iterations = 200;
    options.route_goal = 10;
    const VrptwResult result = solve_vrptw(vrptw_from_solomon(instance), options);
    CHECK(result.unserved.empty());
    const SolomonCheck check = check_solomon_routes(instance, result.routes, instance.vehicles);
    CHECK_MESSAGE(check.feasible, check.why);
    CHECK(check.served == 100);
    CHECK(check.distance == doctest::Approx(result.distance).epsilon(1e-9));
    // The best-known fleet of C101 is 10 (vroom-scripts' BKS.json); its routes need no more.
    CHECK(check.routes <= 10);

    const VrptwResult again = solve_vrptw(vrptw_from_solomon(instance), options);
    CHECK(again.routes == result.routes);
}

TEST_CASE("a fleet too small for everyone leaves the rest unserved and says so") {
    const SolomonInstance instance = c101();
    VrptwProblem p = vrptw_from_solomon(instance);
    p.max_routes = 5;  // total demand 1810 against 5 × 200
    VrptwOptions options;
    options.time_budget_s = 0;
    options.max_iterations = 50;
    const VrptwResult result = solve_vrptw(p, options);
    CHECK_FALSE(result.unserved.empty());
    CHECK(result.routes.size() <= 5);
    const SolomonCheck check = check_solomon_routes(instance, result.routes, 5);
    CHECK_MESSAGE(check.feasible, check.why);
    CHECK(check.served + result.unserved.size() == 100);
}

TEST_CASE("a route's concatenation data give the re-timed route's lateness and distance") {
    // C101's customers 5 3 4 2 1 (the one feasible order, tests/fixtures/solomon) and reversed.
    const SolomonInstance instance = read_solomon(test::fixture("solomon/c101_first5.txt"));
    const VrptwProblem p = vrptw_from_solomon(instance);
    VrptwSolution s(p, 2);
    s.routes[0].nodes = {0, 5, 3, 4, 2, 1, 0};
    s.routes[1].nodes = {0, 1, 2, 4, 3, 5, 0};
    s.unserved.clear();
    s.rebuild_all();
    const SolomonCheck good = check_solomon_routes(instance, {{5, 3, 4, 2, 1}}, 1);
    CHECK(good.feasible);
    CHECK(feasible(p, s.routes[0].forward.back()));
    CHECK(s.routes[0].distance() == doctest::Approx(good.distance).epsilon(1e-12));
    CHECK_FALSE(check_solomon_routes(instance, {{1, 2, 4, 3, 5}}, 1).feasible);
    CHECK_FALSE(feasible(p, s.routes[1].forward.back()));
    // Prefix and suffix meet anywhere in the same route.
    for (std::size_t k = 0; k + 1 < s.routes[0].nodes.size(); ++k) {
        const TimeSegment whole = join(p, s.routes[0].forward[k], s.routes[0].backward[k + 1]);
        CHECK(whole.time_warp == doctest::Approx(s.routes[0].forward.back().time_warp));
        CHECK(whole.distance == doctest::Approx(good.distance));
    }
}

TEST_CASE("a planner's problem with every stop mandatory becomes a VRPTW: days are routes, the day limit the depot's due") {
    const SolomonInstance instance = read_solomon(test::fixture("solomon/c101_first5.txt"));
    PrizeVrpProblem prize = solomon_problem(instance, 2);
    const VrptwProblem p = vrptw_from_prize_problem(prize);
    CHECK(p.max_routes == 2);
    CHECK(p.due[0] == 1236);
    CHECK(p.ready[3] == 65);
    CHECK(p.due[3] == 146);
    CHECK(p.capacity == 200);
    VrptwOptions options;
    options.time_budget_s = 0;
    options.max_iterations = 20;
    const VrptwResult result = solve_vrptw(p, options);
    CHECK(result.unserved.empty());
    CHECK(check_solomon_routes(instance, result.routes, 2).feasible);

    prize.day_limit_min[1] = 600;
    CHECK_THROWS_AS(vrptw_from_prize_problem(prize), geo::BadInput);
}

TEST_CASE("rounds that may pass through late routes shorten R207's two full routes, which on-time rounds cannot") {
    // R207: two routes of 50 customers whose hours are nearly full; every on-time reinsertion of
    // a ruined string is where it was, so the plain rounds never improve on route elimination's
    // result (977.84 with seed 1); priced rounds trade customers between the routes (912.03).
    const SolomonInstance instance = read_solomon(test::source_dir() / "data/vrptw/solomon/R207.txt");
    const auto solve = [&](double priced_share) {
        VrptwOptions options;
        options.time_budget_s = 0;
        options.max_iterations = 8000;
        options.fleet_share = 0.7;
        options.route_goal = 2;
        options.priced_share = priced_share;
        const VrptwResult result = solve_vrptw(vrptw_from_solomon(instance), options);
        const SolomonCheck check = check_solomon_routes(instance, result.routes, instance.vehicles);
        CHECK_MESSAGE(check.feasible, check.why);
        CHECK(check.served == 100);
        CHECK(check.routes == 2);
        return check.distance;
    };
    const double plain = solve(0), priced = solve(0.3);
    CHECK(priced < 0.97 * plain);
}
