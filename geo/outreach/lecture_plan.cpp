#include "geo/outreach/lecture_plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

#include "geo/planning/iso_week.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

constexpr auto kDay = std::chrono::hours(24);
constexpr std::size_t kTypes = EnumNames<FraudType>::names.size();

double population(const District& d, int neighbourhood) {
    if (neighbourhood < 0) return 0;
    const Neighbourhood& n = d.neighbourhoods[static_cast<std::size_t>(neighbourhood)];
    return static_cast<double>(n.residents + n.transients);
}

double share_of(const LectureVenue& v, AgeBand band) {
    return band == AgeBand::unknown ? 0.25 : v.age_mix[static_cast<std::size_t>(band)];
}

std::vector<FraudType> usual_topics(const LectureVenue& v) {
    const bool older = v.age_mix[2] + v.age_mix[3] >= v.age_mix[0] + v.age_mix[1];
    return older ? std::vector<FraudType>{FraudType::investment, FraudType::health_product}
                 : std::vector<FraudType>{FraudType::online_shopping, FraudType::order_brushing};
}

}  // namespace

VenueScore score_venue(const District& district, const LectureVenue& venue, Timestamp as_of, bool neglected,
                       const LecturePlanOptions& o) {
    VenueScore s;
    std::array<double, kTypes> by_type{};
    for (const auto& c : district.incidents) {
        if (!(c.time < as_of)) continue;
        const double age_days = std::chrono::duration<double>(as_of - c.time).count() / 86400.0;
        if (age_days > o.lookback_days) continue;
        if (std::hypot(c.location.x - venue.location.x, c.location.y - venue.location.y) > o.radius_m) continue;
        const double w = std::pow(0.5, age_days / o.half_life_days) * share_of(venue, c.victim_age_band);
        s.risk += w;
        by_type[static_cast<std::size_t>(c.fraud_type)] += w;
    }
    const double people = population(district, venue.neighbourhood);
    s.per_1000 = people > 0 ? 1000 * s.risk / people : 0;
    s.neglected = neglected;
    s.score = static_cast<double>(venue.audience) / 1000 * (s.per_1000 + o.floor_per_1000) * (neglected ? o.neglect_factor : 1.0);
    std::vector<std::size_t> order(kTypes);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return by_type[a] > by_type[b]; });
    for (std::size_t k = 0; k < 2; ++k)
        if (by_type[order[k]] > 0 && static_cast<FraudType>(order[k]) != FraudType::other) s.topics.push_back(static_cast<FraudType>(order[k]));
    if (s.topics.empty()) s.topics = usual_topics(venue);
    return s;
}

LecturePlan plan_lectures(const District& district, const std::vector<std::string>& weeks, const LecturePlanOptions& o) {
    if (o.teams < 1) throw BadInput("--teams must be at least 1");
    if (o.per_team_week < 1 || o.per_team_week > 6) throw BadInput("--per-team-week must be 1 to 6 (talks on Tuesday, Thursday, Saturday ...)");
    if (o.min_gap_weeks < 0) throw BadInput("--min-gap must be 0 or more weeks");
    if (!(o.radius_m > 0) || !(o.half_life_days > 0)) throw BadInput("--radius and --half-life must be positive");
    LecturePlan plan;
    plan.weeks = weeks;
    plan.venues = lecture_venues(district);
    const std::string& zone = district.metadata.timezone;
    std::vector<int> venue_last(plan.venues.size(), -1000000), hood_last(district.neighbourhoods.size(), -1000000);
    const std::size_t slots = static_cast<std::size_t>(o.teams) * static_cast<std::size_t>(o.per_team_week);
    plan.slots_per_week = slots;
    // Lectures already held count as given in their week: before the plan's first week they
    // space the venues from it; inside a planned week they take one of its slots (the lecture
    // was given; the plan shows it as held rather than giving its slot to another venue).
    struct Held {
        std::size_t venue;
        Timestamp day;
    };
    std::vector<std::vector<Held>> held_in(weeks.size());
    if (!weeks.empty())
        if (const auto first = parse_iso_week(weeks.front(), zone)) {
            std::map<std::string, std::size_t> venue_index;
            for (std::size_t v = 0; v < plan.venues.size(); ++v) venue_index[plan.venues[v].id] = v;
            for (const auto& held : district.lectures) {
                const auto it = venue_index.find(held.venue_id);
                const auto day = parse_iso8601(held.date, zone);
                if (it == venue_index.end() || !day) continue;
                const auto days = std::chrono::floor<std::chrono::days>(*day - first->from).count();
                const int week = static_cast<int>(days >= 0 ? days / 7 : -((-days + 6) / 7));
                if (week >= static_cast<int>(weeks.size())) continue;  // after the plan: not its business
                if (week >= 0) {
                    auto& list = held_in[static_cast<std::size_t>(week)];
                    if (std::none_of(list.begin(), list.end(), [&](const Held& h) { return h.venue == it->second; }))
                        list.push_back({it->second, *day});
                    continue;
                }
                venue_last[it->second] = std::max(venue_last[it->second], week);
                if (const int hood = plan.venues[it->second].neighbourhood; hood >= 0)
                    hood_last[static_cast<std::size_t>(hood)] = std::max(hood_last[static_cast<std::size_t>(hood)], week);
            }
        }
    for (std::size_t w = 0; w < weeks.size(); ++w) {
        const auto window = parse_iso_week(weeks[w], zone);
        if (!window) throw BadInput("--weeks: '" + weeks[w] + "' is not an ISO week such as 2021-W25");
        const int week = static_cast<int>(w);
        struct Choice {
            std::size_t venue;
            VenueScore why;
            std::optional<Timestamp> held;  // the day it was given, for a lecture held
        };
        const auto hood_neglected = [&](std::size_t v) {
            const int hood = plan.venues[v].neighbourhood;
            return hood >= 0 && week - hood_last[static_cast<std::size_t>(hood)] > o.neglect_weeks;
        };
        std::vector<Choice> given;
        for (const Held& h : held_in[w]) given.push_back({h.venue, score_venue(district, plan.venues[h.venue], window->from, hood_neglected(h.venue), o), h.day});
        std::vector<Choice> candidates;
        for (std::size_t v = 0; v < plan.venues.size(); ++v) {
            if (week - venue_last[v] <= o.min_gap_weeks) continue;  // spoken there too recently
            if (std::any_of(given.begin(), given.end(), [&](const Choice& c) { return c.venue == v; })) continue;
            candidates.push_back({v, score_venue(district, plan.venues[v], window->from, hood_neglected(v), o), std::nullopt});
        }
        std::stable_sort(candidates.begin(), candidates.end(), [&](const Choice& a, const Choice& b) {
            if (a.why.score != b.why.score) return a.why.score > b.why.score;
            return plan.venues[a.venue].id < plan.venues[b.venue].id;
        });
        candidates.resize(std::min(candidates.size(), slots > given.size() ? slots - given.size() : 0));
        candidates.insert(candidates.begin(), given.begin(), given.end());
        // Teams west to east, each team's talks side by side.
        std::stable_sort(candidates.begin(), candidates.end(), [&](const Choice& a, const Choice& b) {
            return plan.venues[a.venue].location.x < plan.venues[b.venue].location.x;
        });
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            PlannedLecture l;
            l.week = weeks[w];
            l.team = static_cast<int>(k / static_cast<std::size_t>(o.per_team_week)) + 1;
            const auto nth = static_cast<int>(k % static_cast<std::size_t>(o.per_team_week));
            l.day = window->from + (1 + 2 * nth) * kDay;  // Tuesday, Thursday, Saturday ...
            if (candidates[k].held) l.day = *candidates[k].held;
            l.held = candidates[k].held.has_value();
            l.venue = candidates[k].venue;
            l.why = candidates[k].why;
            venue_last[l.venue] = week;
            if (const int hood = plan.venues[l.venue].neighbourhood; hood >= 0) hood_last[static_cast<std::size_t>(hood)] = week;
            plan.lectures.push_back(std::move(l));
        }
    }
    std::stable_sort(plan.lectures.begin(), plan.lectures.end(), [](const PlannedLecture& a, const PlannedLecture& b) {
        if (a.week != b.week) return a.week < b.week;
        if (a.team != b.team) return a.team < b.team;
        return a.day < b.day;
    });
    return plan;
}

std::vector<std::string> week_range(const std::string& text, const std::string& zone) {
    const auto dots = text.find("..");
    const std::string first = text.substr(0, dots), last = dots == std::string::npos ? first : text.substr(dots + 2);
    const auto a = parse_iso_week(first, zone), b = parse_iso_week(last, zone);
    if (!a || !b) throw BadInput("--weeks '" + text + "' is not an ISO week or a range such as 2021-W25..2021-W30");
    if (b->from < a->from) throw BadInput("--weeks '" + text + "': the last week comes before the first");
    std::vector<std::string> out;
    for (TimeWindow w = *a; w.from <= b->from; w = shifted(w, TimeStep::week, 1, zone)) {
        out.push_back(window_label(w, TimeStep::week, zone));
        if (out.size() > 104) throw BadInput("--weeks '" + text + "': at most two years of weeks");
    }
    return out;
}

}  // namespace geo
