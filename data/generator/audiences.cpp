#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

// Residents' age structure (under 25, 25-44, 45-59, 60+): the estates younger, the villages
// older (Yongkang's villages keep their elders while the young move to the estates or away);
// where transients are many, 25-44 grows (migrant workers are young) at the elders' expense.
constexpr std::array<double, 4> kEstateShares = {0.25, 0.33, 0.24, 0.18};
constexpr std::array<double, 4> kVillageShares = {0.20, 0.26, 0.25, 0.29};
constexpr double kTypicalTransientShare = 0.33;

}  // namespace

void add_audiences(std::vector<geo::Neighbourhood>& neighbourhoods, std::vector<geo::Site>& sites, std::uint64_t seed) {
    Rng rng(seed, "audiences");
    std::map<std::string, const geo::Neighbourhood*> hood_by_id;
    for (auto& hood : neighbourhoods) {
        const bool village = std::get<std::string>(hood.extras.at("kind")) == "village";
        std::array<double, 4> p = village ? kVillageShares : kEstateShares;
        const double ts = static_cast<double>(hood.transients) / static_cast<double>(hood.residents + hood.transients) -
                          kTypicalTransientShare;
        p[1] += 0.1 * ts, p[2] -= 0.02 * ts, p[3] -= 0.08 * ts;
        double sum = 0;
        for (double& x : p) sum += (x = std::max(0.02, x + rng.normal(0, 0.01)));
        for (std::size_t k = 0; k < 4; ++k) hood.age_share[k] = std::round(p[k] / sum * 1000) / 1000;
        hood_by_id[hood.id] = &hood;
    }
    // Who a talk reaches at a venue: a school's pupils and staff, a firm's workers, a village
    // hall's meeting, a community centre's activity room.
    for (auto& site : sites) {
        switch (site.kind) {
            case geo::SiteKind::school: site.audience = rng.integer(600, 1500); break;
            case geo::SiteKind::enterprise: site.audience = std::get<std::int64_t>(site.extras.at("workers")); break;
            case geo::SiteKind::village_committee: {
                const auto hood = site.extras.find("neighbourhood_id");
                const geo::Neighbourhood* n = hood == site.extras.end() ? nullptr : hood_by_id[std::get<std::string>(hood->second)];
                site.audience = n ? std::clamp<std::int64_t>(n->residents / 10, 60, 250) : 100;
                break;
            }
            case geo::SiteKind::community_centre: site.audience = rng.integer(150, 400); break;
            default: break;
        }
    }
}

}  // namespace sample::detail
