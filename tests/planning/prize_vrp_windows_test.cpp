// The prize-collecting solver with time windows and capacities: on small random instances its
// prize equals an exhaustive search's, and every tour it returns passes a check written here
// from the rules alone (shares no code with the solver).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "geo/planning/prize_vrp.h"
#include "geo/util/error.h"

using namespace geo::planning;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// Points on a 100 × 100 square, travel time = Euclidean distance (1 unit per minute); node 0
// is the post. A stop without a window has latest = +inf.
struct Instance {
    std::vector<double> x, y, prize, service, earliest, latest;
    std::vector<double> limits;  // per day

    double travel(std::size_t i, std::size_t j) const { return std::hypot(x[i] - x[j], y[i] - y[j]); }
    std::size_t size() const { return x.size(); }
};

// `stops` stops with prizes 1-9, service 5-14 min; two in three with a window of 10-69 min
// opening 0-119 min after the start. mt19937's output is fixed by the standard, and only its
// raw numbers are used, so the instances are the same with every standard library.
Instance random_instance(std::uint32_t seed, std::size_t stops, std::vector<double> limits) {
    std::mt19937 rng(seed);
    Instance in;
    in.limits = std::move(limits);
    for (std::size_t v = 0; v <= stops; ++v) {
        in.x.push_back(rng() % 101);
        in.y.push_back(rng() % 101);
        in.prize.push_back(v == 0 ? 0 : 1 + rng() % 9);
        in.service.push_back(v == 0 ? 0 : 5 + rng() % 10);
        const bool windowed = v > 0 && rng() % 3 != 0;
        const double open = rng() % 120, width = 10 + rng() % 60;
        in.earliest.push_back(windowed ? open : 0);
        in.latest.push_back(windowed ? open + width : inf);
    }
    return in;
}

PrizeVrpProblem as_problem(const Instance& in) {
    PrizeVrpProblem p;
    const std::size_t n = in.size();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) p.time_min.push_back(in.travel(i, j));
    p.prize = in.prize;
    p.service_min = in.service;
    p.day_limit_min = in.limits;
    p.earliest_min = in.earliest;
    p.latest_min = in.latest;
    return p;
}

// The independent check: minutes of the tour from the post through `stops` and back, waiting
// for each window to open; -1 when a visit would begin after its window.
double checked_day_min(const Instance& in, const std::vector<int>& stops) {
    double t = 0;
    std::size_t at = 0;
    for (const int s : stops) {
        const auto v = static_cast<std::size_t>(s);
        t += in.travel(at, v);
        if (t < in.earliest[v]) t = in.earliest[v];
        if (t > in.latest[v] + 1e-9) return -1;
        t += in.service[v];
        at = v;
    }
    return stops.empty() ? 0 : t + in.travel(at, 0);
}

struct Best {
    double prize = 0;
    double time_min = 0;
};

// Every split of the stops into days and leftovers (3^6 for 6 stops and 2 days), every order
// of each day: the most prize, then the fewest minutes.
Best exhaustive(const Instance& in) {
    const std::size_t stops = in.size() - 1, days = in.limits.size();
    const std::size_t masks = std::size_t{1} << stops;
    std::vector<double> shortest(masks, inf);  // per set of stops, its shortest feasible tour
    for (std::size_t mask = 0; mask < masks; ++mask) {
        std::vector<int> order;
        for (std::size_t v = 1; v <= stops; ++v)
            if (mask >> (v - 1) & 1) order.push_back(static_cast<int>(v));
        do {
            const double t = checked_day_min(in, order);
            if (t >= 0) shortest[mask] = std::min(shortest[mask], t);
        } while (std::next_permutation(order.begin(), order.end()));
    }
    const auto prize_of = [&](std::size_t mask) {
        double total = 0;
        for (std::size_t v = 1; v <= stops; ++v)
            if (mask >> (v - 1) & 1) total += in.prize[v];
        return total;
    };
    Best best;
    const auto consider = [&](double prize, double time) {
        if (prize > best.prize + 1e-9 || (prize > best.prize - 1e-9 && time < best.time_min - 1e-9)) best = {prize, time};
    };
    for (std::size_t a = 0; a < masks; ++a) {
        if (!(shortest[a] <= in.limits[0])) continue;
        if (days == 1) {
            consider(prize_of(a), shortest[a]);
            continue;
        }
        for (std::size_t b = 0; b < masks; ++b)
            if (!(a & b) && shortest[b] <= in.limits[1]) consider(prize_of(a | b), shortest[a] + shortest[b]);
    }
    return best;
}

// Checks a solution against the rules; returns its minutes.
double check_solution(const Instance& in, const PrizeVrpSolution& s) {
    REQUIRE(s.days.size() == in.limits.size());
    std::vector<int> seen(in.size(), 0);
    double prize = 0, total = 0;
    for (std::size_t d = 0; d < s.days.size(); ++d) {
        const double t = checked_day_min(in, s.days[d]);
        CHECK(t >= 0);                           // every window kept
        CHECK(t <= in.limits[d] + 1e-9);         // within the day
        total += t;
        for (const int v : s.days[d]) {
            REQUIRE(v > 0);
            CHECK(seen[static_cast<std::size_t>(v)]++ == 0);  // once in the plan
            prize += in.prize[static_cast<std::size_t>(v)];
        }
    }
    CHECK(prize == doctest::Approx(s.prize));
    CHECK(total == doctest::Approx(s.time_min));
    return total;
}

}  // namespace

TEST_CASE("with time windows the solver collects the exhaustive optimum on 6 stops, one day and two") {
    int equal_time = 0, instances = 0;
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        for (const auto& limits : {std::vector<double>{150}, std::vector<double>{120, 90}}) {
            const Instance in = random_instance(seed, 6, limits);
            const Best best = exhaustive(in);
            const PrizeVrpSolution s = solve_prize_vrp(as_problem(in), {seed, 0, 200});
            CAPTURE(seed);
            CAPTURE(limits.size());
            CHECK(s.prize == doctest::Approx(best.prize));
            const double minutes = check_solution(in, s);
            // The same prize can never take fewer minutes than the exhaustive search's.
            CHECK(minutes >= best.time_min - 1e-6);
            equal_time += std::abs(minutes - best.time_min) < 1e-6;
            ++instances;
        }
    }
    // The time is the second objective; the local search finds the shortest in nearly all.
    CHECK(equal_time >= instances - 2);
}

TEST_CASE("waiting for a window to open counts in the day's time") {
    // Post 0 and one stop 10 min away, visit 5 min, window 30-40 min: leave at 0, arrive at
    // 10, wait until 30, visit until 35, back at 45.
    PrizeVrpProblem p;
    p.time_min = {0, 10, 10, 0};
    p.prize = {0, 1};
    p.service_min = {0, 5};
    p.earliest_min = {0, 30};
    p.latest_min = {0, 40};
    p.day_limit_min = {45};
    CHECK(day_time_min(p, {1}) == doctest::Approx(45));
    CHECK(solve_prize_vrp(p, {1, 0, 10}).days[0] == std::vector<int>{1});
    p.day_limit_min = {44};  // 44 min would do without the wait
    CHECK(solve_prize_vrp(p, {1, 0, 10}).days[0].empty());

    // Arriving after the window closes is not allowed at all.
    p.day_limit_min = {100};
    p.earliest_min = {0, 0};
    p.latest_min = {0, 9};
    CHECK(std::isinf(day_time_min(p, {1})));
    CHECK(solve_prize_vrp(p, {1, 0, 10}).days[0].empty());
}

TEST_CASE("windows decide the order of a day's stops") {
    // On a line: post 0 -- 10 min -- stop 1 -- 10 min -- stop 2. Stop 1 opens at 25 and closes
    // at 35, stop 2 closes at 25. Out to 2 first: 2 at 20, 1 at 30, back at 40. The other way
    // round waits at 1 until 25 and reaches 2 at 35, too late.
    PrizeVrpProblem p;
    p.time_min = {0, 10, 20, 10, 0, 10, 20, 10, 0};
    p.prize = {0, 1, 1};
    p.service_min = {0, 0, 0};
    p.earliest_min = {0, 25, 0};
    p.latest_min = {0, 35, 25};
    p.day_limit_min = {60};
    const PrizeVrpSolution s = solve_prize_vrp(p, {1, 0, 20});
    CHECK(s.days[0] == std::vector<int>{2, 1});
    CHECK(s.time_min == doctest::Approx(40));
    CHECK(std::isinf(day_time_min(p, {1, 2})));
}

TEST_CASE("a day's capacity limits the demand of its stops") {
    // Three stops next to the post, each demand 3 and prize 1, capacity 5 per day: one stop a
    // day, although time would allow all three.
    PrizeVrpProblem p;
    p.time_min.assign(16, 1.0);
    for (int i = 0; i < 4; ++i) p.time_min[static_cast<std::size_t>(i * 5)] = 0;
    p.prize = {0, 1, 1, 1};
    p.service_min = {0, 0, 0, 0};
    p.demand = {0, 3, 3, 3};
    p.day_limit_min = {100, 100};
    p.day_capacity = {5, 5};
    const PrizeVrpSolution s = solve_prize_vrp(p, {1, 0, 20});
    CHECK(s.prize == doctest::Approx(2));
    CHECK(s.days[0].size() == 1);
    CHECK(s.days[1].size() == 1);
    p.day_capacity = {6, 5};
    CHECK(solve_prize_vrp(p, {1, 0, 20}).prize == doctest::Approx(3));
}

TEST_CASE("a window that ends before it begins is bad input") {
    PrizeVrpProblem p;
    p.time_min = {0, 1, 1, 0};
    p.prize = {0, 1};
    p.service_min = {0, 0};
    p.earliest_min = {0, 30};
    p.latest_min = {0, 20};
    p.day_limit_min = {60};
    CHECK_THROWS_AS(solve_prize_vrp(p), geo::BadInput);
}
