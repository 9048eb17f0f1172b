#include <algorithm>
#include <cmath>
#include <numeric>

#include "data/generator/apportion.h"
#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

// Station report (2021): 常住人口6.5万人, 流动人口3.4万人, 金钟罩反诈平台推广率为92%.
constexpr std::int64_t kResidents = 65'000;
constexpr std::int64_t kTransients = 34'000;
constexpr double kMeanAdoption = 0.92;
constexpr double kMinAdoption = 0.80;
constexpr double kMaxAdoption = 0.99;
// Zhejiang's 2020 census average household size is about 2.6 persons.
constexpr double kPersonsPerHousehold = 2.6;
// Migrant workers rent within a bike ride of the workshop: their pull fades over ~1 km.
constexpr double kFirmPullDecay_m = 900;

// Shifts every share by the same amount, clamped to the band, until the plain mean is the
// target; then rounds to 0.1 percentage point (the mean moves by at most 0.0005).
void calibrate_adoption(std::vector<double>& shares) {
    for (int pass = 0; pass < 50; ++pass) {
        const double mean =
            std::accumulate(shares.begin(), shares.end(), 0.0) / static_cast<double>(shares.size());
        for (double& s : shares)
            s = std::clamp(s + kMeanAdoption - mean, kMinAdoption, kMaxAdoption);
    }
    for (double& s : shares) s = std::round(s * 1000) / 1000;
}

}  // namespace

std::vector<geo::Neighbourhood> make_neighbourhoods(const Layout& layout,
                                                    const std::vector<geo::Site>& sites,
                                                    std::uint64_t seed) {
    Rng rng(seed, "population");
    const std::size_t n = layout.cells.size();
    std::vector<double> resident_weight(n), transient_weight(n);
    for (std::size_t c = 0; c < n; ++c) {
        const Cell& cell = layout.cells[c];
        const geo::XY centre = cell.at(0.5, 0.5);
        // Estates are denser (six- to eighteen-storey blocks) than the villages.
        resident_weight[c] = (cell.village ? 1.0 : 1.7) * rng.lognormal(1.0, 0.25);
        double pull = 0.15;
        for (const auto& site : sites) {
            if (site.kind != geo::SiteKind::enterprise) continue;
            const auto workers = std::get<std::int64_t>(site.extras.at("workers"));
            const double d = std::hypot(site.location.x - centre.x, site.location.y - centre.y);
            pull += static_cast<double>(workers) / 1000.0 * std::exp(-d / kFirmPullDecay_m);
        }
        // Village rooms are where the rentals are; estates house few migrant workers.
        transient_weight[c] = (cell.village ? 1.0 : 0.35) * pull * rng.lognormal(1.0, 0.2);
    }
    const auto residents = apportion(resident_weight, kResidents);
    const auto transients = apportion(transient_weight, kTransients);

    // Adoption is lower where people are older (villages) or move often (transients).
    std::vector<double> adoption(n);
    for (std::size_t c = 0; c < n; ++c) {
        const double transient_share = static_cast<double>(transients[c]) /
                                       static_cast<double>(residents[c] + transients[c]);
        adoption[c] = (layout.cells[c].village ? 0.905 : 0.935) - 0.06 * (transient_share - 0.3) +
                      rng.normal(0, 0.02);
    }
    calibrate_adoption(adoption);

    std::vector<geo::Neighbourhood> out;
    for (std::size_t c = 0; c < n; ++c) {
        const Cell& cell = layout.cells[c];
        geo::Neighbourhood hood;
        hood.id = numbered_id("N", static_cast<long>(c) + 1, 2);
        hood.name = std::string(cell.name.zh);
        hood.name_en = std::string(cell.name.en);
        hood.residents = residents[c];
        hood.transients = transients[c];
        hood.households = std::llround(static_cast<double>(residents[c]) / kPersonsPerHousehold);
        hood.officer_id = officer_id_for(cell);
        hood.app_adoption = adoption[c];
        hood.liaison = numbered_id("江南反诈联络群-", static_cast<long>(c) + 1, 2);
        const auto& [sw, se, ne, nw] = cell.corners;
        hood.area = {geo::Polygon{{sw, se, ne, nw, sw}, {}}};  // counter-clockwise, closed
        hood.extras["kind"] = std::string(cell.village ? "village" : "estate");
        out.push_back(std::move(hood));
    }
    return out;
}

}  // namespace sample::detail
