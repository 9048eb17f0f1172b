// Incident data is personal data (issue 15, point 5). Two promises, tried on the bundled sample
// through the real command line:
// - every GeoJSON the commands write (public export, hot spots of each method, banner sites,
//   routes, building coverage) carries no victim age, loss, outcome or memo; those whose shapes
//   come from the cases (the public export, hot spots, banner sites) have no vertex at a case's
//   exact location. Routes and coverage draw buildings, whose outlines and entrances are the
//   buildings' own (a case at a building's door is at that building, which the file does not say);
// - what the commands create (workspaces, journals, reports, exports) is readable by its owner
//   only (0600), whatever the caller's umask.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sys/stat.h>
#include <unordered_map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"

namespace fs = std::filesystem;
using test::run_patrolmap;

namespace {

// Field names that describe a victim or what a case cost: any field whose name holds one of
// these (loss_yuan, dominant_age_band, recovered_yuan, victim_age_band, outcome, memo ...).
const std::vector<std::string> kVictimWords = {"victim", "age_band", "loss", "recovered", "asked", "outcome", "memo"};

bool is_victim_field(const std::string& name) {
    for (const auto& word : kVictimWords)
        if (name.find(word) != std::string::npos) return true;
    return false;
}

// The incidents' exact locations, looked up on a 1 m grid in the workspace CRS.
class ExactLocations {
public:
    explicit ExactLocations(const geo::District& d) {
        for (const auto& i : d.incidents) cells_.emplace(key(std::floor(i.location.x), std::floor(i.location.y)), i.location);
    }
    // An incident within `tolerance_m` of p, if any.
    const geo::XY* near(geo::XY p, double tolerance_m) const {
        const double cx = std::floor(p.x), cy = std::floor(p.y);
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                auto [lo, hi] = cells_.equal_range(key(cx + dx, cy + dy));
                for (auto it = lo; it != hi; ++it)
                    if (std::hypot(it->second.x - p.x, it->second.y - p.y) <= tolerance_m) return &it->second;
            }
        return nullptr;
    }

private:
    static std::int64_t key(double x, double y) {
        return static_cast<std::int64_t>(x) * 100'000'000LL + static_cast<std::int64_t>(y);
    }
    std::unordered_multimap<std::int64_t, geo::XY> cells_;
};

void collect_vertices(const OGRGeometry* g, std::vector<geo::XY>& out) {
    if (!g) return;
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            const auto* p = g->toPoint();
            out.push_back({p->getX(), p->getY()});
            break;
        }
        case wkbLineString:
        case wkbLinearRing:
            for (const auto& p : *g->toLineString()) out.push_back({p.getX(), p.getY()});
            break;
        case wkbPolygon:
            for (const auto* ring : *g->toPolygon()) collect_vertices(ring, out);
            break;
        default:
            if (const auto* c = dynamic_cast<const OGRGeometryCollection*>(g))
                for (const auto* part : *c) collect_vertices(part, out);
    }
}

struct Scan {
    std::size_t features = 0;
    std::vector<std::string> victim_fields;  // "layer.field"
    std::vector<std::string> exact_vertices; // "feature N at x,y"
};

// Reads a GeoJSON output back through GDAL, vertices into the workspace CRS.
Scan scan_geojson(const fs::path& file, const std::string& workspace_crs, const ExactLocations& incidents) {
    Scan scan;
    geo::ensure_gdal_ready();
    geo::GdalDatasetPtr ds = geo::open_vector(file.string(), false);
    REQUIRE_MESSAGE(ds, file.string(), " does not open");
    const geo::Transform to_ws(geo::make_srs("EPSG:4326"), geo::make_srs(workspace_crs));
    for (int l = 0; l < ds->GetLayerCount(); ++l) {
        OGRLayer* layer = ds->GetLayer(l);
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (int f = 0; f < defn->GetFieldCount(); ++f)
            if (is_victim_field(defn->GetFieldDefn(f)->GetNameRef()))
                scan.victim_fields.push_back(std::string(layer->GetName()) + "." + defn->GetFieldDefn(f)->GetNameRef());
        for (auto& feature : *layer) {
            ++scan.features;
            OGRGeometry* g = feature->GetGeometryRef();
            if (!g) continue;
            std::unique_ptr<OGRGeometry> copy(g->clone());
            REQUIRE(to_ws.apply(*copy));
            std::vector<geo::XY> vertices;
            collect_vertices(copy.get(), vertices);
            for (const geo::XY& v : vertices)
                if (incidents.near(v, 0.5))
                    scan.exact_vertices.push_back(file.filename().string() + " feature " +
                                                  std::to_string(feature->GetFID()) + " at " + std::to_string(v.x) +
                                                  "," + std::to_string(v.y));
        }
    }
    return scan;
}

fs::path sample_copy(const test::ScratchDir& dir) {
    const fs::path ws = dir / "ws.gpkg";
    fs::copy_file(test::source_dir() / "data" / "jiangnan.gpkg", ws);
    return ws;
}

bool private_to_owner(const fs::path& file) {
    struct stat st {};
    REQUIRE_MESSAGE(::stat(file.c_str(), &st) == 0, file.string());
    return (st.st_mode & 077) == 0;
}

std::string first(const std::vector<std::string>& v) { return v.empty() ? std::string() : v.front(); }

void require_ok(const test::CommandResult& r) { REQUIRE_MESSAGE(r.exit_code == 0, r.err); }

}  // namespace

TEST_CASE("No GeoJSON output carries victim details or an incident's exact location") {
    test::ScratchDir dir;
    const fs::path ws = sample_copy(dir);
    const geo::District d = geo::read_district(ws);
    REQUIRE(d.incidents.size() > 100);
    const ExactLocations incidents(d);

    // The check can fail: the workspace's own incidents, exported as they are, are caught.
    const fs::path full = dir / "incidents_full.geojson";
    require_ok(run_patrolmap({"export", ws.string(), "--layer", "incidents", full.string()}));
    const Scan unsafe = scan_geojson(full, d.metadata.crs, incidents);
    CHECK(unsafe.victim_fields.size() >= 3);
    CHECK(unsafe.exact_vertices.size() >= d.incidents.size() * 9 / 10);

    std::vector<fs::path> outputs;     // every GeoJSON written
    std::vector<fs::path> from_cases;  // those whose shapes come from the cases
    const fs::path pub = dir / "incidents_public.geojson";
    require_ok(run_patrolmap({"export", ws.string(), "--layer", "incidents", "--public", pub.string()}));
    outputs.push_back(pub);
    for (const std::vector<std::string>& method :
         {std::vector<std::string>{"--method", "gi"}, {"--method", "gi", "--neighbourhoods"},
          {"--method", "dbscan", "--eps", "150", "--min-points", "4"}, {"--method", "emerging"}}) {
        const fs::path out = dir / ("hotspots_" + method[1] + std::to_string(method.size()) + ".geojson");
        std::vector<std::string> args = {"hotspots", ws.string(), "--out", out.string()};
        args.insert(args.end(), method.begin(), method.end());
        require_ok(run_patrolmap(args));
        outputs.push_back(out);
    }
    from_cases = outputs;
    const fs::path banners = dir / "banners.geojson";
    require_ok(run_patrolmap({"banners", ws.string(), "--count", "5", "--radius", "300", "--out", banners.string()}));
    outputs.push_back(banners);
    from_cases.push_back(banners);
    require_ok(run_patrolmap({"coverage", ws.string(), "--out", (dir / "coverage").string()}));
    outputs.push_back(dir / "coverage" / "buildings.geojson");
    require_ok(run_patrolmap({"routes", ws.string(), "--week", "2021-W24", "--officer", "P01", "--time", "0",
                              "--no-issue", "--out", (dir / "routes").string()}));
    for (const auto& entry : fs::directory_iterator(dir / "routes"))
        if (entry.path().extension() == ".geojson") outputs.push_back(entry.path());

    for (const fs::path& out : outputs) {
        CAPTURE(out.filename().string());
        const Scan scan = scan_geojson(out, d.metadata.crs, incidents);
        CHECK(scan.features > 0);
        CHECK_MESSAGE(scan.victim_fields.empty(), first(scan.victim_fields));
        const std::string exact = std::to_string(scan.exact_vertices.size()) + " vertices, first " + first(scan.exact_vertices);
        if (std::find(from_cases.begin(), from_cases.end(), out) != from_cases.end())
            CHECK_MESSAGE(scan.exact_vertices.empty(), exact);
    }
}

TEST_CASE("Workspaces, journals, reports and exports are private to their owner") {
    test::ScratchDir dir;
    const fs::path ws = dir / "new.gpkg";
    // A permissive umask in the caller does not make the station's files readable by others.
    const auto r = run_patrolmap({"new", ws.string(), "--crs", "EPSG:4549"});
    require_ok(r);
    CHECK(private_to_owner(ws));
    require_ok(run_patrolmap({"import", ws.string(), "--layer", "neighbourhoods",
                              test::fixture("neighbourhoods.geojson").string()}));
    CHECK(private_to_owner(ws));  // rewritten by the import's commit

    const fs::path sample = sample_copy(dir);
    ::chmod(sample.c_str(), 0600);
    require_ok(run_patrolmap({"export", sample.string(), "--layer", "incidents", (dir / "i.gpkg").string()}));
    CHECK(private_to_owner(dir / "i.gpkg"));
    require_ok(run_patrolmap({"routes", sample.string(), "--week", "2021-W24", "--officer", "P01", "--time", "0",
                              "--out", (dir / "routes").string()}));
    CHECK(private_to_owner(sample));  // the issued plan was written into it in place
    std::size_t reports = 0;
    for (const auto& entry : fs::directory_iterator(dir / "routes")) {
        CAPTURE(entry.path().string());
        CHECK(private_to_owner(entry.path()));
        ++reports;
    }
    CHECK(reports >= 3);  // a PDF, a GPX and a GeoJSON at least
    const fs::path hot = dir / "hot.geojson";
    require_ok(run_patrolmap({"hotspots", sample.string(), "--method", "gi", "--out", hot.string()}));
    CHECK(private_to_owner(hot));
}
