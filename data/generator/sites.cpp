#include <array>
#include <cmath>
#include <utility>

#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

// Frontage spots of a cell, in its unit square: between the building slots (0.15..0.85) and
// the boundary streets, and off the alleys (u or v = 0.5). Sites in one cell take them in turn.
constexpr std::array<std::pair<double, double>, 8> kFrontage = {{
    {0.30, 0.93}, {0.70, 0.93}, {0.93, 0.30}, {0.93, 0.70},
    {0.30, 0.07}, {0.70, 0.07}, {0.07, 0.30}, {0.07, 0.70}}};

// Yongkang numbers are 0579 + 8 digits; the sample's all start 87 like the city's exchange.
std::string landline(Rng& rng) { return numbered_id("0579-87", rng.integer(100000, 999999), 6); }

class SiteList {
public:
    explicit SiteList(const Layout& layout) : layout_(layout), spots_used_(layout.cells.size()) {}

    geo::Site& add(geo::SiteKind kind, std::string name, std::string phone, std::size_t cell) {
        const auto [u, v] = kFrontage[spots_used_[cell]++ % kFrontage.size()];
        geo::Site site;
        site.id = numbered_id("S", static_cast<long>(sites_.size()) + 1, 2);
        site.kind = kind;
        site.name = std::move(name);
        site.phone = std::move(phone);
        site.location = layout_.cells[cell].at(u, v);
        site.extras["neighbourhood_id"] = numbered_id("N", static_cast<long>(cell) + 1, 2);
        sites_.push_back(std::move(site));
        return sites_.back();
    }
    std::vector<geo::Site> take() { return std::move(sites_); }

private:
    const Layout& layout_;
    std::vector<std::size_t> spots_used_;
    std::vector<geo::Site> sites_;
};

std::vector<std::size_t> cells_where(const Layout& layout, bool village, int max_column) {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < layout.cells.size(); ++c)
        if (layout.cells[c].village == village && layout.cells[c].column <= max_column)
            out.push_back(c);
    return out;
}

// k distinct cells from the list, in the list's order.
std::vector<std::size_t> pick(Rng& rng, const std::vector<std::size_t>& cells, std::size_t k) {
    std::vector<std::size_t> out;
    for (std::size_t i : rng.sample(cells.size(), k)) out.push_back(cells[i]);
    return out;
}

}  // namespace

std::vector<geo::Site> make_sites(const Layout& layout, std::uint64_t seed) {
    Rng rng(seed, "sites");
    SiteList list(layout);
    const auto estates = cells_where(layout, false, kColumns);
    const auto villages = cells_where(layout, true, kColumns);

    // The station sits in the estate nearest the district centre, facing its north street.
    std::size_t station_cell = estates.front();
    double best_m = INFINITY;
    for (std::size_t c : estates) {
        const geo::XY p = layout.cells[c].at(0.5, 0.5);
        const double d = std::hypot(p.x - kCentre.x, p.y - kCentre.y);
        if (d < best_m) best_m = d, station_cell = c;
    }
    list.add(geo::SiteKind::police_station, std::string(kPoliceStationName), "0579-87111110",
             station_cell);

    const auto bank_cells = pick(rng, estates, kBankNames.size());
    for (std::size_t k = 0; k < kBankNames.size(); ++k)
        list.add(geo::SiteKind::bank, std::string(kBankNames[k]), landline(rng), bank_cells[k]);

    for (std::size_t c : estates)
        list.add(geo::SiteKind::property_office,
                 std::string(layout.cells[c].name.zh) + "物业服务中心", landline(rng), c);

    const auto school_cells = pick(rng, estates, kSchoolNames.size());
    for (std::size_t k = 0; k < kSchoolNames.size(); ++k)
        list.add(geo::SiteKind::school, std::string(kSchoolNames[k]), landline(rng),
                 school_cells[k]);

    // Workshops cluster in the western villages along the S217 (lattice column 1).
    std::vector<std::size_t> west_villages;
    for (int max_column = 1; west_villages.size() < kEnterpriseNames.size(); ++max_column)
        west_villages = cells_where(layout, true, max_column);
    const auto firm_cells = pick(rng, west_villages, kEnterpriseNames.size());
    for (std::size_t k = 0; k < kEnterpriseNames.size(); ++k) {
        geo::Site& firm = list.add(geo::SiteKind::enterprise, std::string(kEnterpriseNames[k]),
                                   landline(rng), firm_cells[k]);
        firm.extras["workers"] = std::int64_t{rng.integer(150, 1200)};
    }

    for (std::size_t c : villages)
        list.add(geo::SiteKind::village_committee,
                 std::string(layout.cells[c].name.zh) + "村民委员会", landline(rng), c);

    const auto centre_cells = pick(rng, estates, kCommunityCentreNames.size());
    for (std::size_t k = 0; k < kCommunityCentreNames.size(); ++k)
        list.add(geo::SiteKind::community_centre, std::string(kCommunityCentreNames[k]),
                 landline(rng), centre_cells[k]);
    return list.take();
}

}  // namespace sample::detail
