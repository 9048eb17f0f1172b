// Choropleth class breaks: equal interval, quantiles, Fisher–Jenks natural breaks, class_of.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <vector>

#include "geo/classify/class_breaks.h"
#include "geo/util/error.h"

using namespace geo;

namespace {

std::vector<double> one_to(int n) {
    std::vector<double> v;
    for (int i = 1; i <= n; ++i) v.push_back(i);
    return v;
}

// How many values fall in each class.
std::vector<int> class_sizes(const std::vector<double>& values, const std::vector<double>& breaks) {
    std::vector<int> sizes(breaks.size() - 1, 0);
    for (double v : values) ++sizes.at(static_cast<std::size_t>(class_of(v, breaks)));
    return sizes;
}

double sum_sq_dev(const std::vector<double>& group) {
    double mean = 0;
    for (double v : group) mean += v;
    mean /= static_cast<double>(group.size());
    double s = 0;
    for (double v : group) s += (v - mean) * (v - mean);
    return s;
}

// Within-class sum of squared deviations of the partition that `breaks` makes through class_of.
double partition_cost(const std::vector<double>& values, const std::vector<double>& breaks) {
    std::vector<std::vector<double>> groups(breaks.size() - 1);
    for (double v : values) groups.at(static_cast<std::size_t>(class_of(v, breaks))).push_back(v);
    double cost = 0;
    for (const auto& g : groups)
        if (!g.empty()) cost += sum_sq_dev(g);
    return cost;
}

// The least cost over every way of cutting the sorted values into `classes` non-empty runs,
// ties split or not: the brute force that Fisher's dynamic programme must match.
double brute_force_cost(std::vector<double> values, int classes) {
    std::sort(values.begin(), values.end());
    const int n = static_cast<int>(values.size());
    double best = std::numeric_limits<double>::infinity();
    std::vector<int> cuts;  // index where each class after the first starts
    std::function<void(int)> choose = [&](int from) {
        if (static_cast<int>(cuts.size()) == classes - 1) {
            double cost = 0;
            int begin = 0;
            for (std::size_t c = 0; c <= cuts.size(); ++c) {
                const int end = c < cuts.size() ? cuts[c] : n;
                cost += sum_sq_dev(std::vector<double>(values.begin() + begin, values.begin() + end));
                begin = end;
            }
            best = std::min(best, cost);
            return;
        }
        for (int cut = from; cut < n; ++cut) {
            cuts.push_back(cut);
            choose(cut + 1);
            cuts.pop_back();
        }
    };
    choose(1);
    return best;
}

bool strictly_ascending(const std::vector<double>& v) {
    return std::adjacent_find(v.begin(), v.end(), std::greater_equal<>()) == v.end();
}

}  // namespace

TEST_CASE("Method names parse, jenks included") {
    CHECK(parse_break_method("quantiles") == BreakMethod::quantiles);
    CHECK(parse_break_method("natural_breaks") == BreakMethod::natural_breaks);
    CHECK(parse_break_method("jenks") == BreakMethod::natural_breaks);
    CHECK(parse_break_method("equal_interval") == BreakMethod::equal_interval);
    CHECK_FALSE(parse_break_method("Quantiles"));
    CHECK_FALSE(parse_break_method(""));
    CHECK(name_of(BreakMethod::natural_breaks) == "natural_breaks");
}

TEST_CASE("Equal intervals split the range into equal steps, bounds exact") {
    CHECK(class_breaks({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5, BreakMethod::equal_interval) ==
          std::vector<double>{0, 2, 4, 6, 8, 10});
    CHECK(class_breaks({7, -3, 1, 0.5, 2, 6}, 4, BreakMethod::equal_interval) ==
          std::vector<double>{-3, -0.5, 2, 4.5, 7});
    // The order of the input does not matter; the classes hold what they should.
    const auto breaks = class_breaks({10, 0, 5, 1, 9}, 2, BreakMethod::equal_interval);
    CHECK(breaks == std::vector<double>{0, 5, 10});
    CHECK(class_sizes({10, 0, 5, 1, 9}, breaks) == std::vector<int>{3, 2});  // 5 is in (0, 5]
}

TEST_CASE("Quantiles of 1..100 in 4 classes put 25 values in each") {
    const auto values = one_to(100);
    const auto breaks = class_breaks(values, 4, BreakMethod::quantiles);
    // Type 7: h = 99·p; the quartiles of 1..100 are 25.75, 50.5 and 75.25.
    CHECK(breaks == std::vector<double>{1, 25.75, 50.5, 75.25, 100});
    CHECK(class_sizes(values, breaks) == std::vector<int>{25, 25, 25, 25});
}

TEST_CASE("Quantiles over many ties merge the bounds that coincide") {
    // Ten zeros and 1..5: the lower quartiles are all 0.
    std::vector<double> values(10, 0.0);
    for (int i = 1; i <= 5; ++i) values.push_back(i);
    const auto breaks = class_breaks(values, 4, BreakMethod::quantiles);
    CHECK(strictly_ascending(breaks));
    CHECK(breaks.front() == 0);
    CHECK(breaks.back() == 5);
    CHECK(breaks.size() == 3);  // 0, 0, 0, 1.5, 5 → 0, 1.5, 5
    CHECK(breaks[1] == doctest::Approx(1.5));
}

TEST_CASE("Natural breaks find the obvious three groups") {
    //  1 2 3 ........ 10 11 12 .................. 30 31 32
    const std::vector<double> values{30, 1, 11, 2, 32, 12, 3, 10, 31};
    const auto breaks = class_breaks(values, 3, BreakMethod::natural_breaks);
    CHECK(breaks == std::vector<double>{1, 3, 12, 32});
    // Each group is one class, the groups' largest values included.
    CHECK(class_of(1, breaks) == 0);
    CHECK(class_of(3, breaks) == 0);
    CHECK(class_of(10, breaks) == 1);
    CHECK(class_of(12, breaks) == 1);
    CHECK(class_of(30, breaks) == 2);
    CHECK(class_of(32, breaks) == 2);
}

TEST_CASE("Natural breaks keep a lone minimum in a class of its own") {
    //  0 .......... 40 41 45 ............. 90 95
    const std::vector<double> values{0, 40, 41, 45, 90, 95};
    const auto breaks = class_breaks(values, 3, BreakMethod::natural_breaks);
    CHECK(breaks == std::vector<double>{0, 20, 45, 95});
    CHECK(class_sizes(values, breaks) == std::vector<int>{1, 3, 2});
}

TEST_CASE("Natural breaks match a brute force over every split on random small sets") {
    std::mt19937 rng(20210101);
    std::uniform_int_distribution<int> size(1, 12);
    std::uniform_int_distribution<int> class_count(1, 6);
    std::uniform_real_distribution<double> real(-50, 150);
    std::uniform_int_distribution<int> small_int(0, 6);  // many ties
    for (int trial = 0; trial < 400; ++trial) {
        std::vector<double> values(static_cast<std::size_t>(size(rng)));
        for (double& v : values) v = (trial % 2 == 0) ? real(rng) : small_int(rng);
        const int classes = class_count(rng);
        const auto breaks = class_breaks(values, classes, BreakMethod::natural_breaks);

        std::vector<double> distinct = values;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        const int expected_classes = std::min(classes, static_cast<int>(distinct.size()));
        CAPTURE(trial);
        CHECK(strictly_ascending(breaks));
        CHECK(breaks.front() == distinct.front());
        CHECK(breaks.back() == distinct.back());
        if (distinct.size() == 1) {
            CHECK(breaks.size() == 1);
            continue;
        }
        CHECK(breaks.size() == static_cast<std::size_t>(expected_classes) + 1);
        const double best = brute_force_cost(values, expected_classes);
        CHECK(partition_cost(values, breaks) <= best + 1e-9 * (1 + best));
        CHECK(partition_cost(values, breaks) >= best - 1e-9 * (1 + best));
    }
}

TEST_CASE("Natural breaks on 10,000 values finish and are ordered") {
    std::mt19937 rng(7);
    std::lognormal_distribution<double> loss_yuan(9, 1.5);  // skewed, as fraud losses are
    std::vector<double> values(10000);
    for (double& v : values) v = loss_yuan(rng);
    const auto breaks = class_breaks(values, 7, BreakMethod::natural_breaks);
    CHECK(breaks.size() == 8);
    CHECK(strictly_ascending(breaks));
    CHECK(breaks.front() == *std::min_element(values.begin(), values.end()));
    CHECK(breaks.back() == *std::max_element(values.begin(), values.end()));
}

TEST_CASE("Degenerate inputs: empty, NaN only, all equal, fewer distinct values than classes") {
    for (BreakMethod method :
         {BreakMethod::quantiles, BreakMethod::natural_breaks, BreakMethod::equal_interval}) {
        CAPTURE(name_of(method));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        CHECK(class_breaks({}, 5, method).empty());
        CHECK(class_breaks({nan, nan}, 5, method).empty());
        CHECK(class_breaks({4, 4, 4}, 5, method) == std::vector<double>{4});
        CHECK(class_breaks({4, nan, 4}, 5, method) == std::vector<double>{4});
        // Two distinct values in 4 classes: two classes, one value each.
        const auto two = class_breaks({5, 7, 7, 5}, 4, method);
        CHECK(two == std::vector<double>{5, 6, 7});
        CHECK(class_sizes({5, 7, 7, 5}, two) == std::vector<int>{2, 2});
        // NaN and infinities are ignored, not counted.
        CHECK(class_breaks({nan, 1, 2, 3, std::numeric_limits<double>::infinity()}, 2, method) ==
              class_breaks({1, 2, 3}, 2, method));
        CHECK_THROWS_AS(class_breaks({1, 2, 3}, 0, method), BadInput);
    }
}

TEST_CASE("class_of: a value at an inner bound goes to the class below; outside values clamp") {
    const std::vector<double> breaks{0, 10, 20, 30};
    CHECK(class_of(0, breaks) == 0);
    CHECK(class_of(5, breaks) == 0);
    CHECK(class_of(10, breaks) == 0);
    CHECK(class_of(10.5, breaks) == 1);
    CHECK(class_of(20, breaks) == 1);
    CHECK(class_of(29, breaks) == 2);
    CHECK(class_of(30, breaks) == 2);
    CHECK(class_of(-1, breaks) == 0);
    CHECK(class_of(31, breaks) == 2);
    CHECK(class_of(std::numeric_limits<double>::quiet_NaN(), breaks) == -1);
    CHECK(class_of(5, {}) == -1);
    CHECK(class_of(5, {4}) == 0);
}
