#include "geo/placement/practice_rule.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "geo/placement/banner_placement.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"

namespace geo {
namespace {

double distance_m(const XY& a, const XY& b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

PracticeRuleReplay replay_practice_rule(const District& district, const std::vector<CandidateSite>& candidates,
                                        const PracticeRuleOptions& options) {
    if (!(options.period_days > 0) || !std::isfinite(options.period_days))
        throw BadInput("--period must be a positive number of days");
    if (!(options.radius_m > 0) || !std::isfinite(options.radius_m))
        throw BadInput("--radius must be a positive number of metres");
    const auto period = std::chrono::seconds(static_cast<std::int64_t>(std::llround(options.period_days * 86400.0)));

    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < district.incidents.size(); ++i)
        if (!options.since || district.incidents[i].time >= *options.since) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return district.incidents[a].time < district.incidents[b].time;
    });
    const auto case_area = neighbourhood_of_incidents(district);
    std::vector<XY> candidate_points;
    for (const auto& c : candidates) candidate_points.push_back(c.location);
    const auto candidate_area = neighbourhood_of_points(district, candidate_points);

    std::vector<const Poster*> banners;
    for (const Poster& p : district.posters)
        if (p.kind == PosterKind::banner) banners.push_back(&p);

    PracticeRuleReplay out;
    for (const std::uint32_t i : order) {
        const Incident& incident = district.incidents[i];
        ++out.cases;
        const bool existing = std::any_of(banners.begin(), banners.end(), [&](const Poster* p) {
            return is_hanging(*p, incident.time) && distance_m(p->location, incident.location) <= options.radius_m;
        });
        if (existing) {
            ++out.covered_by_existing;
            continue;
        }
        const bool suggested = std::any_of(out.suggestions.begin(), out.suggestions.end(), [&](const RuleSuggestion& s) {
            return s.hangs_from <= incident.time && incident.time < s.expires &&
                   distance_m(s.location, incident.location) <= options.radius_m;
        });
        if (suggested) {
            ++out.covered_by_suggested;
            continue;
        }
        RuleSuggestion s{i, case_area[i], incident.location, false, incident.time, incident.time + period};
        double best = options.radius_m;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            if (candidate_area[c] != case_area[i] || case_area[i] < 0) continue;
            const double d = distance_m(candidates[c].location, incident.location);
            if (d <= best && (!s.at_candidate || d < best)) {
                best = d;
                s.location = candidates[c].location;
                s.at_candidate = true;
            }
        }
        out.suggestions.push_back(s);
    }
    return out;
}

}  // namespace geo
