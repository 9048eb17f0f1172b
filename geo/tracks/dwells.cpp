#include "geo/tracks/dwells.h"

#include <algorithm>
#include <cmath>

namespace geo {
namespace {

double median(std::vector<double> v) {
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

XY median_of(const std::vector<TrackPoint>& points, std::size_t first, std::size_t last, const std::vector<char>& there) {
    std::vector<double> xs, ys;
    for (std::size_t k = first; k <= last; ++k)
        if (there[k - first]) xs.push_back(points[k].at.x), ys.push_back(points[k].at.y);
    return {median(std::move(xs)), median(std::move(ys))};
}

double seconds_between(Timestamp a, Timestamp b) { return static_cast<double>((b - a).count()); }

}  // namespace

std::vector<Dwell> find_dwells(const Track& track, const DwellOptions& options) {
    const auto& p = track.points;
    std::vector<Dwell> out;
    std::size_t i = 0;
    while (i < p.size()) {
        // Grow a stay from fix i: its centre is the running mean of the fixes judged there.
        XY sum = p[i].at;
        std::size_t count = 1, last_there = i, j = i + 1;
        std::vector<char> there{1};
        for (; j < p.size(); ++j) {
            if (seconds_between(p[j - 1].time, p[j].time) > options.max_gap_s) break;
            const XY centre{sum.x / static_cast<double>(count), sum.y / static_cast<double>(count)};
            if (std::hypot(p[j].at.x - centre.x, p[j].at.y - centre.y) <= options.radius_m) {
                sum.x += p[j].at.x, sum.y += p[j].at.y;
                ++count;
                last_there = j;
                there.push_back(1);
            } else {
                there.push_back(0);
                if (seconds_between(p[last_there].time, p[j].time) >= options.leave_s &&
                    j - last_there >= static_cast<std::size_t>(std::max(1, options.leave_fixes)))
                    break;
            }
        }
        if (seconds_between(p[i].time, p[last_there].time) >= options.min_s && count >= 3) {
            there.resize(last_there - i + 1);
            out.push_back({i, last_there, p[i].time, p[last_there].time, median_of(p, i, last_there, there)});
            i = last_there + 1;
        } else {
            ++i;
        }
    }
    return out;
}

}  // namespace geo
