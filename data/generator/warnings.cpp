#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "data/generator/local_time.h"
#include "data/generator/names.h"
#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

using geo::WarningChannel;
using geo::WarningOutcome;

// Early warnings per local month of 2021. The station report, written after June:
// "自今年以来，江南派出所经话务、信息拦截及上门劝阻等举措，成功劝阻5100余名群众被骗，挽回经济损失
// 120余万元" — since January, by calls, SMS interception and door visits, more than 5,100 people
// dissuaded and more than ¥1.2 million kept. January to June hold 5,334 warnings, of which about
// 96.5% end dissuaded (the channel mix below): 5,100-odd. The mechanism with banks and property
// managers grows from April; the second half keeps its pace.
constexpr std::array<int, 12> kWarningsPerMonth = {700, 620, 820, 980, 1050, 1164,
                                                   1100, 1080, 1050, 1020, 1000, 980};

// Channel shares, in WarningChannel order (bank, property, phone_call, sms_intercept,
// door_visit, app_alert, other): the anti-fraud centre's calls (话务) and SMS interception
// (信息拦截) carry most, door visits (上门劝阻) follow, banks and property managers raise few
// warnings but those are the ones with money already on its way.
constexpr std::array<double, 7> kChannelShare = {0.03, 0.02, 0.50, 0.30, 0.10, 0.05, 0.0};

// Outcome by channel, columns dissuaded, payment_stopped, lost, unknown.
constexpr std::array<std::array<double, 4>, 7> kOutcomeByChannel = {{
    {0.55, 0.40, 0.05, 0.00},   // bank: the teller holds the transfer, the officer comes
    {0.70, 0.22, 0.08, 0.00},   // property manager
    {0.985, 0.0, 0.005, 0.01},  // phone_call
    {0.99, 0.0, 0.002, 0.008},  // sms_intercept
    {0.98, 0.0, 0.01, 0.01},    // door_visit
    {0.95, 0.0, 0.02, 0.03},    // app_alert
    {0.90, 0.0, 0.05, 0.05},    // other
}};

// The sum kept when a known transfer was stopped or talked out of: log-normal around ¥3,000
// (the mean is e^(σ²/2) ≈ 1.65 times the median). About 280 such warnings in the first half
// make the report's ¥1.2 million. Calls and SMS warn before any sum is named: no amount.
constexpr double kMedianProtectedYuan = 3000;
constexpr double kProtectedSigma = 1.0;
constexpr double kMaxProtectedYuan = 500000;
constexpr double kDoorVisitWithTransfer = 0.10;  // a door visit that caught a transfer pending

// Local hour weights: the centre calls and the banks' counters work by day.
constexpr std::array<double, 24> kHourWeight = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5,
                                                4.0, 6.0, 7.0, 7.0, 4.0, 5.0, 6.0, 7.0,
                                                7.0, 6.0, 4.0, 4.0, 4.0, 3.0, 1.0, 0.5};

constexpr double kScatter_m = 6;

template <std::size_t N> std::vector<double> weights(const std::array<double, N>& row) {
    return {row.begin(), row.end()};
}

const geo::Site* nearest_site(const std::vector<geo::Site>& sites, geo::SiteKind kind, geo::XY at) {
    const geo::Site* best = nullptr;
    double best_m = std::numeric_limits<double>::infinity();
    for (const auto& s : sites) {
        if (s.kind != kind) continue;
        const double d = std::hypot(s.location.x - at.x, s.location.y - at.y);
        if (d < best_m) best_m = d, best = &s;
    }
    return best;
}

std::vector<geo::Timestamp> draw_times(Rng& rng) {
    const auto hour_weight = weights(kHourWeight);
    std::vector<geo::Timestamp> times;
    for (unsigned m = 1; m <= 12; ++m) {
        const std::chrono::year_month month{std::chrono::year{2021}, std::chrono::month{m}};
        const auto days = static_cast<unsigned>(std::chrono::year_month_day_last{month / std::chrono::last}.day());
        for (int k = 0; k < kWarningsPerMonth[m - 1]; ++k) {
            const std::chrono::day day{1 + static_cast<unsigned>(rng.index(days))};
            const auto hour = static_cast<long>(rng.weighted(hour_weight));
            const std::chrono::seconds time_of_day{hour * 3600 + static_cast<long>(rng.index(3600))};
            times.push_back(from_shanghai(month / day, time_of_day));
        }
    }
    std::sort(times.begin(), times.end());
    return times;
}

}  // namespace

std::vector<geo::Warning> make_warnings(const std::vector<geo::Neighbourhood>& neighbourhoods,
                                        const std::vector<geo::Building>& buildings,
                                        const std::vector<geo::Site>& sites, std::uint64_t seed) {
    Rng rng(seed, "warnings");
    std::map<std::string, const geo::Neighbourhood*> hood_by_id;
    for (const auto& hood : neighbourhoods) hood_by_id[hood.id] = &hood;
    // Who is warned: a household, so buildings weigh by households; an elderly person living
    // alone is on the fraudsters' lists (and so the centre's) like four households.
    std::vector<double> building_weight;
    for (const auto& b : buildings)
        building_weight.push_back(static_cast<double>(b.households) + (b.flags.elderly_alone ? 4.0 : 0.0));
    const auto channel_weight = weights(kChannelShare);

    std::vector<geo::Warning> out;
    const auto times = draw_times(rng);
    for (std::size_t i = 0; i < times.size(); ++i) {
        geo::Warning w;
        w.id = numbered_id("W", static_cast<long>(i) + 1, 5);
        w.time = times[i];
        w.channel = static_cast<WarningChannel>(rng.weighted(channel_weight));
        w.outcome = static_cast<WarningOutcome>(rng.weighted(weights(kOutcomeByChannel[static_cast<std::size_t>(w.channel)])));
        const geo::Building& home = buildings[rng.weighted(building_weight)];
        const geo::Neighbourhood& hood = *hood_by_id.at(home.neighbourhood_id);
        w.neighbourhood_id = hood.id;
        w.officer_id = hood.officer_id;
        const geo::XY at{home.location.x + rng.uniform(-kScatter_m, kScatter_m),
                         home.location.y + rng.uniform(-kScatter_m, kScatter_m)};
        bool transfer_known = false;
        switch (w.channel) {
            case WarningChannel::bank:
            case WarningChannel::property: {
                const auto kind = w.channel == WarningChannel::bank ? geo::SiteKind::bank : geo::SiteKind::property_office;
                if (const geo::Site* site = nearest_site(sites, kind, home.location)) {
                    w.site_id = site->id;
                    w.location = site->location;  // the counter or the office where it was caught
                } else {
                    w.location = at;
                }
                transfer_known = true;
                break;
            }
            case WarningChannel::sms_intercept:
                // Intercepted by number: the household is known from the registration, not a
                // place, and no officer goes unless the person answers the follow-up call.
                w.officer_id.clear();
                break;
            case WarningChannel::door_visit:
                w.location = at;
                transfer_known = rng.chance(kDoorVisitWithTransfer);
                break;
            default: w.location = at; break;
        }
        if (transfer_known && w.outcome != WarningOutcome::lost && w.outcome != WarningOutcome::unknown) {
            const double yuan = std::min(rng.lognormal(kMedianProtectedYuan, kProtectedSigma), kMaxProtectedYuan);
            w.amount_protected_yuan = std::round(yuan / 10) * 10;
        }
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace sample::detail
