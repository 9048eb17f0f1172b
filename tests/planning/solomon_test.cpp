// Reading Solomon VRPTW instances and solving a tiny one whose only feasible order is known.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

#include "geo/planning/prize_vrp.h"
#include "geo/planning/solomon.h"
#include "geo/util/error.h"
#include "tests/common/fixtures.h"

using namespace geo::planning;

TEST_CASE("a Solomon file gives its name, fleet, depot and customers in order") {
    const SolomonInstance in = read_solomon(test::fixture("solomon/c101_first5.txt"));
    CHECK(in.name == "C101");
    CHECK(in.vehicles == 25);
    CHECK(in.capacity == 200);
    REQUIRE(in.customers.size() == 6);
    const SolomonCustomer& depot = in.customers[0];
    CHECK(depot.x == 40);
    CHECK(depot.y == 50);
    CHECK(depot.due_min == 1236);
    // "    2      45         70         30        825        870         90"
    const SolomonCustomer& c2 = in.customers[2];
    CHECK(c2.number == 2);
    CHECK(c2.x == 45);
    CHECK(c2.y == 70);
    CHECK(c2.demand == 30);
    CHECK(c2.ready_min == 825);
    CHECK(c2.due_min == 870);
    CHECK(c2.service_min == 90);
    CHECK(solomon_distance(in, 0, 2) == doctest::Approx(std::hypot(5.0, 20.0)).epsilon(1e-12));
}

TEST_CASE("as a prize VRP, one vehicle serves C101's first five customers in the one order the windows allow") {
    const SolomonInstance in = read_solomon(test::fixture("solomon/c101_first5.txt"));
    PrizeVrpProblem p = solomon_problem(in, 1);
    CHECK(p.day_limit_min == std::vector<double>{1236});
    CHECK(p.day_capacity == std::vector<double>{200});
    CHECK(p.earliest_min[3] == 65);
    CHECK(p.latest_min[3] == 146);
    const PrizeVrpSolution s = solve_prize_vrp(p, {1, 0, 20});
    REQUIRE(s.days.size() == 1);
    CHECK(s.days[0] == std::vector<int>{5, 3, 4, 2, 1});
    CHECK(s.prize == 5);
    // Customer 2 begins at its ready time 825 after waiting, customer 1 two minutes after its
    // visit (917, past 1's ready time 912), then the walk home from (45, 68) to (40, 50).
    CHECK(s.time_min == doctest::Approx(825 + 90 + 2 + 90 + std::hypot(5.0, 18.0)).epsilon(1e-12));

    // Capacity 40: four customers of demand 10 fit, customer 2 (30) does not join them.
    p.day_capacity = {40};
    const PrizeVrpSolution light = solve_prize_vrp(p, {1, 0, 20});
    CHECK(light.prize == 4);
    CHECK(light.days[0] == std::vector<int>{5, 3, 4, 1});
}

TEST_CASE("a malformed Solomon row is bad input naming the line") {
    std::istringstream text("X1\n\nVEHICLE\nNUMBER CAPACITY\n 2 10\n\nCUSTOMER\nCUST NO.\n 0 0 0 0 0 100 0\n 1 5 5 x 0 50 1\n");
    try {
        read_solomon(text, "x1.txt");
        FAIL("no error");
    } catch (const geo::BadInput& e) {
        CHECK(std::string(e.what()).find("x1.txt line 10") != std::string::npos);
    }
    std::istringstream skipped("X1\nVEHICLE\n 2 10\nCUSTOMER\n 0 0 0 0 0 100 0\n 2 5 5 1 0 50 1\n");
    CHECK_THROWS_AS(read_solomon(skipped, "x1.txt"), geo::BadInput);
}
