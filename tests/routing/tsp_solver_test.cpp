// The TSP solver: exact on small instances (against trying every tour), within 1% of the
// proven optimum on TSPLIB instances, deterministic for a seed, and usable with the start fixed.
#include "geo/routing/tsp/solver.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <sstream>

#include "geo/routing/tsp/tsplib.h"
#include "tests/common/fixtures.h"

using geo::tsp::DistanceMatrix;
using geo::tsp::Move;
using geo::tsp::SolverOptions;

namespace {

DistanceMatrix random_euclidean(int n, std::mt19937_64& rng) {
    std::uniform_int_distribution<int> coord(0, 1000);
    std::vector<std::pair<int, int>> p(static_cast<std::size_t>(n));
    for (auto& q : p) q = {coord(rng), coord(rng)};
    return DistanceMatrix(static_cast<std::size_t>(n), [&](std::size_t i, std::size_t j) {
        return std::round(std::hypot(p[i].first - p[j].first, p[i].second - p[j].second));
    });
}

double exhaustive_optimum(const DistanceMatrix& d) {
    std::vector<int> order(d.size());
    std::iota(order.begin(), order.end(), 0);
    double best = geo::tsp::tour_length(d, order);
    while (std::next_permutation(order.begin() + 1, order.end())) best = std::min(best, geo::tsp::tour_length(d, order));
    return best;
}

bool is_permutation_of_all(const std::vector<int>& order, std::size_t n) {
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> all(n);
    std::iota(all.begin(), all.end(), 0);
    return sorted == all;
}

std::map<std::string, double> optima() {
    std::ifstream in(test::external("tsplib/optima.txt"));
    std::map<std::string, double> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string name;
        double length;
        if (words >> name >> length) out[name] = length;
    }
    return out;
}

SolverOptions by_kicks(std::int64_t kicks, std::uint64_t seed = 1) {
    SolverOptions o;
    o.seed = seed;
    o.time_budget_s = 0;  // no clock: the result depends on the seed alone
    o.max_kicks = kicks;
    return o;
}

}  // namespace

TEST_CASE("The solver finds the optimum of small random instances (3 to 9 cities, against every tour)") {
    std::mt19937_64 rng(42);
    for (int n = 3; n <= 9; ++n)
        for (int trial = 0; trial < 8; ++trial) {
            CAPTURE(n);
            CAPTURE(trial);
            const DistanceMatrix d = random_euclidean(n, rng);
            const auto tour = geo::tsp::solve_tsp(d, by_kicks(300));
            REQUIRE(is_permutation_of_all(tour.order, d.size()));
            CHECK(tour.order.front() == 0);
            CHECK(tour.length == exhaustive_optimum(d));
            CHECK(tour.length == geo::tsp::tour_length(d, tour.order));
        }
}

TEST_CASE("Each move set on its own returns a valid tour no longer than before the kicks") {
    std::mt19937_64 rng(7);
    const DistanceMatrix d = random_euclidean(60, rng);
    for (const auto& moves : std::vector<std::vector<Move>>{{Move::two_opt}, {Move::or_opt}, {Move::lin_kernighan},
                                                            {Move::two_opt, Move::or_opt, Move::lin_kernighan}}) {
        SolverOptions kicked = by_kicks(200);
        const SolverOptions first_optimum_only = by_kicks(0);  // no limit at all: no kicks
        SolverOptions first_optimum = first_optimum_only;
        kicked.moves = first_optimum.moves = moves;
        const auto tour = geo::tsp::solve_tsp(d, kicked);
        REQUIRE(is_permutation_of_all(tour.order, d.size()));
        CHECK(tour.length == geo::tsp::tour_length(d, tour.order));
        CHECK(tour.length <= geo::tsp::solve_tsp(d, first_optimum).length);
    }
}

TEST_CASE("The same seed gives the same tour") {
    std::mt19937_64 rng(3);
    const DistanceMatrix d = random_euclidean(120, rng);
    const auto a = geo::tsp::solve_tsp(d, by_kicks(500, 9));
    const auto b = geo::tsp::solve_tsp(d, by_kicks(500, 9));
    CHECK(a.order == b.order);
    CHECK(a.length == b.length);
}

TEST_CASE("The distance functor overload solves the same problem") {
    const std::vector<std::pair<double, double>> square = {{0, 0}, {10, 10}, {0, 10}, {10, 0}, {5, 0}, {10, 5}, {5, 10}, {0, 5}};
    const auto tour = geo::tsp::solve_tsp(
        square.size(),
        [&](std::size_t i, std::size_t j) { return std::hypot(square[i].first - square[j].first, square[i].second - square[j].second); },
        by_kicks(50));
    CHECK(tour.length == doctest::Approx(40.0).epsilon(1e-12));  // around the square's edge
    CHECK(tour.order.front() == 0);
}

TEST_CASE("TSPLIB instances come within 1% of their proven optimum with a short budget") {
    const auto known = optima();
    for (const char* name : {"ulysses22", "att48", "eil51", "berlin52", "gr96", "kroA100"}) {
        CAPTURE(name);
        REQUIRE(known.count(name) == 1);
        const auto instance = geo::tsp::read_tsplib(test::external(std::string("tsplib/") + name + ".tsp"));
        const auto tour = geo::tsp::solve_tsp(geo::tsp::tsplib_matrix(instance), by_kicks(1000));
        REQUIRE(is_permutation_of_all(tour.order, static_cast<std::size_t>(instance.dimension)));
        CHECK(tour.length >= known.at(name));
        CHECK(tour.length <= known.at(name) * 1.01);
    }
}
