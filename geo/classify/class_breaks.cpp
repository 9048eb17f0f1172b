#include "geo/classify/class_breaks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "geo/util/error.h"

namespace geo {

std::optional<BreakMethod> parse_break_method(std::string_view text) {
    if (text == "jenks") return BreakMethod::natural_breaks;
    return parse_enum<BreakMethod>(text);
}

namespace {

// The distinct values of a sorted list, each with how often it occurs.
struct Distinct {
    std::vector<double> value;
    std::vector<double> count;
};

Distinct distinct_of(const std::vector<double>& sorted) {
    Distinct d;
    for (double v : sorted) {
        if (d.value.empty() || d.value.back() != v) {
            d.value.push_back(v);
            d.count.push_back(0);
        }
        d.count.back() += 1;
    }
    return d;
}

std::vector<double> equal_interval_breaks(double min, double max, int classes) {
    std::vector<double> breaks;
    for (int i = 0; i < classes; ++i) breaks.push_back(min + (max - min) * i / classes);
    breaks.push_back(max);
    return breaks;
}

// Hyndman & Fan (1996) type 7: h = (n − 1)·p, interpolating between the order statistics on
// either side of h.
std::vector<double> quantile_breaks(const std::vector<double>& sorted, int classes) {
    const std::size_t n = sorted.size();
    std::vector<double> breaks{sorted.front()};
    for (int i = 1; i < classes; ++i) {
        const double h = static_cast<double>(n - 1) * i / classes;
        const auto lo = static_cast<std::size_t>(std::floor(h));
        const double frac = h - static_cast<double>(lo);
        const double below = sorted[lo];
        const double above = sorted[std::min(lo + 1, n - 1)];
        breaks.push_back(frac == 0 ? below : below + frac * (above - below));
    }
    breaks.push_back(sorted.back());
    return breaks;
}

// Fisher's exact optimal grouping over the distinct values (weighted by their counts), so that
// ties cost nothing extra and are never split. cost[c][j]: least within-class sum of squares
// of the first j + 1 distinct values in c + 1 classes; start[c][j]: where its last class begins.
// The sums of squares of the runs i..j come from Welford's running update (stable where
// prefix sums of squares would cancel), computed once per run and shared by every class count.
std::vector<double> natural_breaks(const Distinct& d, int classes) {
    const std::size_t m = d.value.size();
    const auto k = static_cast<std::size_t>(classes);
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> cost(k, std::vector<double>(m, inf));
    std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(m, 0));

    for (std::size_t j = 0; j < m; ++j) {
        double weight = 0, mean = 0, sum_sq = 0;
        for (std::size_t i = j + 1; i-- > 0;) {  // the run i..j, grown leftwards
            const double w = d.count[i];
            const double x = d.value[i];
            weight += w;
            const double delta = x - mean;
            mean += delta * w / weight;
            sum_sq += w * delta * (x - mean);
            if (i == 0) {
                cost[0][j] = sum_sq;
                break;
            }
            // The run i..j as the last of c + 1 classes after c classes over 0..i−1.
            for (std::size_t c = 1; c < k && c <= i; ++c) {
                const double candidate = cost[c - 1][i - 1] + sum_sq;
                if (candidate < cost[c][j]) {  // on a tie the first found: the shorter last class
                    cost[c][j] = candidate;
                    start[c][j] = i;
                }
            }
        }
    }

    // Walk back from the last class to find where each class ends.
    std::vector<std::size_t> last_of_class(k);
    std::size_t j = m - 1;
    for (std::size_t c = k - 1; c > 0; --c) {
        last_of_class[c] = j;
        j = start[c][j] - 1;
    }
    last_of_class[0] = j;

    std::vector<double> breaks{d.value.front()};
    for (std::size_t c = 0; c + 1 < k; ++c) breaks.push_back(d.value[last_of_class[c]]);
    breaks.push_back(d.value.back());
    // A lowest class of the minimum alone would have both bounds equal: move its upper bound
    // halfway to the next value, which keeps the minimum in it and the next value out.
    if (k >= 2 && last_of_class[0] == 0) breaks[1] = (d.value[0] + d.value[1]) / 2;
    return breaks;
}

}  // namespace

std::vector<double> class_breaks(std::vector<double> values, int classes, BreakMethod method) {
    if (classes < 1)
        throw BadInput("class breaks: the number of classes must be at least 1, not " +
                       std::to_string(classes));
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    if (values.empty()) return {};
    std::sort(values.begin(), values.end());
    const Distinct distinct = distinct_of(values);
    if (distinct.value.size() == 1) return {values.front()};
    const int k = std::min(classes, static_cast<int>(distinct.value.size()));

    std::vector<double> breaks;
    switch (method) {
        case BreakMethod::equal_interval:
            breaks = equal_interval_breaks(values.front(), values.back(), k);
            break;
        case BreakMethod::quantiles: breaks = quantile_breaks(values, k); break;
        case BreakMethod::natural_breaks: breaks = natural_breaks(distinct, k); break;
    }
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    return breaks;
}

int class_of(double value, const std::vector<double>& breaks) {
    if (breaks.empty() || std::isnan(value)) return -1;
    if (breaks.size() == 1) return 0;
    // First inner-or-last bound at or above the value; the class is the one below that bound.
    const auto upper = std::lower_bound(breaks.begin() + 1, breaks.end(), value);
    if (upper == breaks.end()) return static_cast<int>(breaks.size()) - 2;
    return static_cast<int>(upper - breaks.begin()) - 1;
}

}  // namespace geo
