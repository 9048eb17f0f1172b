#include "geo/tracks/path_agreement.h"

#include <algorithm>
#include <map>
#include <utility>

namespace geo {
namespace {

using Intervals = std::vector<std::pair<double, double>>;

// Per edge, the union of the stretches covered, as sorted disjoint intervals.
std::map<int, Intervals> covered(const std::vector<EdgeSpan>& spans) {
    std::map<int, Intervals> raw;
    for (const EdgeSpan& s : spans) raw[s.edge].push_back(std::minmax(s.from_m, s.to_m));
    for (auto& [edge, list] : raw) {
        std::sort(list.begin(), list.end());
        Intervals merged;
        for (const auto& iv : list) {
            if (!merged.empty() && iv.first <= merged.back().second) merged.back().second = std::max(merged.back().second, iv.second);
            else merged.push_back(iv);
        }
        list = std::move(merged);
    }
    return raw;
}

double total(const std::map<int, Intervals>& cover) {
    double sum = 0;
    for (const auto& [edge, list] : cover)
        for (const auto& [a, b] : list) sum += b - a;
    return sum;
}

double overlap(const Intervals& a, const Intervals& b) {
    double sum = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const double lo = std::max(a[i].first, b[j].first), hi = std::min(a[i].second, b[j].second);
        if (hi > lo) sum += hi - lo;
        if (a[i].second < b[j].second) ++i;
        else ++j;
    }
    return sum;
}

}  // namespace

PathAgreement path_agreement(const std::vector<EdgeSpan>& truth, const std::vector<EdgeSpan>& matched) {
    const auto t = covered(truth), m = covered(matched);
    PathAgreement out;
    out.truth_m = total(t);
    out.matched_m = total(m);
    for (const auto& [edge, list] : t)
        if (const auto it = m.find(edge); it != m.end()) out.common_m += overlap(list, it->second);
    return out;
}

}  // namespace geo
