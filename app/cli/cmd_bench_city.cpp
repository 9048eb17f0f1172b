// patrolmap bench-city [PG:...] [--incidents N] [--station S07] [--batch N] [--seed N] [--insert] [--keep DIR]
//
// A city-sized PostGIS workspace (issue 14), never run whole by ctest (benchmarks print numbers,
// tests assert behaviour; a small run is a CLI test):
//
// 1. Load: N synthetic incidents over 20 stations (city_incidents.h; 5,000,000 by default) into a
//    new workspace through PatrolMap's own writer (create_workspace, then commit_changes in
//    batches of --batch rows, so memory stays bounded; GDAL's COPY, or INSERT with --insert), then its time and station indexes
//    (ensure_incident_indexes) and VACUUM ANALYZE; rows/s. The same incidents written to a CSV (with a
//    .csvt of types) and loaded by ogr2ogr into the schema bench_ogr2ogr of the same database;
//    its rows/s and the ratio. Writing the CSV is not timed.
// 2. Query: one station's incidents to a GeoPackage workspace of its own, with the same indexes.
//    The same heatmap (the station's district as --extent, June 2024 in Shanghai as the window,
//    quartic, r = 300 m, 25 m cells) from the city database and from that GeoPackage, each read
//    through read_incident_query as `patrolmap heatmap --station` does: best of 3 wall times,
//    read and surface together, and their ratio (goal <= 2x). PostgreSQL's plan for the query,
//    the rows each store returned, and whether the two rasters are equal bit for bit. Then the
//    city table CLUSTERed on its station and time index (timed) and the PostGIS side again.
//
// Exit 1 when the rasters differ, a store returned the wrong incidents, or a store returned
// more rows than the window and station hold (it would have read past them).
//
// With no PG: connection a throw-away PostgreSQL 15 cluster is started in a temporary folder
// (scratch_postgres.h) and removed afterwards. A given database must have no workspace and no
// schema bench_ogr2ogr; both are left there afterwards for a look.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <cpl_conv.h>
#include <fmt/format.h>

#include "app/cli/city_incidents.h"
#include "app/cli/commands.h"
#include "app/cli/scratch_postgres.h"
#include "app/cli/text_format.h"
#include "geo/density/heatmap.h"
#include "geo/density/heatmap_query.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/incident_query.h"
#include "geo/io/source_reader.h"
#include "geo/io/workspace_store.h"
#include "geo/model/enums.h"
#include "geo/query/time_window.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace fs = std::filesystem;

namespace cli {
namespace {

struct BenchCityArgs {
    std::string connection;
    std::int64_t incidents = 5'000'000;
    std::string station = "S07";
    std::int64_t batch = 100'000;
    std::uint64_t seed = 14;
    std::string keep;
    bool insert = false;
};

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void run_statement(const std::string& connection, const std::string& sql) {
    geo::GdalDatasetPtr ds = geo::open_vector(connection, true);
    if (!ds) throw geo::BadInput(connection + ": cannot connect (" + geo::last_gdal_error() + ")");
    CPLErrorReset();
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result) ds->ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure) throw geo::IoError("cannot run " + sql + ": " + geo::last_gdal_error());
}

geo::Metadata city_metadata(const std::string& name) {
    geo::Metadata m;
    m.name = name;
    m.synthetic = true;
    m.crs = kCityCrs;
    m.timezone = kCityZone;
    return m;
}

// Writes the incidents `keep` accepts into a new workspace through commit_changes, `batch` rows
// a commit; returns how many it wrote.
template <class Keep>
std::int64_t load_workspace(const std::string& path, const std::string& name, const BenchCityArgs& a, Keep keep,
                            const std::string& label) {
    geo::create_workspace(path, city_metadata(name));
    geo::Metadata m = geo::read_metadata(path);
    ProgressLine progress(label);
    std::vector<geo::Row> rows;
    std::int64_t written = 0;
    auto flush = [&] {
        if (rows.empty()) return;
        written += static_cast<std::int64_t>(rows.size());
        m = geo::commit_changes(path, m, {{geo::LayerKind::incidents, std::move(rows), false}});
        rows.clear();
    };
    for (std::int64_t i = 0; i < a.incidents; ++i) {
        const CityIncident c = city_incident(a.seed, static_cast<std::uint64_t>(i));
        if (!keep(c)) continue;
        rows.push_back(city_incident_row(c));
        if (static_cast<std::int64_t>(rows.size()) >= a.batch) {
            flush();
            progress.update(static_cast<std::size_t>(i + 1), static_cast<std::size_t>(a.incidents));
        }
    }
    flush();
    progress.finish();
    return written;
}

// The incidents as ogr2ogr reads them: a CSV with x and y, and a .csvt naming the column types.
void write_csv(const fs::path& csv, const BenchCityArgs& a) {
    std::ofstream types(fs::path(csv).replace_extension(".csvt"));
    types << "String,DateTime,String,Real,String,String,Real,String,String,Real,Real\n";
    std::ofstream out(csv);
    out << "id,time,fraud_type,loss_yuan,victim_age_band,outcome,recovered_yuan,source,station_id,x,y\n";
    ProgressLine progress("CSV for ogr2ogr");
    auto name = [](auto e) { return geo::EnumNames<decltype(e)>::names[static_cast<std::size_t>(e)]; };
    for (std::int64_t i = 0; i < a.incidents; ++i) {
        const CityIncident c = city_incident(a.seed, static_cast<std::uint64_t>(i));
        const geo::Incident& n = c.incident;
        out << fmt::format("{},{},{},{},{},{},{},{},{},{:.2f},{:.2f}\n", n.id, geo::format_iso8601_utc(n.time), name(n.fraud_type),
                           n.loss_yuan, name(n.victim_age_band), name(n.outcome), n.recovered_yuan, name(n.source),
                           city_station_id(c.station), n.location.x, n.location.y);
        if ((i + 1) % 100000 == 0) progress.update(static_cast<std::size_t>(i + 1), static_cast<std::size_t>(a.incidents));
    }
    progress.finish();
    if (!out) throw geo::IoError("cannot write " + csv.string());
}

double load_with_ogr2ogr(const std::string& connection, const fs::path& csv, const fs::path& log) {
    run_statement(connection, "CREATE SCHEMA bench_ogr2ogr");
    const std::string command = fmt::format(
        "ogr2ogr -f PostgreSQL {} {} -nln bench_ogr2ogr.incidents -lco GEOMETRY_NAME=geom -lco FID=fid "
        "-nlt POINT -a_srs {} -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y > {} 2>&1",
        shell_quoted(connection), shell_quoted(csv.string()), kCityCrs, shell_quoted(log.string()));
    note() << "ogr2ogr: " << command << '\n';
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) throw geo::IoError("ogr2ogr failed; see " + log.string());
    return seconds_since(start);
}

struct TimedHeatmap {
    geo::Heatmap heatmap;
    geo::QueriedDistrict read;
    double best_s = 1e300;
};

void time_once(TimedHeatmap& t, const std::string& path, const geo::HeatmapOptions& options, const geo::IncidentQuery& query) {
    const auto start = Clock::now();
    t.read = geo::read_incident_query(path, query);
    t.heatmap = geo::make_heatmap(t.read.district, options);
    t.best_s = std::min(t.best_s, seconds_since(start));
}

int run_bench_city(const BenchCityArgs& a) {
    if (a.incidents < kCityStations || a.batch <= 0)
        throw geo::BadInput(fmt::format("--incidents must be at least {} and --batch positive", kCityStations));
    int station = -1;
    for (int s = 0; s < kCityStations; ++s)
        if (city_station_id(s) == a.station) station = s;
    if (station < 0) throw geo::BadInput("--station '" + a.station + "' is not one of S01 to S20");
    if (!a.connection.empty() && !geo::is_database_workspace(a.connection))
        throw geo::BadInput("'" + a.connection + "' is not a PG: connection");

    std::unique_ptr<ScratchPostgres> scratch;
    std::string connection = a.connection;
    if (connection.empty()) {
        note() << "starting a throw-away PostgreSQL cluster ...\n";
        scratch = std::make_unique<ScratchPostgres>();
        connection = scratch->connection();
    }
    fs::path dir;
    // The temporary folder goes whatever happens (an error too); --keep's stays.
    const std::unique_ptr<const fs::path, void (*)(const fs::path*)> remove_dir(&dir, [](const fs::path* d) {
        std::error_code ignored;
        if (!d->empty()) fs::remove_all(*d, ignored);
    });
    if (a.keep.empty()) {
        std::string pattern = (fs::temp_directory_path() / "patrolmap-bench-city-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw geo::IoError("cannot make a temporary folder");
        dir = pattern;
    } else {
        dir = a.keep;
        fs::create_directories(dir);
    }
    const std::string label = geo::source_label(connection);
    std::cout << fmt::format("{} synthetic incidents over {} stations (seed {}) into {}\n", thousands(a.incidents), kCityStations,
                             a.seed, scratch ? "a throw-away PostgreSQL 15 cluster" : label);

    // 1. Loads. PostGIS enabled before the workspace is made: GDAL's driver decides at connection
    // whether the database has PostGIS, and a workspace made in the same connection that enables
    // it gets bytea geometries, with no GIST index and no spatial filter in SQL.
    run_statement(connection, "CREATE EXTENSION IF NOT EXISTS postgis");
    // GDAL's driver writes a row per INSERT unless PG_USE_COPY=YES, when it streams them with
    // COPY (as ogr2ogr does by default): ~5x the rows/s here. PostgreSQL refuses COPY FROM into a
    // table with row-level security for a role subject to it (a station's user); the bench runs
    // as the database's owner, as a bulk load by the city's administrator would.
    CPLConfigOptionSetter copy("PG_USE_COPY", a.insert ? "NO" : "YES", false);
    auto start = Clock::now();
    const std::int64_t loaded = load_workspace(connection, "bench-city (synthetic)", a, [](const CityIncident&) { return true; },
                                               "PatrolMap writer");
    const double write_s = seconds_since(start);
    start = Clock::now();
    geo::ensure_incident_indexes(connection);
    // What autovacuum does after a load (sooner for incidents, ensure_incident_indexes): the
    // statistics, and the visibility map that lets the covering index answer without the table.
    run_statement(connection, "VACUUM ANALYZE incidents");
    const double index_s = seconds_since(start);
    const double ours_s = write_s + index_s;
    std::cout << fmt::format("PatrolMap writer: {} rows in {:.1f} s = {} rows/s ({}, batches of {}; {:.1f} s of it the time "
                             "and station indexes and VACUUM ANALYZE)\n",
                             thousands(loaded), ours_s, thousands(static_cast<std::int64_t>(loaded / ours_s)),
                             a.insert ? "INSERT per row" : "COPY", thousands(a.batch), index_s);

    const fs::path csv = dir / "incidents.csv";
    write_csv(csv, a);
    const double ogr_s = load_with_ogr2ogr(connection, csv, dir / "ogr2ogr.log");
    if (a.keep.empty()) fs::remove(csv);
    std::cout << fmt::format("ogr2ogr (CSV, COPY, its GIST index): {} rows in {:.1f} s = {} rows/s\n", thousands(a.incidents), ogr_s,
                             thousands(static_cast<std::int64_t>(a.incidents / ogr_s)));
    std::cout << fmt::format("ratio: ogr2ogr {:.2f}x PatrolMap's rows/s\n", ours_s / ogr_s);

    // 2. One station's month, from the city and from the station's own file.
    const fs::path gpkg = dir / (a.station + ".gpkg");
    fs::remove(gpkg);
    const std::int64_t station_rows =
        load_workspace(gpkg.string(), "bench-city " + a.station, a, [station](const CityIncident& c) { return c.station == station; },
                       a.station + " to its GeoPackage");
    geo::ensure_incident_indexes(gpkg);

    const geo::TimeWindow june = geo::window_containing(
        geo::Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 6 / 15}}, geo::TimeStep::month, kCityZone);
    geo::HeatmapOptions options;
    options.filter.window = june;
    options.extent = city_station_area(station);
    options.radius_m = 300;
    options.cell_m = 25;
    const geo::IncidentQuery query = geo::heatmap_incident_query(options, a.station);

    // What the query must give, from the generator: the station's June, and what its WHERE may
    // return at most (a second wider each side, geo/io/incident_query.cpp).
    std::int64_t expected = 0, at_most = 0;
    for (std::int64_t i = station; i < a.incidents; i += kCityStations) {
        const geo::Timestamp t = city_incident(a.seed, static_cast<std::uint64_t>(i)).incident.time;
        expected += june.contains(t);
        at_most += t >= june.from - std::chrono::seconds{1} && t <= june.to + std::chrono::seconds{1};
    }

    TimedHeatmap from_pg, from_gpkg;
    for (int run = 0; run < 3; ++run) {
        time_once(from_pg, connection, options, query);
        time_once(from_gpkg, gpkg.string(), options, query);
    }
    const geo::Grid& g = from_pg.heatmap.grid;
    std::cout << fmt::format("heatmap of {} for {} to {} (Shanghai), its district {} x {} cells of {} m, quartic, r = {} m:\n",
                             a.station, geo::format_local(june.from, kCityZone, "%Y-%m-%d"),
                             geo::format_local(june.to, kCityZone, "%Y-%m-%d"), g.width, g.height, g.cell_m, *options.radius_m);
    std::cout << "  PostgreSQL's plan:\n";
    for (std::string plan = geo::explain_incident_query(connection, query); !plan.empty();) {
        const auto end = plan.find('\n');
        std::cout << "    " << plan.substr(0, end) << '\n';
        plan = end == std::string::npos ? "" : plan.substr(end + 1);
    }
    std::cout << fmt::format("  rows read: PostGIS {} of {}, GeoPackage {} of {}; the station's June holds {}\n",
                             thousands(static_cast<std::int64_t>(from_pg.read.rows_read)), thousands(loaded),
                             thousands(static_cast<std::int64_t>(from_gpkg.read.rows_read)), thousands(station_rows), thousands(expected));
    std::cout << fmt::format("  PostGIS:    {:.3f} s (best of 3, read and surface)\n", from_pg.best_s)
              << fmt::format("  GeoPackage: {:.3f} s\n", from_gpkg.best_s)
              << fmt::format("  ratio: PostGIS {:.2f}x the GeoPackage's time (goal <= 2x)\n", from_pg.best_s / from_gpkg.best_s);
    const bool same_grid = g.width == from_gpkg.heatmap.grid.width && g.height == from_gpkg.heatmap.grid.height &&
                           g.origin.x == from_gpkg.heatmap.grid.origin.x && g.origin.y == from_gpkg.heatmap.grid.origin.y;
    bool equal = same_grid && from_pg.heatmap.values == from_gpkg.heatmap.values;
    std::cout << fmt::format("  rasters: {}\n", equal ? "equal, cell for cell" : "DIFFERENT");

    // Loaded in arrival order, the city's table interleaves the stations: one station's month is
    // a row on each of ~20,000 pages. CLUSTER (the administrator's nightly maintenance; new rows
    // go at the end until the next one) lays the rows in station and time order, so the month is
    // a few hundred consecutive pages.
    start = Clock::now();
    run_statement(connection, "CLUSTER incidents USING incidents_station_time_idx");
    run_statement(connection, "ANALYZE incidents");
    const double cluster_s = seconds_since(start);
    TimedHeatmap clustered;
    for (int run = 0; run < 3; ++run) time_once(clustered, connection, options, query);
    const bool equal_clustered = clustered.heatmap.values == from_gpkg.heatmap.values;
    std::cout << fmt::format("  after CLUSTER incidents USING incidents_station_time_idx ({:.1f} s):\n", cluster_s)
              << fmt::format("  PostGIS:    {:.3f} s (best of 3); ratio {:.2f}x the GeoPackage's time (goal <= 2x); rasters {}\n",
                             clustered.best_s, clustered.best_s / from_gpkg.best_s, equal_clustered ? "equal" : "DIFFERENT");
    equal = equal && equal_clustered;

    if (!a.keep.empty()) {
        std::cout << "kept " << dir.string() << '\n';
        dir.clear();
    }
    bool right = equal;
    for (const auto* t : {&from_pg, &from_gpkg, &clustered}) {
        if (static_cast<std::int64_t>(t->read.district.incidents.size()) != expected) {
            std::cerr << fmt::format("patrolmap: a store gave {} incidents for the station's June, not {}\n",
                                     t->read.district.incidents.size(), expected);
            right = false;
        }
        if (static_cast<std::int64_t>(t->read.rows_read) > at_most) {
            std::cerr << fmt::format("patrolmap: a store returned {} rows for a query that selects at most {}\n", t->read.rows_read,
                                     at_most);
            right = false;
        }
    }
    return right ? 0 : 1;
}

}  // namespace

void add_bench_city_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand(
        "bench-city",
        "Benchmark a city on PostGIS: load 5,000,000 incidents of 20 stations (ours vs ogr2ogr), then one station's month "
        "as a heatmap from the city database vs from the station's own GeoPackage");
    auto a = std::make_shared<BenchCityArgs>();
    cmd->add_option("DB", a->connection,
                    "PG: connection to a database with no workspace (default: a throw-away PostgreSQL 15 cluster in a "
                    "temporary folder, removed afterwards)")
        ->type_name("PG:...");
    cmd->add_option("--incidents", a->incidents, "Incidents over the 20 stations")->capture_default_str()->type_name("N");
    cmd->add_option("--station", a->station, "The station whose June is the heatmap (S01 to S20)")->capture_default_str();
    cmd->add_option("--batch", a->batch, "Rows per commit of PatrolMap's writer")->capture_default_str()->type_name("N");
    cmd->add_option("--seed", a->seed, "Seed of the synthetic city")->capture_default_str();
    cmd->add_flag("--insert", a->insert, "PatrolMap's writer with GDAL's INSERT per row (PG_USE_COPY=NO), as under row-level security");
    cmd->add_option("--keep", a->keep, "Keep the station's GeoPackage and ogr2ogr's log in this folder")->type_name("DIR");
    cmd->callback([=, &action] { action = [=] { return run_bench_city(*a); }; });
}

}  // namespace cli
