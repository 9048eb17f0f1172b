#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <string>

#include "data/generator/local_time.h"
#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

using geo::AgeBand;
using geo::FraudType;
using geo::IncidentSource;
using geo::Outcome;

// Fraud reports per local month of 2021. The station report gives the anti-fraud lecture
// team's effect: "江南辖区5月诈骗警情环比下降了6.5%，6月环比下降了37.9%":
// May 243 vs April 260 is -6.54% -> -6.5; June 151 vs May 243 is -37.86% -> -37.9.
// February dips for the Spring Festival; the second half keeps falling slowly.
constexpr std::array<int, 12> kReportsPerMonth = {236, 198, 251, 260, 243, 151,
                                                  142, 135, 128, 124, 118, 112};
constexpr double month_on_month_permille(int before, int after) {
    return 1000.0 * (after - before) / before;  // tenths of a percent
}
static_assert(month_on_month_permille(kReportsPerMonth[3], kReportsPerMonth[4]) >= -65.5 &&
              month_on_month_permille(kReportsPerMonth[3], kReportsPerMonth[4]) < -64.5);
static_assert(month_on_month_permille(kReportsPerMonth[4], kReportsPerMonth[5]) >= -379.5 &&
              month_on_month_permille(kReportsPerMonth[4], kReportsPerMonth[5]) < -378.5);

// Relative weight of each local hour of the day: calls and transfers happen in waking hours,
// with the morning and afternoon peaks of bank counters.
constexpr std::array<double, 24> kHourWeight = {1.0, 0.5, 0.3, 0.3, 0.3, 0.5, 1.0, 2.0,
                                                4.0, 6.0, 7.0, 7.0, 5.0, 5.0, 6.0, 7.0,
                                                7.0, 6.0, 5.0, 6.0, 6.0, 5.0, 3.0, 2.0};

// Fraud type by victim age band, columns in FraudType order (investment, health_product,
// online_shopping, order_brushing, impersonation_police, loan, romance, other). The report's
// lecturers "与老年人讲解投资保健，与年轻人讲解网购刷单": the elderly lose to investment and
// health-product scams, the young to online shopping and order brushing.
constexpr std::array<std::array<double, 8>, 5> kTypeByAge = {{
    {0.03, 0.00, 0.38, 0.32, 0.05, 0.10, 0.05, 0.07},  // under_25
    {0.08, 0.00, 0.30, 0.30, 0.05, 0.12, 0.10, 0.05},  // 25_44
    {0.22, 0.12, 0.14, 0.10, 0.14, 0.10, 0.10, 0.08},  // 45_59
    {0.38, 0.34, 0.05, 0.02, 0.10, 0.02, 0.03, 0.06},  // 60_plus
    {0.15, 0.10, 0.20, 0.20, 0.10, 0.10, 0.05, 0.10},  // unknown
}};

// Median sum asked for, in yuan, by fraud type (same column order); spread log-normally.
constexpr std::array<double, 8> kMedianAskedYuan = {30000, 6000,  1500,  8000,
                                                    50000, 5000,  40000, 3000};
constexpr double kAskedSigma = 1.0;  // one sigma: x2.7 either way
constexpr double kMinAskedYuan = 200;
constexpr double kMaxAskedYuan = 900000;

// Outcome by source, columns lost, dissuaded, payment_stopped, recovered. Early warnings
// (bank and property manager) reach the victim before the money goes: mostly dissuaded or
// the payment stopped. Self-reports come after the loss.
constexpr std::array<std::array<double, 4>, 4> kOutcomeBySource = {{
    {0.62, 0.08, 0.12, 0.18},  // report
    {0.08, 0.45, 0.43, 0.04},  // bank_warning
    {0.08, 0.62, 0.26, 0.04},  // property_warning
    {0.22, 0.55, 0.15, 0.08},  // patrol
}};

// Repeat victimisation: the same building again 7-42 days later; near-repeat: a building
// within 250 m within 14 days (Farrell & Pease, "Once bitten, twice bitten", 1993; Townsley,
// Homel & Chaseling 2003 for near repeats).
constexpr double kRepeatShare = 0.09;
constexpr double kNearRepeatShare = 0.14;
constexpr auto kRepeatEarliest = std::chrono::days{42};
constexpr auto kRepeatLatest = std::chrono::days{7};
constexpr auto kNearRepeatEarliest = std::chrono::days{14};
constexpr auto kNearRepeatLatest = std::chrono::hours{6};
constexpr double kNearRepeatRadius_m = 250;
constexpr double kScatter_m = 6;  // a report's point lands beside the victim's building

constexpr int kHotspots = 5;  // neighbourhoods a fraud ring's call lists favour
constexpr double kHotspotFactor = 2.5;
// The per-household rate spreads log-normally between buildings (leaked phone lists,
// neighbours who talk each other into a scheme), capped so that no block of a hundred
// households collects dozens of cases.
constexpr double kRiskSigma = 1.5;
constexpr double kMaxRate = 3.0;
constexpr double kNoAppFactor = 1.3;
constexpr double kElderlyAloneHouseholds = 4;  // one household, called like four

template <std::size_t N>
std::vector<double> weights(const std::array<double, N>& row) {
    return {row.begin(), row.end()};
}

// Early warnings started with the lecture team and the one-officer-per-neighbourhood
// mechanism in April 2021: their share grows from May.
IncidentSource draw_source(Rng& rng, unsigned month) {
    const double warning = month <= 4 ? 0.18 : month == 5 ? 0.30 : 0.42;
    const double patrol = month <= 4 ? 0.06 : month == 5 ? 0.10 : 0.14;
    const double r = rng.uniform();
    if (r < warning * 0.6) return IncidentSource::bank_warning;
    if (r < warning) return IncidentSource::property_warning;
    if (r < warning + patrol) return IncidentSource::patrol;
    return IncidentSource::report;
}

AgeBand draw_age(Rng& rng, const geo::Neighbourhood& hood, const geo::Building& building) {
    if (building.flags.elderly_alone && rng.chance(0.6)) return AgeBand::age_60_plus;
    std::array<double, 5> p = {0.14, 0.38, 0.21, 0.22, 0.05};
    const auto kind = hood.extras.find("kind");
    if (kind != hood.extras.end() && std::get<std::string>(kind->second) == "village") {
        p[0] -= 0.03, p[1] -= 0.05, p[3] += 0.08;
    }
    // Migrant workers are young: transients shift victims from 60+ to 25-44.
    const double transient_share = static_cast<double>(hood.transients) /
                                   static_cast<double>(hood.residents + hood.transients);
    p[1] += 0.25 * (transient_share - 0.33);
    p[3] -= 0.25 * (transient_share - 0.33);
    for (double& x : p) x = std::max(x, 0.01);
    return static_cast<AgeBand>(rng.weighted(weights(p)));
}

FraudType draw_type(Rng& rng, AgeBand age) {
    return static_cast<FraudType>(rng.weighted(weights(kTypeByAge[static_cast<int>(age)])));
}

// Sum asked, outcome, loss and recovery. Dissuaded and stopped payments lose nothing
// (loss_yuan 0); extras["asked_yuan"] keeps the sum asked for every incident, so that the
// losses prevented can be totalled.
void draw_money(Rng& rng, geo::Incident& incident) {
    const double asked = std::clamp(
        rng.lognormal(kMedianAskedYuan[static_cast<int>(incident.fraud_type)], kAskedSigma),
        kMinAskedYuan, kMaxAskedYuan);
    const double asked_yuan = std::round(asked / 10) * 10;
    incident.outcome = static_cast<Outcome>(
        rng.weighted(weights(kOutcomeBySource[static_cast<int>(incident.source)])));
    incident.extras["asked_yuan"] = asked_yuan;
    if (incident.outcome == Outcome::lost || incident.outcome == Outcome::recovered)
        incident.loss_yuan = asked_yuan;
    if (incident.outcome == Outcome::recovered)
        incident.recovered_yuan = std::round(asked_yuan * rng.uniform(0.1, 0.9));
}

std::vector<geo::Timestamp> draw_times(Rng& rng) {
    const std::vector<double> hour_weight(kHourWeight.begin(), kHourWeight.end());
    std::vector<geo::Timestamp> times;
    for (unsigned m = 1; m <= 12; ++m) {
        const std::chrono::year_month month{std::chrono::year{2021}, std::chrono::month{m}};
        const auto days = static_cast<unsigned>(
            std::chrono::year_month_day_last{month / std::chrono::last}.day());
        for (int k = 0; k < kReportsPerMonth[m - 1]; ++k) {
            const std::chrono::day day{1 + static_cast<unsigned>(rng.index(days))};
            const auto hour = static_cast<long>(rng.weighted(hour_weight));
            const std::chrono::seconds time_of_day{hour * 3600 +
                                                   static_cast<long>(rng.index(3600))};
            times.push_back(from_shanghai(month / day, time_of_day));
        }
    }
    std::sort(times.begin(), times.end());
    return times;
}

// Indices [first, last) of the times before `upto` that fall in [t - earliest, t - latest].
std::pair<std::size_t, std::size_t> window(const std::vector<geo::Timestamp>& times,
                                           std::size_t upto, geo::Timestamp t,
                                           geo::Timestamp::duration earliest,
                                           geo::Timestamp::duration latest) {
    const auto end = times.begin() + static_cast<long>(upto);
    const auto first = std::lower_bound(times.begin(), end, t - earliest);
    const auto last = std::upper_bound(times.begin(), end, t - latest);
    if (last <= first) return {0, 0};
    return {static_cast<std::size_t>(first - times.begin()),
            static_cast<std::size_t>(last - times.begin())};
}

// Each building's share of the risk: its households times a per-household rate (hotspot
// neighbourhood, transients, a spread between buildings, fewer apps), plus the household of
// an elderly person living alone, who is called far more often than average.
std::vector<double> building_risk(Rng& rng, const std::vector<geo::Neighbourhood>& neighbourhoods,
                                  const std::vector<geo::Building>& buildings,
                                  const std::vector<std::size_t>& hood_of) {
    std::vector<double> hood_factor(neighbourhoods.size(), 1.0);
    for (std::size_t h : rng.sample(neighbourhoods.size(), kHotspots))
        hood_factor[h] = kHotspotFactor;
    std::vector<double> risk(buildings.size());
    for (std::size_t b = 0; b < buildings.size(); ++b) {
        const auto& building = buildings[b];
        const auto& hood = neighbourhoods[hood_of[b]];
        const double transient_factor =
            1.0 + 0.5 * static_cast<double>(hood.transients) / static_cast<double>(hood.residents);
        const double rate = std::min(hood_factor[hood_of[b]] * transient_factor *
                                         rng.lognormal(1.0, kRiskSigma) *
                                         (building.flags.no_app ? kNoAppFactor : 1.0),
                                     kMaxRate);
        risk[b] = rate * static_cast<double>(building.households) +
                  (building.flags.elderly_alone ? kElderlyAloneHouseholds * hood_factor[hood_of[b]]
                                                : 0.0);
    }
    return risk;
}

// Whose building the i-th report comes from: a fresh draw by risk, or linked to an earlier
// report as a repeat (same building) or a near repeat (another building close by).
struct Victim {
    static constexpr std::size_t kNoParent = static_cast<std::size_t>(-1);
    std::size_t building;
    std::size_t parent = kNoParent;  // index of the earlier report it follows
    bool same_building = false;
};

Victim choose_victim(Rng& rng, std::size_t i, const std::vector<geo::Timestamp>& times,
                     const std::vector<std::size_t>& earlier_buildings,
                     const std::vector<geo::Building>& buildings,
                     const std::vector<double>& risk) {
    Victim victim{rng.weighted(risk)};
    const double r = rng.uniform();
    if (r < kRepeatShare) {
        const auto [first, last] = window(times, i, times[i], kRepeatEarliest, kRepeatLatest);
        if (first == last) return victim;
        victim.parent = first + rng.index(last - first);
        victim.building = earlier_buildings[victim.parent];
        victim.same_building = true;
    } else if (r < kRepeatShare + kNearRepeatShare) {
        const auto [first, last] =
            window(times, i, times[i], kNearRepeatEarliest, kNearRepeatLatest);
        if (first == last) return victim;
        const std::size_t parent = first + rng.index(last - first);
        const std::size_t parent_building = earlier_buildings[parent];
        const geo::XY& at = buildings[parent_building].location;
        std::vector<double> near(buildings.size(), 0.0);
        double total = 0;
        for (std::size_t k = 0; k < buildings.size(); ++k) {
            const geo::XY& p = buildings[k].location;
            if (k != parent_building && std::hypot(p.x - at.x, p.y - at.y) <= kNearRepeatRadius_m)
                total += near[k] = risk[k];
        }
        if (total == 0) return victim;
        victim.parent = parent;
        victim.building = rng.weighted(near);
    }
    return victim;
}

}  // namespace

std::vector<geo::Incident> make_incidents(const std::vector<geo::Neighbourhood>& neighbourhoods,
                                          const std::vector<geo::Building>& buildings,
                                          std::uint64_t seed) {
    Rng rng(seed, "incidents");
    std::map<std::string, std::size_t> hood_index;
    for (std::size_t h = 0; h < neighbourhoods.size(); ++h) hood_index[neighbourhoods[h].id] = h;
    std::vector<std::size_t> hood_of;
    for (const auto& building : buildings)
        hood_of.push_back(hood_index.at(building.neighbourhood_id));
    const auto risk = building_risk(rng, neighbourhoods, buildings, hood_of);
    const auto times = draw_times(rng);

    std::vector<geo::Incident> out;
    std::vector<std::size_t> victim_building;
    for (std::size_t i = 0; i < times.size(); ++i) {
        geo::Incident incident;
        incident.id = numbered_id("I", static_cast<long>(i) + 1, 5);
        incident.time = times[i];
        const auto local_day = std::chrono::year_month_day{
            std::chrono::floor<std::chrono::days>(times[i] + kShanghaiUtcOffset)};

        const Victim victim = choose_victim(rng, i, times, victim_building, buildings, risk);
        bool age_set = false, type_set = false;
        if (victim.parent != Victim::kNoParent) {
            const geo::Incident& parent = out[victim.parent];
            if (victim.same_building) {
                // Usually the same person again, often with a follow-up of the first scam
                // (a fake "recovery service" after an investment loss).
                incident.extras["repeat_of"] = parent.id;
                if ((age_set = rng.chance(0.8))) incident.victim_age_band = parent.victim_age_band;
                if ((type_set = rng.chance(0.5))) incident.fraud_type = parent.fraud_type;
            } else {
                // The same ring working through the neighbours' numbers.
                incident.extras["near_repeat_of"] = parent.id;
                if ((type_set = rng.chance(0.4))) incident.fraud_type = parent.fraud_type;
            }
        }

        const geo::Building& building = buildings[victim.building];
        const geo::Neighbourhood& hood = neighbourhoods[hood_of[victim.building]];
        if (!age_set) incident.victim_age_band = draw_age(rng, hood, building);
        if (!type_set) incident.fraud_type = draw_type(rng, incident.victim_age_band);
        incident.source = draw_source(rng, static_cast<unsigned>(local_day.month()));
        draw_money(rng, incident);
        incident.location = {building.location.x + rng.uniform(-kScatter_m, kScatter_m),
                             building.location.y + rng.uniform(-kScatter_m, kScatter_m)};
        incident.extras["building_id"] = building.id;
        incident.extras["neighbourhood_id"] = hood.id;
        out.push_back(std::move(incident));
        victim_building.push_back(victim.building);
    }
    return out;
}

}  // namespace sample::detail
