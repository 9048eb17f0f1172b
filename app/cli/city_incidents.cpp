#include "app/cli/city_incidents.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "app/cli/bench_incidents.h"
#include "geo/model/enums.h"

namespace cli {
namespace {

constexpr double kDistrictSide_m = 6000;
constexpr int kColumns = 5;
constexpr double kOriginX_m = 485000, kOriginY_m = 3180000;  // south-west corner of the city
constexpr int kHotSpots = 8;
constexpr double kHotSpotShare = 0.75;
// 2024-01-01 00:00 in Shanghai (UTC+8), and the leap year's length.
const geo::Timestamp kYearStart = geo::Timestamp{std::chrono::sys_days{std::chrono::year{2023} / 12 / 31}} + std::chrono::hours{16};
constexpr std::int64_t kYearSeconds = 366LL * 86400;
// Relative frequency by local hour: reports cluster in the waking day.
constexpr std::array<double, 24> kHourWeight = {1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4.5, 4.5,
                                                4, 4, 4.5, 4.5, 4, 4, 4, 4.5, 4.5, 4, 3, 2};

struct HotSpot {
    geo::XY centre;
    double sigma_m;
    double weight;
};

// The station's hot spots, from its own stream (the same for every incident of it).
std::array<HotSpot, kHotSpots> hot_spots(std::uint64_t seed, int station) {
    SplitMix64 rng{seed * 1000003 + static_cast<std::uint64_t>(station)};
    const geo::Envelope area = city_station_area(station);
    std::array<HotSpot, kHotSpots> out{};
    for (auto& h : out) {
        h.centre = {area.min_x + (0.1 + 0.8 * rng.uniform()) * kDistrictSide_m, area.min_y + (0.1 + 0.8 * rng.uniform()) * kDistrictSide_m};
        h.sigma_m = 120 + 480 * rng.uniform();
        h.weight = 0.2 + rng.uniform() * rng.uniform() * 3;
    }
    return out;
}

double normal(SplitMix64& rng) {  // Box-Muller
    const double u = 1.0 - rng.uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * rng.uniform());
}

template <class E> E pick(SplitMix64& rng) {
    const auto& names = geo::EnumNames<E>::names;
    return static_cast<E>(rng.next() % names.size());
}

}  // namespace

std::string city_station_id(int station) { return fmt::format("S{:02d}", station + 1); }

geo::Envelope city_station_area(int station) {
    const double x = kOriginX_m + (station % kColumns) * kDistrictSide_m;
    const double y = kOriginY_m + (station / kColumns) * kDistrictSide_m;
    return {x, y, x + kDistrictSide_m, y + kDistrictSide_m};
}

CityIncident city_incident(std::uint64_t seed, std::uint64_t index) {
    CityIncident c;
    c.station = static_cast<int>(index % kCityStations);
    SplitMix64 rng{seed ^ (index * 0xD1B54A32D192ED03ull)};
    rng.next();
    const geo::Envelope area = city_station_area(c.station);
    geo::XY p;
    if (rng.uniform() < kHotSpotShare) {
        static thread_local std::uint64_t cached_seed = ~0ull;
        static thread_local std::array<std::array<HotSpot, kHotSpots>, kCityStations> spots;
        if (cached_seed != seed) {
            for (int s = 0; s < kCityStations; ++s) spots[s] = hot_spots(seed, s);
            cached_seed = seed;
        }
        const auto& mine = spots[c.station];
        double total = 0;
        for (const auto& h : mine) total += h.weight;
        double r = rng.uniform() * total;
        const HotSpot* h = &mine.back();
        for (const auto& candidate : mine)
            if ((r -= candidate.weight) < 0) {
                h = &candidate;
                break;
            }
        p = {h->centre.x + normal(rng) * h->sigma_m, h->centre.y + normal(rng) * h->sigma_m};
        p.x = std::clamp(p.x, area.min_x, area.max_x);
        p.y = std::clamp(p.y, area.min_y, area.max_y);
    } else {
        p = {area.min_x + rng.uniform() * kDistrictSide_m, area.min_y + rng.uniform() * kDistrictSide_m};
    }
    // Whole metres to the centimetre: what a geocoder gives, and exact in any store.
    p = {std::round(p.x * 100) / 100, std::round(p.y * 100) / 100};

    const auto day = static_cast<std::int64_t>(rng.next() % 366);
    double hours_total = 0;
    for (const double w : kHourWeight) hours_total += w;
    double r = rng.uniform() * hours_total;
    int hour = 23;
    for (int h = 0; h < 24; ++h)
        if ((r -= kHourWeight[h]) < 0) {
            hour = h;
            break;
        }
    const auto second = static_cast<std::int64_t>(rng.next() % 3600);
    c.incident.time = kYearStart + std::chrono::seconds{std::min(kYearSeconds - 1, day * 86400 + hour * 3600 + second)};

    c.incident.id = fmt::format("C{:08d}", index + 1);
    c.incident.location = p;
    c.incident.fraud_type = pick<geo::FraudType>(rng);
    c.incident.victim_age_band = pick<geo::AgeBand>(rng);
    c.incident.outcome = pick<geo::Outcome>(rng);
    c.incident.source = pick<geo::IncidentSource>(rng);
    c.incident.loss_yuan = std::min(5e6, std::round(std::exp(7 + 2 * normal(rng))));  // median ~1,100 yuan, a long tail
    c.incident.recovered_yuan = c.incident.outcome == geo::Outcome::recovered ? std::round(c.incident.loss_yuan / 2) : 0;
    return c;
}

geo::Row city_incident_row(const CityIncident& c) {
    const geo::Incident& i = c.incident;
    auto name = [](auto e) { return std::string(geo::EnumNames<decltype(e)>::names[static_cast<std::size_t>(e)]); };
    geo::Row row;
    row.geometry = i.location;
    row.values = {{"id", i.id},
                  {"time", i.time},
                  {"fraud_type", name(i.fraud_type)},
                  {"loss_yuan", i.loss_yuan},
                  {"victim_age_band", name(i.victim_age_band)},
                  {"outcome", name(i.outcome)},
                  {"recovered_yuan", i.recovered_yuan},
                  {"source", name(i.source)},
                  {"station_id", city_station_id(c.station)}};
    return row;
}

}  // namespace cli
