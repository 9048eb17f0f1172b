#include "geo/review/review_actions.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>

#include "geo/placement/banner_placement.h"
#include "geo/planning/talking_points.h"
#include "geo/planning/visit_priority.h"
#include "geo/query/neighbourhood_stats.h"
#include "geo/query/road_names.h"
#include "geo/spatial/point_in_area.h"

namespace geo {
namespace {

constexpr auto kWeek = std::chrono::hours(24 * 7);

std::string hood_name(const Neighbourhood& n) { return n.name.empty() ? n.id : n.name; }

// The week's cases, the streets and the banners hanging: all that placement reads. A copy of
// these few layers instead of the district, so that only the week's cases are placed for.
District placement_district(const District& district, const std::vector<std::uint32_t>& week_cases) {
    District d;
    d.metadata = district.metadata;
    d.neighbourhoods = district.neighbourhoods;
    d.roads = district.roads;
    for (const auto& p : district.posters)
        if (p.kind == PosterKind::banner) d.posters.push_back(p);
    for (std::uint32_t i : week_cases) d.incidents.push_back(district.incidents[i]);
    return d;
}

void add_banners(const District& district, const std::vector<std::uint32_t>& week_cases, const TimeWindow& week,
                 const ReviewActionOptions& options, ReviewActions& out) {
    out.week_cases = week_cases.size();
    out.banner_radius_m = options.banner_radius_m;
    if (week_cases.empty() || options.banners == 0) return;
    // Placement counts the banners hanging as placed: the suggestions reach what they leave.
    const District d = placement_district(district, week_cases);
    BannerOptions o;
    o.count = options.banners;
    o.radius_m = options.banner_radius_m;
    o.min_spacing_m = options.banner_spacing_m;
    o.as_of = week.to;
    // "When a case happens, a banner goes up near the scene": the scenes themselves are
    // candidates, beside the junctions and gates (the only ones where there are no roads) —
    // for a station's week. A city's week of thousands of cases is placed on junctions and
    // gates alone, as `patrolmap banners` does.
    if (d.incidents.size() <= options.max_scene_candidates)
        for (const auto& i : d.incidents) o.user_sites.push_back({i.location, CandidateKind::user, "case " + i.id});
    if (d.roads.empty() && o.user_sites.empty()) return;
    const BannerPlacement placement = place_banners(d, o);
    std::vector<bool> reached(d.incidents.size(), false);
    for (const auto& b : placement.suggested) {
        BannerAction a;
        a.at = b.site.location;
        a.place = place_name(district, a.at);
        const auto hood = neighbourhood_of_points(district, {a.at});
        if (!hood.empty() && hood[0] >= 0) a.neighbourhood = hood_name(district.neighbourhoods[static_cast<std::size_t>(hood[0])]);
        a.cases_in_reach = b.incidents.size();
        for (std::uint32_t k : b.incidents) reached[k] = true;
        out.banners.push_back(std::move(a));
    }
    out.week_cases_in_reach = static_cast<std::size_t>(std::count(reached.begin(), reached.end(), true));
    std::vector<bool> covered(d.incidents.size(), false);
    for (const auto& b : placement.hanging)
        for (std::uint32_t k : b.incidents) covered[k] = true;
    out.week_cases_covered_before = static_cast<std::size_t>(std::count(covered.begin(), covered.end(), true));
}

void add_visits(const District& district, const TimeWindow& week, const ReviewActionOptions& options, ReviewActions& out) {
    if (district.buildings.empty() || options.visits == 0) return;
    // As of the Monday after the review: what the planner would weigh for next week.
    const auto priorities = visit_priorities(district, week.to);
    std::map<std::string, const Neighbourhood*> hood_by_id;
    for (const auto& n : district.neighbourhoods) hood_by_id[n.id] = &n;
    std::map<std::string, std::string> officer_name;
    for (const auto& o : district.officers) officer_name[o.id] = o.name.empty() ? o.id : o.name;
    std::vector<std::size_t> order(priorities.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return priorities[a].priority > priorities[b].priority; });
    for (std::size_t k = 0; k < order.size() && out.visits.size() < options.visits; ++k) {
        const BuildingPriority& p = priorities[order[k]];
        if (p.priority <= 0) break;
        const Building& b = district.buildings[order[k]];
        VisitAction v;
        v.building_id = b.id;
        v.address = b.address;
        v.priority = p.priority;
        double young_share = 0;
        if (const auto it = hood_by_id.find(b.neighbourhood_id); it != hood_by_id.end()) {
            const Neighbourhood& n = *it->second;
            v.neighbourhood = hood_name(n);
            if (const auto o = officer_name.find(n.officer_id); o != officer_name.end()) v.officer = o->second;
            if (n.residents + n.transients > 0)
                young_share = static_cast<double>(n.transients) / static_cast<double>(n.residents + n.transients);
        }
        v.reasons = visit_brief(b, p.has_poster, p.has_contact_card, young_share, p.recent_types).reasons;
        out.visits.push_back(std::move(v));
    }
}

void add_lectures(const District& district, const IncidentFilter& filter, const TimeWindow& week,
                  const std::vector<std::int32_t>& hood_of_incident, const ReviewActionOptions& options, ReviewActions& out) {
    IncidentFilter f = filter;
    f.window = TimeWindow{week.to - 4 * kWeek, week.to};
    const auto stats = neighbourhood_stats(district, hood_of_incident, f);
    constexpr std::size_t kTypes = EnumNames<FraudType>::names.size(), kAges = EnumNames<AgeBand>::names.size();
    std::vector<std::array<std::int64_t, kTypes>> types(district.neighbourhoods.size());
    std::vector<std::array<std::int64_t, kAges>> ages(district.neighbourhoods.size());
    for (std::size_t i = 0; i < district.incidents.size(); ++i) {
        const Incident& inc = district.incidents[i];
        if (hood_of_incident[i] < 0 || !f.matches(inc)) continue;
        const auto h = static_cast<std::size_t>(hood_of_incident[i]);
        ++types[h][static_cast<std::size_t>(inc.fraud_type)];
        ++ages[h][static_cast<std::size_t>(inc.victim_age_band)];
    }
    std::vector<std::size_t> order;
    for (std::size_t n = 0; n < stats.size(); ++n)
        if (stats[n].per_1000 && stats[n].incidents > 0) order.push_back(n);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *stats[a].per_1000 > *stats[b].per_1000; });
    for (std::size_t k = 0; k < order.size() && out.lectures.size() < options.lectures; ++k) {
        const std::size_t n = order[k];
        LectureAction l;
        l.neighbourhood_id = district.neighbourhoods[n].id;
        l.neighbourhood = hood_name(district.neighbourhoods[n]);
        l.officer = stats[n].officer_name;
        l.cases = static_cast<std::int64_t>(stats[n].incidents);
        l.per_1000 = stats[n].per_1000;
        // Most frequent first; ties in enum order. Unknown ages say nothing about the audience.
        auto top = [](const auto& counts, std::size_t skip, std::size_t count) {
            std::vector<std::size_t> idx;
            for (std::size_t i = 0; i < counts.size(); ++i)
                if (i != skip && counts[i] > 0) idx.push_back(i);
            std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
            if (idx.size() > count) idx.resize(count);
            return idx;
        };
        for (std::size_t t : top(types[n], kTypes, 2)) l.top_types.push_back(static_cast<FraudType>(t));
        for (std::size_t a : top(ages[n], static_cast<std::size_t>(AgeBand::unknown), 2)) l.top_ages.push_back(static_cast<AgeBand>(a));
        out.lectures.push_back(std::move(l));
    }
}

}  // namespace

ReviewActions review_actions(const District& district, const IncidentFilter& filter, const TimeWindow& week,
                             const ReviewActionOptions& options) {
    ReviewActions out;
    IncidentFilter in_week = filter;
    in_week.window = week;
    const auto week_cases = filter_incidents(district, in_week);
    const auto hood_of_incident = neighbourhood_of_incidents(district);
    add_banners(district, week_cases, week, options, out);
    add_visits(district, week, options, out);
    add_lectures(district, filter, week, hood_of_incident, options, out);
    return out;
}

}  // namespace geo
