#include "geo/density/bandwidth.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace geo {

std::optional<double> default_bandwidth_m(std::span<const XY> points) {
    const double n = static_cast<double>(points.size());
    if (points.size() < 2) return std::nullopt;
    double mean_x = 0, mean_y = 0;
    for (const XY& p : points) {
        mean_x += p.x;
        mean_y += p.y;
    }
    mean_x /= n;
    mean_y /= n;
    std::vector<double> distances_m;
    distances_m.reserve(points.size());
    double sum_sq = 0;
    for (const XY& p : points) {
        const double d2 = (p.x - mean_x) * (p.x - mean_x) + (p.y - mean_y) * (p.y - mean_y);
        sum_sq += d2;
        distances_m.push_back(std::sqrt(d2));
    }
    const double standard_distance_m = std::sqrt(sum_sq / n);
    // Median: the middle value, or the mean of the two middle values for an even count.
    const std::size_t mid = distances_m.size() / 2;
    std::nth_element(distances_m.begin(), distances_m.begin() + static_cast<std::ptrdiff_t>(mid), distances_m.end());
    double median_m = distances_m[mid];
    if (distances_m.size() % 2 == 0)
        median_m = (median_m + *std::max_element(distances_m.begin(), distances_m.begin() + static_cast<std::ptrdiff_t>(mid))) / 2;
    const double spread_m = std::min(standard_distance_m, std::sqrt(1 / std::numbers::ln2) * median_m);
    const double h = 0.9 * spread_m * std::pow(n, -0.2);
    if (!(h > 0) || !std::isfinite(h)) return std::nullopt;
    return h;
}

}  // namespace geo
