// patrolmap change WS [--step week|month] [--by-neighbourhood] [--json]: counts and losses per
// ISO week or calendar month with the change against the one before, for the district and
// each neighbourhood.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/change/change.h"
#include "geo/evaluate/selection_args.h"
#include "geo/io/workspace_store.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

nlohmann::json optional_number(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json to_json(const geo::ChangeSeries& s) {
    nlohmann::json periods = nlohmann::json::array();
    for (const auto& p : s.periods)
        periods.push_back({{"period", p.label},
                           {"from", geo::format_iso8601_utc(p.window.from)},
                           {"to", geo::format_iso8601_utc(p.window.to)},
                           {"incidents", p.incidents},
                           {"loss_yuan", p.loss_yuan},
                           {"incidents_change_pct", optional_number(p.incidents_change_pct)},
                           {"loss_change_pct", optional_number(p.loss_change_pct)}});
    return periods;
}

std::string pct(const std::optional<double>& v) { return v ? fmt::format("{:+.1f}%", *v) : ""; }
std::string yuan(double v) { return thousands(static_cast<std::int64_t>(v + 0.5)); }

void print_series(const geo::ChangeSeries& s, const char* period_heading) {
    std::cout << "  " << pad(period_heading, 10) << "   Cases   Change       Loss (¥)   Change\n";
    for (const auto& p : s.periods)
        std::cout << "  " << pad(p.label, 10) << pad(thousands(static_cast<std::int64_t>(p.incidents)), 8, true)
                  << pad(pct(p.incidents_change_pct), 9, true) << pad(yuan(p.loss_yuan), 15, true)
                  << pad(pct(p.loss_change_pct), 9, true) << '\n';
}

// Per neighbourhood, the latest window against the one before: what the weekly review reads.
void print_latest(const geo::ChangeReport& r) {
    if (r.district.periods.empty()) return;
    const std::size_t last = r.district.periods.size() - 1;
    std::cout << "\nBy neighbourhood, " << r.district.periods[last].label
              << (last > 0 ? " against " + r.district.periods[last - 1].label : std::string()) << '\n'
              << "  Neighbourhood             Cases  Before   Change       Loss (¥)   Change\n";
    std::vector<geo::ChangeSeries> rows = r.neighbourhoods;
    if (r.outside) rows.push_back(*r.outside), rows.back().name = "(outside every neighbourhood)";
    for (const auto& s : rows) {
        const auto& p = s.periods[last];
        const std::size_t before = last > 0 ? s.periods[last - 1].incidents : 0;
        std::cout << "  " << pad(s.name.empty() ? s.id : s.name, 24)
                  << pad(thousands(static_cast<std::int64_t>(p.incidents)), 7, true)
                  << pad(thousands(static_cast<std::int64_t>(before)), 8, true) << pad(pct(p.incidents_change_pct), 9, true)
                  << pad(yuan(p.loss_yuan), 15, true) << pad(pct(p.loss_change_pct), 9, true) << '\n';
    }
}

}  // namespace

void add_change_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand(
        "change", "Week-on-week or month-on-month cases and losses for the district and each neighbourhood");
    struct Args {
        std::string workspace, step = "month";
        bool by_neighbourhood = false, json = false;
        geo::SelectionArgs selection;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--step", a->step, "week (ISO weeks) or month (calendar months), in the workspace time zone")
        ->capture_default_str();
    cmd->add_flag("--by-neighbourhood", a->by_neighbourhood, "Also each neighbourhood (the table shows the latest period)");
    cmd->add_flag("--json", a->json, "Print one JSON object with every period instead of a table");
    cmd->add_option("--from", a->selection.from, "Cases from this date or time (ISO 8601, workspace time zone)");
    cmd->add_option("--to", a->selection.to, "Cases up to this date (the whole day) or before this time");
    cmd->add_option("--type", a->selection.types, "Only these fraud types (repeatable)");
    cmd->add_option("--where", a->selection.where, "Only cases whose (extra) field has this value: FIELD=VALUE (repeatable)");
    cmd->callback([=, &action] {
        action = [=] {
            geo::TimeStep step;
            if (a->step == "week") step = geo::TimeStep::week;
            else if (a->step == "month") step = geo::TimeStep::month;
            else throw geo::BadInput("--step '" + a->step + "' is not week or month");
            const geo::District d = geo::read_district(a->workspace);
            const geo::Selection selection = geo::parse_selection(a->selection, d.metadata.timezone);
            // --where narrows the district to its matching incidents; the filter does the rest.
            geo::District kept = d;
            if (!selection.where.empty()) {
                kept.incidents.clear();
                for (std::uint32_t i : geo::select_incidents(d, selection)) kept.incidents.push_back(d.incidents[i]);
            }
            std::vector<std::int32_t> assigned;
            if (a->by_neighbourhood) assigned = geo::neighbourhood_of_incidents(kept);
            const geo::ChangeReport r =
                geo::period_changes(kept, selection.filter, step, a->by_neighbourhood ? &assigned : nullptr);
            if (a->json) {
                nlohmann::json j = {{"workspace", a->workspace}, {"step", a->step}, {"timezone", d.metadata.timezone},
                                    {"district", to_json(r.district)}};
                if (a->by_neighbourhood) {
                    j["neighbourhoods"] = nlohmann::json::array();
                    for (const auto& s : r.neighbourhoods)
                        j["neighbourhoods"].push_back({{"id", s.id}, {"name", s.name}, {"periods", to_json(s)}});
                    j["outside"] = r.outside ? to_json(*r.outside) : nlohmann::json(nullptr);
                }
                std::cout << j.dump(2) << '\n';
                return 0;
            }
            std::cout << "District, by " << (step == geo::TimeStep::week ? "ISO week" : "month") << " ("
                      << d.metadata.timezone << ")\n";
            print_series(r.district, step == geo::TimeStep::week ? "Week" : "Month");
            if (a->by_neighbourhood) print_latest(r);
            return 0;
        };
    });
}

}  // namespace cli
