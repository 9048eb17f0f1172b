// patrolmap info WS [--json]: what a workspace holds, as a table or one JSON object.
#include <cstdio>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/workspace_store.h"
#include "geo/summary/district_summary.h"

namespace cli {
namespace {

std::string month_label(const geo::MonthlyIncidents& m) {
    return fmt::format("{:04d}-{:02d}", m.year, m.month);
}

nlohmann::json to_json(const std::string& path, const geo::DistrictSummary& s) {
    nlohmann::json j;
    j["workspace"] = path;
    j["name"] = s.metadata.name;
    j["synthetic"] = s.metadata.synthetic;
    j["crs"] = s.metadata.crs;
    j["timezone"] = s.metadata.timezone;
    j["created"] = s.metadata.created;
    j["updated"] = s.metadata.updated;
    j["schema_version"] = s.metadata.schema_version;
    for (const auto& [name, count] : s.layer_counts) j["layers"][name] = count;
    if (!s.extent.empty())
        j["extent"] = {{"min_x", s.extent.min_x}, {"min_y", s.extent.min_y},
                       {"max_x", s.extent.max_x}, {"max_y", s.extent.max_y}};
    if (s.extent_lonlat)
        j["extent_lonlat"] = {{"west", s.extent_lonlat->min_x}, {"south", s.extent_lonlat->min_y},
                              {"east", s.extent_lonlat->max_x}, {"north", s.extent_lonlat->max_y}};
    j["totals"] = {{"residents", s.residents},   {"transients", s.transients},
                   {"households", s.households}, {"incidents", s.incidents},
                   {"loss_yuan", s.loss_yuan},   {"recovered_yuan", s.recovered_yuan}};
    j["totals"]["mean_app_adoption"] =
        s.mean_app_adoption ? nlohmann::json(*s.mean_app_adoption) : nlohmann::json(nullptr);
    j["incidents_by_outcome"] = s.incidents_by_outcome;
    j["incidents_by_type"] = s.incidents_by_type;
    j["incidents_by_month"] = nlohmann::json::array();
    for (const auto& m : s.months) {
        nlohmann::json row = {{"month", month_label(m)}, {"incidents", m.incidents},
                              {"loss_yuan", m.loss_yuan}};
        row["change_pct"] = m.change_pct ? nlohmann::json(*m.change_pct) : nlohmann::json(nullptr);
        j["incidents_by_month"].push_back(row);
    }
    return j;
}

void print_table(const std::string& path, const geo::DistrictSummary& s) {
    const auto& m = s.metadata;
    std::cout << "Workspace   " << path << '\n'
              << "Name        " << m.name << (m.synthetic ? "   [synthetic data]" : "") << '\n'
              << "CRS         " << (m.crs.empty() ? "(none yet: taken from the first import)" : m.crs)
              << "   time zone " << m.timezone << '\n';
    if (!s.extent.empty()) {
        std::cout << fmt::format("Extent      x {:.0f} .. {:.0f} m, y {:.0f} .. {:.0f} m ({:.1f} x {:.1f} km)\n",
                                 s.extent.min_x, s.extent.max_x, s.extent.min_y, s.extent.max_y,
                                 s.extent.width() / 1000, s.extent.height() / 1000);
        if (s.extent_lonlat)
            std::cout << fmt::format("            lon {:.4f} .. {:.4f}, lat {:.4f} .. {:.4f}\n",
                                     s.extent_lonlat->min_x, s.extent_lonlat->max_x,
                                     s.extent_lonlat->min_y, s.extent_lonlat->max_y);
    }
    std::cout << "Updated     " << m.updated << "   (created " << m.created << ", schema "
              << m.schema_version << ")\n\n";

    std::cout << "Layer            Features\n";
    for (const auto& [name, count] : s.layer_counts)
        std::cout << pad(name, 16) << pad(thousands(static_cast<std::int64_t>(count)), 9, true) << '\n';

    std::cout << "\nTotals\n"
              << "  residents      " << pad(thousands(s.residents), 10, true) << '\n'
              << "  transients     " << pad(thousands(s.transients), 10, true) << '\n'
              << "  households     " << pad(thousands(s.households), 10, true) << '\n'
              << "  incidents      " << pad(thousands(static_cast<std::int64_t>(s.incidents)), 10, true)
              << "   loss ¥" << thousands(static_cast<std::int64_t>(s.loss_yuan + 0.5))
              << ", recovered ¥" << thousands(static_cast<std::int64_t>(s.recovered_yuan + 0.5)) << '\n';
    if (s.mean_app_adoption)
        std::cout << fmt::format("  app adoption   {:>9.1f}%  (mean over neighbourhoods)\n",
                                 *s.mean_app_adoption * 100);
    if (!s.incidents_by_outcome.empty()) {
        std::cout << "  outcomes      ";
        for (const auto& [name, count] : s.incidents_by_outcome) std::cout << ' ' << name << ' ' << count;
        std::cout << '\n';
    }
    if (s.months.empty()) return;
    std::cout << "\nIncidents by month (" << m.timezone << ")\n"
              << "  Month       Cases   Change      Loss (¥)\n";
    for (const auto& month : s.months) {
        const std::string change = month.change_pct ? fmt::format("{:+.1f}%", *month.change_pct) : "";
        std::cout << "  " << month_label(month)
                  << pad(thousands(static_cast<std::int64_t>(month.incidents)), 10, true)
                  << pad(change, 9, true)
                  << pad(thousands(static_cast<std::int64_t>(month.loss_yuan + 0.5)), 14, true) << '\n';
    }
}

}  // namespace

void add_info_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("info", "Show a workspace's layers, CRS, extent, totals and incidents by month");
    auto path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    cmd->add_option("WS", *path, "Workspace (.gpkg)")->required();
    cmd->add_flag("--json", *json, "Print one JSON object instead of a table");
    cmd->callback([=, &action] {
        action = [=] {
            const geo::DistrictSummary s = geo::summarise(geo::read_district(*path));
            if (*json) std::cout << to_json(*path, s).dump(2) << '\n';
            else print_table(*path, s);
            return 0;
        };
    });
}

}  // namespace cli
