#include "geo/tracks/track_import.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "geo/crs/crs.h"
#include "geo/tracks/fix_reader.h"
#include "geo/tracks/motion_checks.h"
#include "geo/tracks/track_days.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

constexpr std::size_t kProblemsListed = 20;

// The problems found, each with its fix's place in the file, so they are listed in file order
// whichever check found them.
struct Problems {
    std::string file;
    std::vector<std::pair<std::size_t, Rejection>> found;

    void add(std::size_t place, const SourceFix& fix, std::string field, std::string reason) {
        found.push_back({place, Rejection{file, fix.feature, std::move(field), std::move(reason)}});
    }
    std::vector<Rejection> in_file_order() {
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<Rejection> out;
        for (auto& [place, problem] : found) out.push_back(std::move(problem));
        return out;
    }
};

// One officer's fixes from one source track, as they passed the checks on their own.
struct Run {
    std::string officer_id;
    std::vector<TimedFix> fixes;            // workspace CRS
    std::vector<const SourceFix*> sources;  // what each fix was in the file
    std::vector<std::size_t> places;        // each fix's place in the file
};

std::string officer_list(const District& district) {
    std::string out;
    for (const auto& o : district.officers) out += (out.empty() ? "" : ", ") + o.id;
    return out.empty() ? "the workspace has none" : out;
}

std::string local_time(Timestamp t, const std::string& zone) { return format_local(t, zone, "%Y-%m-%d %H:%M:%S"); }

// Each fix on its own: usable, where in the workspace, whose. Grouped by source track and
// officer, in the order of their first fix.
std::vector<Run> group_fixes(const FixFile& file, const TrackImportOptions& options, const District& district,
                             std::size_t total, Problems& problems) {
    std::set<std::string> officers;
    for (const auto& o : district.officers) officers.insert(o.id);
    const OGRSpatialReference workspace_srs = make_srs(district.metadata.crs, "workspace CRS");
    std::optional<OGRSpatialReference> forced_srs;
    if (!options.source_crs.empty()) forced_srs = make_srs(options.source_crs, "--src-crs");

    std::vector<Run> runs;
    std::map<std::pair<std::string, std::string>, std::size_t> run_of;  // (track key, officer) -> run
    std::size_t place = 0;
    for (const FixLayer& layer : file.layers) {
        const OGRSpatialReference source_srs = forced_srs ? *forced_srs : layer.srs ? *layer.srs : wgs84();
        const Transform to_workspace(source_srs, workspace_srs);
        // Projected metres read as lon/lat (a file without a CRS) would land anywhere, or nowhere.
        const bool lonlat = source_srs.IsGeographic();
        for (const SourceFix& fix : layer.fixes) {
            const std::size_t here = place++;
            if (options.progress && (here % 2000 == 0 || place == total)) options.progress(place, total);
            if (fix.problem) {
                problems.add(here, fix, fix.problem->field, fix.problem->reason);
                continue;
            }
            if (lonlat && (std::abs(fix.at->x) > 180 || std::abs(fix.at->y) > 90)) {
                problems.add(here, fix, "", fmt::format("({}, {}) is not a longitude and latitude (say the file's CRS "
                                                        "with --src-crs)", fix.at->x, fix.at->y));
                continue;
            }
            const auto at = to_workspace.apply(*fix.at);
            if (!at) {
                problems.add(here, fix, "", fmt::format("({}, {}) cannot be put in the workspace CRS {}", fix.at->x,
                                                        fix.at->y, district.metadata.crs));
                continue;
            }
            const std::string officer = fix.officer_id.empty() ? options.officer_id : fix.officer_id;
            if (!officer.empty() && !officers.count(officer)) {
                problems.add(here, fix, fix.officer_field,
                             "'" + officer + "' is not an officer of the workspace (" + officer_list(district) + ")");
                continue;
            }
            const auto [it, fresh] = run_of.emplace(std::pair{fix.track_key, officer}, runs.size());
            if (fresh) runs.push_back(Run{officer, {}, {}, {}});
            Run& run = runs[it->second];
            run.fixes.push_back({*at, *fix.time});
            run.sources.push_back(&fix);
            run.places.push_back(here);
        }
    }
    return runs;
}

// Along each run: times going backwards, jumps faster than the limit. The fixes that pass.
std::vector<FixRun> check_runs(const std::vector<Run>& runs, double max_speed_kmh, const std::string& zone,
                               Problems& problems) {
    std::vector<FixRun> out;
    for (const Run& run : runs) {
        std::vector<bool> refused(run.fixes.size(), false);
        for (const MotionProblem& p : check_motion(run.fixes, max_speed_kmh)) {
            refused[p.index] = true;
            const SourceFix& fix = *run.sources[p.index];
            const std::string& before = run.sources[p.previous]->feature;
            const Timestamp t = run.fixes[p.index].time, t0 = run.fixes[p.previous].time;
            if (p.kind == MotionProblem::Kind::backwards)
                problems.add(run.places[p.index], fix, fix.time_field,
                             fmt::format("{} is earlier than feature {}'s {}: times go backwards", local_time(t, zone),
                                         before, local_time(t0, zone)));
            else
                problems.add(run.places[p.index], fix, "",
                             fmt::format("is {:.2f} km from feature {} in {} s: {:.0f} km/h, faster than {:g} km/h",
                                         p.distance_m / 1000, before, (t - t0).count(), p.speed_kmh, max_speed_kmh));
        }
        FixRun kept{run.officer_id, {}};
        for (std::size_t i = 0; i < run.fixes.size(); ++i)
            if (!refused[i]) kept.points.push_back({run.fixes[i].at, run.fixes[i].time});
        out.push_back(std::move(kept));
    }
    return out;
}

std::string problems_message(const std::string& file, const std::vector<Rejection>& problems) {
    if (problems.size() == 1)
        return problems.front().sentence() + "; nothing was imported (--skip-invalid drops such points and writes a report)";
    std::string out = fmt::format("{}: {} points cannot be imported, so nothing was (--skip-invalid drops them and "
                                  "writes a report):", file, problems.size());
    for (std::size_t i = 0; i < std::min(problems.size(), kProblemsListed); ++i) out += "\n  " + problems[i].sentence();
    if (problems.size() > kProblemsListed) out += fmt::format("\n  (and {} more)", problems.size() - kProblemsListed);
    return out;
}

}  // namespace

TrackImport read_track_file(const TrackImportOptions& options, const District& district) {
    const std::string& zone = district.metadata.timezone;
    if (district.metadata.crs.empty())
        throw BadInput("the workspace has no CRS yet: create it with --crs or import its neighbourhoods first");
    if (!(options.max_speed_kmh > 0)) throw BadInput("--max-speed must be more than 0 km/h");
    const bool known_officer = std::any_of(district.officers.begin(), district.officers.end(),
                                           [&](const Officer& o) { return o.id == options.officer_id; });
    if (!options.officer_id.empty() && !known_officer)
        throw BadInput("--officer '" + options.officer_id + "' is not an officer of the workspace (" +
                       officer_list(district) + ")");
    if (!options.source_crs.empty()) make_srs(options.source_crs, "--src-crs");  // a typo before reading the file

    const FixFile file = read_fixes(options.path, zone);
    TrackImport result;
    result.notes = file.notes;
    for (const FixLayer& layer : file.layers) result.points_read += layer.fixes.size();
    if (result.points_read == 0) throw BadInput(file.label + ": has no track points");

    Problems problems{file.label, {}};
    const std::vector<Run> runs = group_fixes(file, options, district, result.points_read, problems);
    const std::vector<FixRun> kept = check_runs(runs, options.max_speed_kmh, zone, problems);
    result.dropped = problems.in_file_order();
    if (!result.dropped.empty() && !options.skip_invalid) throw BadInput(problems_message(file.label, result.dropped));

    const TrackNaming naming{file.label, std::filesystem::path(options.path).stem().string(), zone, options.mode};
    result.tracks = tracks_by_day(kept, naming, result.notes);
    return result;
}

}  // namespace geo
