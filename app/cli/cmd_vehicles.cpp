// patrolmap vehicles WS [--since DATE] [--morning 07:00-08:30] [--afternoon 15:30-17:30]
//     [--near-school 1000] [--min-days 3] [--min-seats 6] [--out flagged.csv] [--all]
// School transport checks (校车安全, issue 17): the vehicles flagged by geo::profile_vehicles,
// ranked, each with its reasons and its worst and latest over-capacity sightings; the CSV (for
// the traffic police: it carries plates, and is written for the owner alone) holds the flagged
// vehicles, or every vehicle with --all.
#include <cmath>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/evaluate/selection_args.h"
#include "geo/io/workspace_store.h"
#include "geo/transport/vehicle_profile.h"
#include "geo/util/csv_writer.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, out, since, morning = "07:00-08:30", afternoon = "15:30-17:30";
    geo::VehicleProfileOptions options;
    bool all = false;
};

const char* use_words(geo::VehicleUse use) {
    switch (use) {
        case geo::VehicleUse::non_commercial: return "non-commercial";
        case geo::VehicleUse::commercial: return "commercial";
        case geo::VehicleUse::school_bus: return "school bus";
    }
    return "";
}

std::string percent(double rate) { return fmt::format("{:.0f}%", 100 * rate); }

// "21 aboard (250% over) 2021-06-07 07:24 at S88 天网监控点27"
std::string sighting_line(const geo::District& d, const geo::VehicleProfile& p, std::uint32_t k) {
    const geo::Sighting& s = d.sightings[k];
    std::string camera = s.camera_id;
    for (const auto& site : d.sites)
        if (site.id == s.camera_id && !site.name.empty()) camera += " " + site.name;
    return fmt::format("{} aboard ({} over) {} at {}", *s.occupants, percent(*geo::sighting_over_rate(d, p, k)),
                       geo::format_local(s.time, d.metadata.timezone, "%Y-%m-%d %H:%M"), camera);
}

std::string reason_words(const geo::VehicleProfile& p, const geo::VehicleProfileOptions& o) {
    std::string out;
    for (const geo::ProfileReason r : p.reasons) {
        if (!out.empty()) out += "; ";
        switch (r) {
            case geo::ProfileReason::over_capacity:
                out += fmt::format("over capacity on {} of {} sightings counted", p.over_capacity.size(), p.counted);
                break;
            case geo::ProfileReason::school_runs:
                out += fmt::format("near schools at school-run times on {} school days ({} sightings within {} m of a school)",
                                   p.school_days, p.near_school_sightings, thousands(std::llround(o.near_school_m)));
                break;
            case geo::ProfileReason::non_commercial: out += "registered non-commercial"; break;
            case geo::ProfileReason::unlicensed: out += "no licence to carry pupils"; break;
        }
    }
    return out;
}

std::string reason_codes(const geo::VehicleProfile& p) {
    std::string out;
    for (const geo::ProfileReason r : p.reasons) out += (out.empty() ? "" : ";") + std::string(geo::name_of(r));
    return out;
}

void write_csv(const std::string& path, const geo::District& d, const geo::VehicleProfiling& profiling, const Args& a) {
    geo::CsvWriter csv(path);
    csv.row({"rank", "flagged", "vehicle_id", "plate", "owner", "use", "school_transport_licence", "seats", "sightings",
             "school_run_sightings", "near_school_sightings", "school_days", "counted", "over_capacity_sightings", "most_aboard",
             "most_aboard_over_pct", "most_aboard_time", "most_aboard_camera", "last_over_aboard", "last_over_pct",
             "last_over_time", "last_over_camera", "reasons", "why"});
    const auto local = [&](geo::Timestamp t) { return geo::format_local(t, d.metadata.timezone, "%Y-%m-%dT%H:%M:%S"); };
    std::size_t rank = 0;
    for (const auto& p : profiling.vehicles) {
        ++rank;
        if (!p.flagged && !a.all) continue;
        const geo::Vehicle& v = d.vehicles[p.vehicle];
        std::vector<std::string> most(4), last(4);
        auto fill = [&](std::vector<std::string>& cells, std::uint32_t k) {
            const geo::Sighting& s = d.sightings[k];
            cells = {std::to_string(*s.occupants), fmt::format("{:.1f}", 100 * *geo::sighting_over_rate(d, p, k)), local(s.time), s.camera_id};
        };
        if (p.most_aboard) fill(most, *p.most_aboard);
        if (!p.over_capacity.empty()) fill(last, p.over_capacity.back());
        std::vector<std::string> row = {std::to_string(rank), p.flagged ? "1" : "0", v.id, v.plate, v.owner, std::string(geo::name_of(v.use)),
                                        v.school_transport_licence ? "1" : "0", std::to_string(v.seats), std::to_string(p.sightings),
                                        std::to_string(p.school_run_sightings), std::to_string(p.near_school_sightings),
                                        std::to_string(p.school_days), std::to_string(p.counted), std::to_string(p.over_capacity.size())};
        row.insert(row.end(), most.begin(), most.end());
        row.insert(row.end(), last.begin(), last.end());
        row.push_back(reason_codes(p));
        row.push_back(reason_words(p, a.options));
        csv.row(row);
    }
    csv.commit();
}

// Refused before anything is read, so a typo costs nothing and nothing is written.
void check_out(const std::string& out) {
    if (out.empty()) return;
    const std::filesystem::path path(out);
    if (path.extension() != ".csv") throw geo::BadInput("--out " + out + ": name it .csv");
    if (!std::filesystem::is_directory(std::filesystem::absolute(path).parent_path()))
        throw geo::BadInput("--out " + out + ": folder " + std::filesystem::absolute(path).parent_path().string() + " does not exist");
}

int run(Args a) {
    check_out(a.out);
    const geo::District d = geo::read_district(a.workspace);
    if (d.vehicles.empty())
        throw geo::BadInput(a.workspace + ": no vehicles to profile (import a register with --layer vehicles)");
    a.options.windows.morning = geo::parse_clock_window(a.morning, "--morning");
    a.options.windows.afternoon = geo::parse_clock_window(a.afternoon, "--afternoon");
    if (!a.since.empty()) a.options.since = geo::parse_time_flag(a.since, d.metadata.timezone, "--since");
    const geo::VehicleProfiling profiling = geo::profile_vehicles(d, a.options);

    std::size_t cameras = 0;
    for (const auto& site : d.sites) cameras += site.kind == geo::SiteKind::camera ? 1 : 0;
    std::cout << fmt::format("{} vehicles, {} sightings{} at {} cameras; {} of the {} cameras stand within {} m of a school\n",
                             thousands(static_cast<std::int64_t>(d.vehicles.size())), thousands(static_cast<std::int64_t>(profiling.sightings)),
                             a.since.empty() ? "" : " since " + a.since, profiling.cameras.size(), profiling.cameras_near_schools, cameras,
                             thousands(std::llround(a.options.near_school_m)));
    std::cout << fmt::format("  school runs {} and {} on school days (Monday to Friday), local time\n",
                             geo::format_clock_window(a.options.windows.morning), geo::format_clock_window(a.options.windows.afternoon));
    if (profiling.unregistered_sightings > 0)
        std::cout << fmt::format("  {} sightings of {} plates not in the register (not profiled)\n",
                                 thousands(static_cast<std::int64_t>(profiling.unregistered_sightings)), profiling.unregistered_plates);
    std::cout << fmt::format("flagged {} of {}\n", profiling.flagged(), d.vehicles.size());
    std::size_t rank = 0;
    for (const auto& p : profiling.vehicles) {
        ++rank;
        if (!p.flagged) continue;
        const geo::Vehicle& v = d.vehicles[p.vehicle];
        std::cout << fmt::format("{:>3}. {} ({}{}): {} seats, {}, {}\n", rank, v.plate, v.id, v.owner.empty() ? "" : ", " + v.owner,
                                 v.seats, use_words(v.use), v.school_transport_licence ? "licensed to carry pupils" : "no school-transport licence");
        std::cout << "     " << reason_words(p, a.options) << '\n';
        if (!p.over_capacity.empty()) {
            std::cout << "     most aboard: " << sighting_line(d, p, *p.most_aboard) << '\n';
            if (p.over_capacity.back() != *p.most_aboard)
                std::cout << "     last over:   " << sighting_line(d, p, p.over_capacity.back()) << '\n';
        }
    }
    if (!a.out.empty()) {
        write_csv(a.out, d, profiling, a);
        const std::size_t rows = a.all ? d.vehicles.size() : profiling.flagged();
        note() << "wrote " << a.out << " (" << rows << (rows == 1 ? " vehicle" : " vehicles") << "; it holds plates: keep it inside)\n";
    }
    return 0;
}

}  // namespace

void add_vehicles_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("vehicles", "School transport checks: vehicles on the school run over capacity, "
                                               "non-commercial or unlicensed, ranked with the reasons");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--since", a->since, "Only sightings at or after this date (ISO 8601)");
    cmd->add_option("--morning", a->morning, "Morning school run, local time")->capture_default_str();
    cmd->add_option("--afternoon", a->afternoon, "Afternoon school run, local time")->capture_default_str();
    cmd->add_option("--near-school", a->options.near_school_m, "A camera within this many metres of a school watches its school run")
        ->capture_default_str();
    cmd->add_option("--min-days", a->options.min_school_days, "School days seen near schools at school-run times to count as repeated")
        ->capture_default_str();
    cmd->add_option("--min-seats", a->options.min_seats, "Rated seats from which the school-run pattern is looked for (over capacity flags any)")
        ->capture_default_str();
    cmd->add_option("--out", a->out, "CSV of the flagged vehicles with their reasons (it holds plates)");
    cmd->add_flag("--all", a->all, "The CSV lists every vehicle of the register, flagged or not");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
