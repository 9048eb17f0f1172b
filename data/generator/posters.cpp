#include <chrono>
#include <cmath>
#include <numbers>

#include "data/generator/local_time.h"
#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

using namespace std::chrono;

// Coverage of a building (shares sum to 1): the lecture team handed out 2万余份 leaflets and
// put up posters and 警民联系牌 contact cards, but never everywhere.
constexpr double kNeither = 0.10;
constexpr double kPosterOnly = 0.12;
constexpr double kCardOnly = 0.08;  // the rest get both

constexpr double kWallOffset_m = 1;  // hung on the wall, just outside the footprint

// A banner (横幅) goes up at the scene of a serious case a day or two later, for about a month.
constexpr double kBannerMinLossYuan = 50'000;
constexpr double kBannerShare = 0.2;
constexpr double kBannerSpacing_m = 150;  // no second banner beside one still hanging
constexpr int kBannerDays = 30;

// A local date between `first` and `last`, at a working hour (09:00-16:59).
geo::Timestamp working_time_between(Rng& rng, sys_days first, sys_days last) {
    const auto span = static_cast<std::size_t>((last - first).count()) + 1;
    const sys_days day = first + days{static_cast<long>(rng.index(span))};
    return from_shanghai(year_month_day{day}, seconds{9 * 3600 + rng.integer(0, 8 * 3600 - 1)});
}

geo::Timestamp poster_installed(Rng& rng) {
    // A few from the 2020 autumn campaign, most after the lecture team formed in April 2021.
    if (rng.chance(0.15))
        return working_time_between(rng, sys_days{2020y / 9 / 1}, sys_days{2020y / 12 / 31});
    return working_time_between(rng, sys_days{2021y / 4 / 10}, sys_days{2021y / 12 / 20});
}

geo::Timestamp card_installed(Rng& rng) {
    // Contact cards came with the one-officer-per-neighbourhood mechanism in 2021.
    return working_time_between(rng, sys_days{2021y / 3 / 1}, sys_days{2021y / 10 / 31});
}

}  // namespace

std::vector<geo::Poster> make_posters(const std::vector<geo::Building>& buildings,
                                      const std::vector<geo::Incident>& incidents,
                                      std::uint64_t seed) {
    Rng rng(seed, "posters");
    std::vector<geo::Poster> out;
    auto add = [&](geo::PosterKind kind, const std::string& building_id, geo::XY location,
                   geo::Timestamp installed) -> geo::Poster& {
        geo::Poster poster;
        poster.id = numbered_id("PO", static_cast<long>(out.size()) + 1, 5);
        poster.kind = kind;
        poster.building_id = building_id;
        poster.location = location;
        poster.installed = installed;
        out.push_back(std::move(poster));
        return out.back();
    };

    for (const auto& building : buildings) {
        const geo::Envelope e = geo::envelope_of(building.footprint);
        // r in [0, 1) falls in: neither | card only | poster only | both.
        const double r = rng.uniform();
        const bool card_only = r >= kNeither && r < kNeither + kCardOnly;
        const bool poster_only =
            r >= kNeither + kCardOnly && r < kNeither + kCardOnly + kPosterOnly;
        const bool both = r >= kNeither + kCardOnly + kPosterOnly;
        const bool poster = poster_only || both;
        const bool card = card_only || both;
        if (poster)  // beside the entrance on the south wall
            add(geo::PosterKind::poster, building.id,
                {(e.min_x + e.max_x) / 2, e.min_y - kWallOffset_m}, poster_installed(rng));
        if (card)  // on the east wall
            add(geo::PosterKind::contact_card, building.id,
                {e.max_x + kWallOffset_m, (e.min_y + e.max_y) / 2}, card_installed(rng));
    }

    std::vector<geo::Poster> hung;  // banners so far (copies: `out` reallocates as it grows)
    for (const auto& incident : incidents) {
        const bool lost = incident.outcome == geo::Outcome::lost ||
                          incident.outcome == geo::Outcome::recovered;
        const auto local_day = floor<days>(incident.time + kShanghaiUtcOffset);
        if (!lost || incident.loss_yuan < kBannerMinLossYuan ||
            year_month_day{local_day}.month() < April || !rng.chance(kBannerShare))
            continue;
        const double angle = rng.uniform(0, 2 * std::numbers::pi);
        const double distance_m = rng.uniform(10, 25);
        const geo::XY at{incident.location.x + distance_m * std::cos(angle),
                         incident.location.y + distance_m * std::sin(angle)};
        const sys_days day = local_day + days{rng.integer(1, 2)};
        const geo::Timestamp installed =
            from_shanghai(year_month_day{day}, seconds{9 * 3600 + rng.integer(0, 2 * 3600 - 1)});
        bool crowded = false;
        for (const auto& other : hung)
            crowded |= *other.removed > installed &&
                       std::hypot(other.location.x - at.x, other.location.y - at.y) <
                           kBannerSpacing_m;
        if (crowded) continue;
        const auto& building_id = std::get<std::string>(incident.extras.at("building_id"));
        geo::Poster& banner = add(geo::PosterKind::banner, building_id, at, installed);
        banner.removed = installed + days{kBannerDays + rng.integer(-2, 2)};
        banner.extras["incident_id"] = incident.id;
        hung.push_back(banner);
    }
    return out;
}

}  // namespace sample::detail
