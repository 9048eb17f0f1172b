#include "geo/review/knox.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "geo/spatial/point_index.h"
#include "geo/util/error.h"

namespace geo {
namespace {

std::size_t band_of(double value, const std::vector<double>& bands) {
    return static_cast<std::size_t>(std::lower_bound(bands.begin(), bands.end(), value) - bands.begin());  // == size: beyond
}

void require_bands(const std::vector<double>& bands, const char* what) {
    if (bands.empty()) throw BadInput(std::string(what) + ": at least one band");
    for (std::size_t i = 0; i < bands.size(); ++i)
        if (!(bands[i] > 0) || !std::isfinite(bands[i]) || (i > 0 && !(bands[i] > bands[i - 1])))
            throw BadInput(std::string(what) + ": bands must be positive and increasing");
}

}  // namespace

KnoxTable knox_test(const std::vector<XY>& points, const std::vector<Timestamp>& times, const KnoxOptions& options) {
    if (points.size() != times.size()) throw InternalError("knox_test: one time per point");
    require_bands(options.distance_bands_m, "distance bands");
    require_bands(options.time_bands_days, "time bands");
    if (options.permutations < 1) throw BadInput("knox: at least one permutation");
    const std::size_t rows = options.distance_bands_m.size() + 1, cols = options.time_bands_days.size() + 1;
    const std::size_t n = points.size();

    // Whole seconds, so that "within 7 days" is decided the same way for a pair and for the
    // sorted counts below (no rounding).
    std::vector<std::int64_t> secs(n);
    for (std::size_t i = 0; i < n; ++i)
        secs[i] = std::chrono::duration_cast<std::chrono::seconds>(times[i].time_since_epoch()).count();
    std::vector<std::int64_t> time_bands(options.time_bands_days.size());
    for (std::size_t c = 0; c < time_bands.size(); ++c)
        time_bands[c] = static_cast<std::int64_t>(std::llround(options.time_bands_days[c] * 86400));
    auto time_band_of = [&](std::int64_t dt) {
        return static_cast<std::size_t>(std::lower_bound(time_bands.begin(), time_bands.end(), dt) - time_bands.begin());
    };

    // Pairs within the widest distance band, found once: the shuffles move times, not places.
    struct Pair {
        std::uint32_t a, b;
        std::uint8_t row;
    };
    std::vector<Pair> close;
    const PointIndex index(points, options.distance_bands_m.back());
    for (std::uint32_t a = 0; a < n; ++a)
        index.within(points[a], options.distance_bands_m.back(), [&](std::uint32_t b, double d) {
            if (b > a) close.push_back({a, b, static_cast<std::uint8_t>(band_of(d, options.distance_bands_m))});
        });

    // Pairs by time band over all pairs, whatever their distance: the same for every shuffle
    // (a shuffle permutes which place has which time, not the set of time differences).
    std::vector<std::int64_t> sorted = secs;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::int64_t> all_by_time(cols, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::int64_t previous = 0;
        for (std::size_t c = 0; c + 1 < cols; ++c) {
            // later points within band c of point i: those with t - t_i <= band
            const auto end = std::upper_bound(sorted.begin() + static_cast<std::ptrdiff_t>(i) + 1, sorted.end(),
                                              sorted[i] + time_bands[c]);
            const std::int64_t within = end - (sorted.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            all_by_time[c] += within - previous;
            previous = within;
        }
        all_by_time[cols - 1] += static_cast<std::int64_t>(n - 1 - i) - previous;
    }

    auto count = [&](const std::vector<std::int64_t>& t) {
        std::vector<std::int64_t> table(rows * cols, 0);
        for (const Pair& p : close) table[p.row * cols + time_band_of(std::llabs(t[p.a] - t[p.b]))]++;
        // The farther row: all pairs of each time band less the close ones.
        for (std::size_t c = 0; c < cols; ++c) {
            std::int64_t near = 0;
            for (std::size_t r = 0; r + 1 < rows; ++r) near += table[r * cols + c];
            table[(rows - 1) * cols + c] = all_by_time[c] - near;
        }
        return table;
    };

    const std::vector<std::int64_t> observed = count(secs);
    std::vector<double> sum(rows * cols, 0);
    std::vector<int> at_least(rows * cols, 0);
    std::mt19937_64 rng(options.seed);
    std::vector<std::int64_t> shuffled = secs;
    for (int k = 0; k < options.permutations; ++k) {
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        const std::vector<std::int64_t> t = count(shuffled);
        for (std::size_t i = 0; i < t.size(); ++i) {
            sum[i] += static_cast<double>(t[i]);
            at_least[i] += t[i] >= observed[i];
        }
    }

    KnoxTable out;
    out.distance_bands_m = options.distance_bands_m;
    out.time_bands_days = options.time_bands_days;
    out.permutations = options.permutations;
    out.cases = n;
    out.cells.assign(rows, std::vector<KnoxCell>(cols));
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            KnoxCell& cell = out.cells[r][c];
            const std::size_t i = r * cols + c;
            cell.observed = observed[i];
            cell.expected = sum[i] / options.permutations;
            cell.ratio = cell.expected > 0 ? static_cast<double>(cell.observed) / cell.expected : 0;
            cell.p_value = (1.0 + at_least[i]) / (1.0 + options.permutations);
        }
    return out;
}

}  // namespace geo
