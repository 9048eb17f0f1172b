// patrolmap bench-review [WS] [--points N] [--size-km KM] [--week W] [--keep DIR]
//
// Times the weekly review on a big workspace; never run by ctest (benchmarks print numbers,
// tests assert behaviour). The benchmark is
//
//   build/bin/patrolmap bench-review data/jiangnan.gpkg
//
// 1. The workspace: WS with its incidents replaced by the heatmap benchmark's points
//    (bench_incidents.h: 1,000,000 copies of its incidents over a 20 km square, times, types
//    and outcomes kept), written as a GeoPackage (the time to write it is printed, not counted).
// 2. The review as `patrolmap review --week W --out review.pdf` runs it: read the workspace,
//    build_weekly_review (every figure, the actions and the map), write the PDF: each part timed.
// 3. The reference, in the same process: a plain SQLite count of the incidents in every window
//    the review counts (the 26 weeks of the series, the headline's six periods)
//    through GDAL's GeoPackage driver, one `SELECT COUNT(*) ... WHERE time >= ? AND time < ?`
//    each (no index: the workspace has none on time). The counts must equal the review's.
//    Prints both times and their ratio.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <vector>

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include "app/cli/bench_incidents.h"
#include "app/cli/commands.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/report/review_pdf.h"
#include "geo/review/weekly_review.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

struct Args {
    std::string workspace = "data/jiangnan.gpkg";
    std::size_t points = 1'000'000;
    double size_km = 20;
    std::string week = "2021-W24";
    std::string keep;
};

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// As the GeoPackage stores a date-time, so that text comparison is time order.
std::string stored(geo::Timestamp t) { return geo::format_local(t, "UTC", "%Y-%m-%dT%H:%M:%S.000Z"); }

std::int64_t sqlite_count(GDALDataset& ds, const geo::TimeWindow& w) {
    const std::string sql = "SELECT COUNT(*) FROM incidents WHERE time >= '" + stored(w.from) + "' AND time < '" + stored(w.to) + "'";
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) throw geo::IoError("SQLite count failed: " + geo::last_gdal_error());
    std::int64_t n = -1;
    if (OGRFeature* f = result->GetNextFeature()) {
        n = f->GetFieldAsInteger64(0);
        OGRFeature::DestroyFeature(f);
    }
    ds.ReleaseResultSet(result);
    return n;
}

int run(const Args& a) {
    if (a.points == 0 || !(a.size_km > 0)) throw geo::BadInput("--points and --size-km must be positive");
    const std::filesystem::path dir = a.keep.empty() ? std::filesystem::temp_directory_path() / ("patrolmap-bench-review-" + std::to_string(::getpid()))
                                                     : std::filesystem::path(a.keep);
    std::filesystem::create_directories(dir);
    struct Cleanup {
        std::filesystem::path dir;
        bool keep;
        ~Cleanup() {
            std::error_code ec;
            if (!keep) std::filesystem::remove_all(dir, ec);
        }
    } cleanup{dir, !a.keep.empty()};

    geo::District big = geo::read_district(a.workspace);
    geo::Envelope base;
    for (const auto& n : big.neighbourhoods) base.expand(geo::envelope_of(n.area));
    for (const auto& i : big.incidents) base.expand(i.location);
    const geo::Envelope square{base.min_x, base.min_y, base.min_x + a.size_km * 1000, base.min_y + a.size_km * 1000};
    big.incidents = replicated_incidents(big, a.points, square, a.workspace);
    const auto ws = dir / "big.gpkg";
    auto t = Clock::now();
    std::filesystem::remove(ws);
    geo::write_district(ws, big);
    std::cout << fmt::format("workspace: {} incidents ({} of {} replicated over {:g} x {:g} km), written in {:.1f} s (not counted)\n",
                             big.incidents.size(), geo::read_district(a.workspace).incidents.size(), a.workspace, a.size_km, a.size_km,
                             seconds_since(t));
    big = {};

    // The review, as the command runs it.
    const auto start = Clock::now();
    t = start;
    const geo::District d = geo::read_district(ws);
    const double read_s = seconds_since(t);
    const auto week = geo::parse_iso_week(a.week, d.metadata.timezone);
    if (!week) throw geo::BadInput("--week '" + a.week + "' is not an ISO week such as 2021-W24");
    t = Clock::now();
    const geo::WeeklyReview review = geo::build_weekly_review(d, geo::IncidentFilter{}, a.week, *week);
    const double build_s = seconds_since(t);
    t = Clock::now();
    geo::write_review_pdf({d.metadata.name, a.week, review}, d, geo::ReportLanguage::zh, dir / "review.pdf");
    const double pdf_s = seconds_since(t);
    const double review_s = seconds_since(start);
    std::cout << fmt::format("review {}: {:.2f} s = read {:.2f} s + figures, actions and map {:.2f} s + PDF {:.2f} s "
                             "({} cases this week, Knox on the latest {} of the year's {})\n",
                             a.week, review_s, read_s, build_s, pdf_s, review.headline[0].now.cases, review.knox.cases,
                             review.knox_year_cases);

    // The reference: plain SQLite counts of the same windows.
    std::vector<geo::TimeWindow> windows;
    std::vector<std::int64_t> ours;
    for (const auto& p : review.series) windows.push_back(p.window), ours.push_back(p.cases);
    for (const auto& r : review.headline) {
        windows.push_back(r.current), ours.push_back(r.now.cases);
        windows.push_back(r.previous), ours.push_back(r.before.cases);
    }
    t = Clock::now();
    geo::GdalDatasetPtr ds = geo::open_vector(ws.string(), false);
    std::vector<std::int64_t> counted;
    for (const auto& w : windows) counted.push_back(sqlite_count(*ds, w));
    const double sqlite_s = seconds_since(t);
    std::cout << fmt::format("SQLite: COUNT(*) of the same {} windows: {:.2f} s; counts {}\n", windows.size(), sqlite_s,
                             counted == ours ? "equal to the review's" : "DIFFER FROM THE REVIEW'S");
    std::cout << fmt::format("ratio review / SQLite counts: {:.2f} (the review also reads every layer, ranks, tests, places "
                             "banners, maps hot spots and prints)\n",
                             review_s / sqlite_s);
    return counted == ours ? 0 : 1;
}

}  // namespace

void add_bench_review_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("bench-review", "Benchmark the weekly review on 1,000,000 incidents against plain SQLite counts");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace whose incidents are replicated")->capture_default_str();
    cmd->add_option("--points", a->points, "Incidents")->capture_default_str();
    cmd->add_option("--size-km", a->size_km, "Side of the square they are spread over, km")->capture_default_str();
    cmd->add_option("--week", a->week, "ISO week reviewed")->capture_default_str();
    cmd->add_option("--keep", a->keep, "Keep the workspace and the PDF in this directory");
    cmd->callback([=, &action] { action = [=] { return run(*a); }; });
}

}  // namespace cli
