// patrolmap bench-heatmap [WS] [--points N] [--size CELLS] [--cell M] [--radius M] [--threads N]
//     [--simd best|avx512|avx2|sse2] [--samples N] [--qgis] [--keep DIR]
//
// Times the exact kernel density (geo/density/kde.h) on many points and checks it; never run by
// ctest (benchmarks print numbers, tests assert behaviour). The benchmark is
//
//   build/bin/patrolmap bench-heatmap data/jiangnan.gpkg --qgis
//
// 1. Points: the workspace's incidents copied (each copy shifted to a random place in a square
//    of SIZE·CELL metres, 20 km by default, every point jittered by up to ±25 m), 1,000,000 in
//    all. Deterministic: splitmix64 from a fixed seed.
// 2. Ours on a SIZE×SIZE grid (2000×2000 cells of 10 m) over the square, quartic, r = 300 m:
//    the best of three timed runs, and the largest |grid − direct sum| over sample cell centres
//    (the peak cell and SAMPLES−1 random ones) as a share of the peak. Goal ≤ 1e-3; ~1e-15 is
//    expected, since both are the same sum in a different order.
// 3. With --qgis: the points go to a GeoPackage, QGIS 3.22 (Debian's qgis package) runs
//    qgis:heatmapkerneldensityestimation on them (raw output, quartic; qgis_process.bin is called
//    directly, as Debian's wrapper passes a flag 3.22 rejects), and we run again on QGIS's own
//    grid (the points' extent grown by the radius, in whole pixels: ceil(extent/pixel) + 1 columns and rows, top-left corner at (min x − r,
//    max y + r)). QGIS's raw Σ(1 − d²/h²)² becomes a density as ours is, ×3/(πh²)·10⁶ per km²,
//    and the surfaces are compared cell by cell: the largest |difference| as a share of our peak
//    (QGIS places each point on its pixel grid, so it strays by ~1e-3..1e-2 of the peak).
//    Prints both times (QGIS's is the wall time of qgis_process, start-up included) and their
//    ratio; goal ≥ 40×.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <numbers>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/cli/bench_incidents.h"
#include "app/cli/commands.h"
#include "geo/crs/crs.h"
#include "geo/density/kde.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"

#include <unistd.h>

namespace cli {
namespace {

struct BenchArgs {
    std::string workspace = "data/jiangnan.gpkg";
    int points = 1'000'000;
    int size = 2000;
    double cell_m = 10;
    double radius_m = 300;
    unsigned threads = 0;
    std::string simd = "best";
    int samples = 200;
    bool qgis = false;
    std::string keep;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<geo::WeightedPoint> replicated_points(const geo::District& district, const BenchArgs& a,
                                                  const geo::Envelope& square) {
    std::vector<geo::WeightedPoint> out;
    for (const auto& i : replicated_incidents(district, static_cast<std::size_t>(a.points), square, a.workspace))
        out.push_back({i.location, 1.0});
    return out;
}

struct Timed {
    std::vector<double> values;
    double best_s = 0;
};

geo::SimdLevel simd_of(const BenchArgs& a) {
    if (a.simd == "best") return geo::SimdLevel::best;
    if (a.simd == "avx512") return geo::SimdLevel::avx512;
    if (a.simd == "avx2") return geo::SimdLevel::avx2;
    if (a.simd == "sse2") return geo::SimdLevel::sse2;
    throw geo::BadInput("--simd '" + a.simd + "' is not one of best, avx512, avx2 or sse2");
}

Timed time_ours(const std::vector<geo::WeightedPoint>& points, const geo::Grid& grid, const BenchArgs& a, int runs,
                unsigned threads) {
    Timed t;
    t.best_s = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        t.values = geo::kernel_density_per_km2(points, geo::Kernel::quartic, a.radius_m, grid, {threads, simd_of(a), {}});
        t.best_s = std::min(t.best_s, seconds_since(start));
    }
    return t;
}

double peak_of(const std::vector<double>& values) { return *std::max_element(values.begin(), values.end()); }

// Largest |grid − direct sum| over the peak cell and samples−1 random cells, over the peak.
double direct_check(const std::vector<geo::WeightedPoint>& points, const geo::Grid& grid,
                    const std::vector<double>& values, const BenchArgs& a) {
    const auto peak_at = static_cast<std::size_t>(std::max_element(values.begin(), values.end()) - values.begin());
    std::vector<std::size_t> cells{peak_at};
    SplitMix64 rng{4};
    while (cells.size() < static_cast<std::size_t>(std::max(1, a.samples)))
        cells.push_back(static_cast<std::size_t>(rng.next() % grid.cell_count()));
    double worst = 0;
    for (const std::size_t c : cells) {
        const int col = static_cast<int>(c % static_cast<std::size_t>(grid.width));
        const int row = static_cast<int>(c / static_cast<std::size_t>(grid.width));
        const double direct = geo::direct_density_per_km2(points, geo::Kernel::quartic, a.radius_m,
                                                          {grid.centre_x(col), grid.centre_y(row)});
        worst = std::max(worst, std::abs(direct - values[c]));
    }
    return worst / values[peak_at];
}

void write_points_gpkg(const std::filesystem::path& path, const std::vector<geo::WeightedPoint>& points,
                       const std::string& crs) {
    geo::ensure_gdal_ready();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    geo::GdalDatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw geo::IoError(path.string() + ": " + geo::last_gdal_error());
    OGRSpatialReference srs = geo::make_srs(crs);
    const char* options[] = {"SPATIAL_INDEX=NO", nullptr};
    OGRLayer* layer = ds->CreateLayer("points", &srs, wkbPoint, const_cast<char**>(options));
    if (!layer) throw geo::IoError(path.string() + ": " + geo::last_gdal_error());
    ds->StartTransaction();
    for (const auto& p : points) {
        geo::OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        OGRPoint pt(p.location.x, p.location.y);
        f->SetGeometry(&pt);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw geo::IoError(path.string() + ": " + geo::last_gdal_error());
    }
    ds->CommitTransaction();
}

// A float32 band read whole; cells at QGIS's nodata (-9999: never touched) read as 0.
struct QgisRaster {
    geo::Grid grid;
    std::vector<double> raw;
};

QgisRaster read_qgis_raster(const std::filesystem::path& path) {
    geo::ensure_gdal_ready();
    geo::GdalDatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds) throw geo::IoError(path.string() + ": QGIS wrote no raster");
    double gt[6];
    ds->GetGeoTransform(gt);
    QgisRaster out;
    out.grid.cell_m = gt[1];
    out.grid.width = ds->GetRasterXSize();
    out.grid.height = ds->GetRasterYSize();
    out.grid.origin = {gt[0], gt[3] - out.grid.height * gt[1]};
    std::vector<float> buffer(out.grid.cell_count());
    GDALRasterBand* band = ds->GetRasterBand(1);
    if (band->RasterIO(GF_Read, 0, 0, out.grid.width, out.grid.height, buffer.data(), out.grid.width, out.grid.height,
                       GDT_Float32, 0, 0, nullptr) != CE_None)
        throw geo::IoError(path.string() + ": " + geo::last_gdal_error());
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    out.raw.resize(buffer.size());
    for (std::size_t i = 0; i < buffer.size(); ++i)
        out.raw[i] = (has_nodata && buffer[i] == static_cast<float>(nodata)) ? 0.0 : buffer[i];
    return out;
}

// QGIS's grid for these points, from QgsKernelDensityEstimation::prepare (QGIS 3.22).
geo::Grid qgis_rule_grid(const std::vector<geo::WeightedPoint>& points, double radius_m, double pixel_m) {
    geo::Envelope e;
    for (const auto& p : points) e.expand(p.location);
    e = e.grown(radius_m);
    const int cols = static_cast<int>(std::ceil(e.width() / pixel_m) + 1);
    const int rows = static_cast<int>(std::ceil(e.height() / pixel_m) + 1);
    return {{e.min_x, e.max_y - rows * pixel_m}, pixel_m, cols, rows};
}

int run_qgis_comparison(const std::vector<geo::WeightedPoint>& points, const BenchArgs& a, const std::string& crs) {
    const std::filesystem::path qgis_bin = "/usr/bin/qgis_process.bin";
    if (!std::filesystem::exists(qgis_bin)) {
        std::cerr << "patrolmap: QGIS is not installed (" << qgis_bin.string() << "): apt-get install -y qgis\n";
        return 1;
    }
    std::filesystem::path dir;
    if (a.keep.empty()) {
        std::string pattern = (std::filesystem::temp_directory_path() / "patrolmap-bench-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw geo::IoError("cannot make a temporary directory");
        dir = pattern;
    } else {
        dir = a.keep;
        std::filesystem::create_directories(dir);
    }
    const std::filesystem::path runtime = dir / "xdg-runtime";
    std::filesystem::create_directories(runtime);
    std::filesystem::permissions(runtime, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
    const std::filesystem::path gpkg = dir / "points.gpkg";
    const std::filesystem::path tif = dir / "qgis_raw.tif";
    std::filesystem::remove(gpkg);
    std::filesystem::remove(tif);
    write_points_gpkg(gpkg, points, crs);

    const std::string command = fmt::format(
        "QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR='{}' '{}' run qgis:heatmapkerneldensityestimation "
        "--INPUT='{}|layername=points' --RADIUS={} --PIXEL_SIZE={} --KERNEL=0 --OUTPUT_VALUE=0 --OUTPUT='{}' > '{}' 2>&1",
        runtime.string(), qgis_bin.string(), gpkg.string(), a.radius_m, a.cell_m, tif.string(), (dir / "qgis.log").string());
    std::cout << "QGIS:  " << command << '\n' << std::flush;
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(command.c_str());
    const double qgis_s = seconds_since(start);
    if (status != 0) {
        std::cerr << "patrolmap: qgis_process failed (status " << status << "), see " << (dir / "qgis.log").string() << '\n';
        return 1;
    }
    const QgisRaster qgis = read_qgis_raster(tif);
    const geo::Grid expected = qgis_rule_grid(points, a.radius_m, a.cell_m);
    const geo::Grid& g = qgis.grid;
    const bool same_grid = g.width == expected.width && g.height == expected.height &&
                           std::abs(g.origin.x - expected.origin.x) < 1e-6 && std::abs(g.origin.y - expected.origin.y) < 1e-6;
    std::cout << fmt::format("QGIS grid {} x {} cells of {} m, lower-left ({:.3f}, {:.3f}){}\n", g.width, g.height, g.cell_m,
                             g.origin.x, g.origin.y, same_grid ? ", as its rule says" : " (NOT the grid its rule gives: using QGIS's)");

    const Timed ours = time_ours(points, g, a, 3, a.threads);
    const double peak = peak_of(ours.values);
    const double to_density = 3.0 / (std::numbers::pi * a.radius_m * a.radius_m) * 1e6;
    double worst = 0, qgis_peak = 0;
    for (std::size_t i = 0; i < ours.values.size(); ++i) {
        const double q = qgis.raw[i] * to_density;
        qgis_peak = std::max(qgis_peak, q);
        worst = std::max(worst, std::abs(q - ours.values[i]));
    }
    std::cout << fmt::format("ours on QGIS's grid: {:.3f} s (best of 3), peak {:.6g} per km²\n", ours.best_s, peak)
              << fmt::format("QGIS:               {:.3f} s (qgis_process wall time), peak {:.6g} per km² (raw x 3/(pi h^2) x 1e6)\n",
                             qgis_s, qgis_peak)
              << fmt::format("speed-up:           {:.1f}x (goal >= 40x)\n", qgis_s / ours.best_s)
              << fmt::format("max |QGIS - ours| / peak over all {} cells: {:.3e}\n", ours.values.size(), worst / peak)
              << fmt::format("max |ours - direct sum| / peak on QGIS's grid: {:.3e}\n", direct_check(points, g, ours.values, a));
    if (a.keep.empty()) std::filesystem::remove_all(dir);
    else std::cout << "kept " << dir.string() << '\n';
    return 0;
}

int run_bench(const BenchArgs& a) {
    if (a.points <= 0 || a.size <= 0 || !(a.cell_m > 0) || !(a.radius_m > 0))
        throw geo::BadInput("--points, --size, --cell and --radius must be positive");
    const geo::District district = geo::read_district(a.workspace);
    geo::Envelope base;
    for (const auto& n : district.neighbourhoods) base.expand(geo::envelope_of(n.area));
    for (const auto& i : district.incidents) base.expand(i.location);
    const double x0 = std::floor(base.min_x / a.cell_m) * a.cell_m;
    const double y0 = std::floor(base.min_y / a.cell_m) * a.cell_m;
    const geo::Grid grid{{x0, y0}, a.cell_m, a.size, a.size};
    const std::vector<geo::WeightedPoint> points = replicated_points(district, a, grid.extent());
    const unsigned threads = a.threads ? a.threads : std::max(1u, std::thread::hardware_concurrency());
    std::cout << fmt::format("{} points ({} incidents of {} replicated with ±25 m jitter) over {:.0f} x {:.0f} m; "
                             "quartic kernel, r = {} m; {} vectors\n",
                             points.size(), district.incidents.size(), a.workspace, grid.extent().width(),
                             grid.extent().height(), a.radius_m, geo::simd_level_name(geo::simd_level_on_this_cpu(simd_of(a))));
    const Timed one = time_ours(points, grid, a, 3, 1);
    const Timed ours = time_ours(points, grid, a, 3, threads);
    std::cout << fmt::format("ours: {} x {} cells of {} m: {:.3f} s on {} threads, {:.3f} s on 1 (best of 3 each), "
                             "peak {:.6g} per km²{}\n",
                             grid.width, grid.height, grid.cell_m, ours.best_s, threads, one.best_s, peak_of(ours.values),
                             ours.values == one.values ? "; identical surfaces" : "; SURFACES DIFFER");
    std::cout << fmt::format("max |ours - direct sum| / peak at {} cell centres (peak included): {:.3e} (goal <= 1e-3)\n",
                             a.samples, direct_check(points, grid, ours.values, a));
    if (!a.qgis) return 0;
    return run_qgis_comparison(points, a, district.metadata.crs);
}

}  // namespace

void add_bench_heatmap_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("bench-heatmap",
                                   "Benchmark the exact heatmap on 1,000,000 points; --qgis compares with QGIS's heatmap");
    auto a = std::make_shared<BenchArgs>();
    cmd->add_option("WS", a->workspace, "Workspace whose incidents are replicated")->capture_default_str();
    cmd->add_option("--points", a->points, "Points")->capture_default_str();
    cmd->add_option("--size", a->size, "Grid side, cells")->capture_default_str();
    cmd->add_option("--cell", a->cell_m, "Cell size, metres")->capture_default_str();
    cmd->add_option("--radius", a->radius_m, "Quartic kernel radius, metres")->capture_default_str();
    cmd->add_option("--threads", a->threads, "Threads (default: all cores)");
    cmd->add_option("--simd", a->simd, "Vector instructions: best, avx512, avx2 or sse2")->capture_default_str();
    cmd->add_option("--samples", a->samples, "Cell centres checked against a direct sum")->capture_default_str();
    cmd->add_flag("--qgis", a->qgis, "Also run QGIS's heatmap (qgis_process) on the same points and compare");
    cmd->add_option("--keep", a->keep, "Keep the GeoPackage, QGIS's raster and log in this directory");
    cmd->callback([=, &action] { action = [=] { return run_bench(*a); }; });
}

}  // namespace cli
