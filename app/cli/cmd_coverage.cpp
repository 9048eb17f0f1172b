// patrolmap coverage WS [--distance M] --out DIR: which buildings a poster and a police contact
// card reach (geo/coverage/), per neighbourhood shares and per 1,000 people, and the worklist of
// uncovered buildings ranked by risk: worklist.csv, buildings.geojson, neighbourhoods.csv.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/coverage/building_coverage.h"
#include "geo/coverage/neighbourhood_coverage.h"
#include "geo/coverage/worklist.h"
#include "geo/hotspots/geojson_output.h"
#include "geo/io/workspace_store.h"
#include "geo/util/csv_writer.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, out;
    double distance_m = 0;
    geo::RiskWeights risk;
};

std::string optional_figure(const std::optional<double>& v, int decimals) {
    return v ? fmt::format("{:.{}f}", *v, decimals) : std::string();
}

// A building given as a point is drawn as a 4 m square around it.
geo::MultiPolygon shape_of(const geo::Building& b) {
    if (!b.footprint.empty()) return b.footprint;
    const geo::XY p = b.location;
    return {geo::Polygon{{{p.x - 2, p.y - 2}, {p.x + 2, p.y - 2}, {p.x + 2, p.y + 2}, {p.x - 2, p.y + 2}, {p.x - 2, p.y - 2}}, {}}};
}

int run(const Args& a) {
    const std::filesystem::path dir = a.out;
    if (!std::filesystem::is_directory(dir)) {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) throw geo::BadInput("--out " + a.out + ": cannot create the folder (" + ec.message() + ")");
    }
    const geo::District d = geo::read_district(a.workspace);
    const geo::CoverageOptions options{a.distance_m, std::nullopt};
    const auto buildings = geo::building_coverage(d, options);
    const auto areas = geo::neighbourhood_coverage(d, buildings, options);
    const auto worklist = geo::coverage_worklist(d, buildings, a.risk);

    std::vector<std::size_t> rank(d.buildings.size(), 0);
    for (std::size_t k = 0; k < worklist.size(); ++k) rank[worklist[k].building] = k + 1;
    {
        geo::CsvWriter file(dir / "worklist.csv");
        file.row({"rank", "building_id", "neighbourhood_id", "address", "households", "missing", "risk", "recent_incidents",
                  "elderly_alone", "no_app", "transient_share"});
        for (std::size_t k = 0; k < worklist.size(); ++k) {
            const auto& e = worklist[k];
            const geo::Building& b = d.buildings[e.building];
            const char* missing = e.missing_poster && e.missing_contact_card ? "poster+contact_card"
                                  : e.missing_poster                         ? "poster"
                                                                             : "contact_card";
            file.row({std::to_string(k + 1), b.id, b.neighbourhood_id, b.address, std::to_string(b.households), missing,
                      fmt::format("{:.4f}", e.risk), fmt::format("{:.4f}", e.recent_incidents),
                      b.flags.elderly_alone ? "1" : "0", b.flags.no_app ? "1" : "0", fmt::format("{:.4f}", e.transient_share)});
        }
        file.commit();
    }
    {
        geo::CsvWriter file(dir / "neighbourhoods.csv");
        file.row({"neighbourhood_id", "name", "buildings", "with_poster", "with_contact_card", "covered", "covered_share",
                  "posters", "contact_cards", "people", "posters_per_1000", "contact_cards_per_1000"});
        for (std::size_t n = 0; n < areas.size(); ++n) {
            const auto& c = areas[n];
            file.row({d.neighbourhoods[n].id, d.neighbourhoods[n].name, std::to_string(c.buildings), std::to_string(c.with_poster),
                      std::to_string(c.with_contact_card), std::to_string(c.covered), optional_figure(c.covered_share, 4),
                      std::to_string(c.posters), std::to_string(c.contact_cards), std::to_string(c.people),
                      optional_figure(c.posters_per_1000, 3), optional_figure(c.contact_cards_per_1000, 3)});
        }
        file.commit();
    }
    std::vector<geo::OutputFeature> features;
    for (std::size_t b = 0; b < d.buildings.size(); ++b) {
        const auto& c = buildings[b];
        geo::PropertyList p = {{"id", d.buildings[b].id},
                               {"neighbourhood_id", d.buildings[b].neighbourhood_id},
                               {"posters", static_cast<std::int64_t>(c.posters)},
                               {"contact_cards", static_cast<std::int64_t>(c.contact_cards)},
                               {"covered", static_cast<std::int64_t>(c.covered() ? 1 : 0)},
                               {"worklist_rank", rank[b] > 0 ? geo::FieldValue{static_cast<std::int64_t>(rank[b])} : geo::FieldValue{}}};
        features.push_back({shape_of(d.buildings[b]), std::move(p)});
    }
    geo::write_geojson_wgs84(dir / "buildings.geojson", d.metadata.crs, "building_coverage", features);

    std::size_t covered = 0, with_poster = 0, with_card = 0;
    for (const auto& c : buildings) {
        covered += c.covered() ? 1 : 0;
        with_poster += c.has_poster() ? 1 : 0;
        with_card += c.has_contact_card() ? 1 : 0;
    }
    const auto n = static_cast<double>(std::max<std::size_t>(1, buildings.size()));
    std::cout << fmt::format("{} buildings: {} with a poster ({:.1f}%), {} with a contact card ({:.1f}%), {} with both ({:.1f}%)"
                             " within {} m\n",
                             thousands(static_cast<std::int64_t>(buildings.size())), with_poster, 100 * with_poster / n,
                             with_card, 100 * with_card / n, covered, 100 * covered / n, a.distance_m);
    std::cout << fmt::format("worklist: {} buildings to cover, highest risk first\n", worklist.size());
    for (std::size_t k = 0; k < std::min<std::size_t>(5, worklist.size()); ++k) {
        const auto& e = worklist[k];
        std::cout << fmt::format("  {:>3}  {:<10} risk {:.2f} (recent cases {:.2f}{}{})\n", k + 1, d.buildings[e.building].id,
                                 e.risk, e.recent_incidents, d.buildings[e.building].flags.elderly_alone ? ", elderly alone" : "",
                                 d.buildings[e.building].flags.no_app ? ", no app" : "");
    }
    note() << "wrote " << (dir / "worklist.csv").string() << ", buildings.geojson, neighbourhoods.csv\n";
    return 0;
}

}  // namespace

void add_coverage_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("coverage", "Poster and contact-card coverage of buildings, and the worklist of uncovered ones");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--distance", a->distance_m, "A poster within this many metres of a building reaches it")->capture_default_str();
    cmd->add_option("--risk-radius", a->risk.radius_m, "Metres around a building within which cases count")->capture_default_str();
    cmd->add_option("--risk-half-life", a->risk.half_life_days, "Half-life in days of a case's weight; 0 = no decay")->capture_default_str();
    cmd->add_option("--out", a->out, "Folder for worklist.csv, buildings.geojson, neighbourhoods.csv")->required();
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
