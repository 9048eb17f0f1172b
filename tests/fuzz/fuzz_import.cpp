// The import validator fed arbitrary sources through GDAL's in-memory files, against the sample
// workspace's rows read once (prepare_import reads and checks, and writes nothing).
// Input: byte 0 picks the format (GeoJSON, CSV with lon/lat columns, CSV with a WKT column,
// KML, GPX), byte 1 the target layer; then optional lines "#! FLAG TEXT" (field, set,
// map-values, time-format, src-crs, datum, replace, skip-invalid), then the file's content.
// Properties: GDAL's open, our reading and our validation answer with rows or BadInput; an
// accepted import's rows are as many as it says and each has an id; every rejection (with
// skip-invalid) names the file.
#include <array>
#include <map>
#include <sstream>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal.h>

#include "geo/io/import_args.h"
#include "geo/io/importer.h"
#include "geo/io/layer_references.h"
#include "geo/model/layer_schema.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    GDALAllRegister();
    CPLSetConfigOption("CPL_LOG", "/dev/null");  // GDAL's warnings would flood the fuzzer's output
    CPLSetErrorHandler(CPLQuietErrorHandler);
    return 0;
}

namespace {
// The sample read once per target layer: the validator is what is fuzzed, not GDAL's opening of
// the GeoPackage (which is most of an import's fixed cost).
const geo::WorkspaceRows& sample_rows(geo::LayerKind kind) {
    static std::map<geo::LayerKind, geo::WorkspaceRows> cache;
    auto it = cache.find(kind);
    if (it == cache.end()) {
        std::vector<geo::LayerKind> kinds = {geo::LayerKind::neighbourhoods, kind};
        for (const geo::LayerKind other : geo::referenced_layers(kind)) kinds.push_back(other);  // a sighting's camera
        it = cache.emplace(kind, geo::read_layers(fuzz::sample_workspace(), kinds)).first;
    }
    return it->second;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return -1;
    static const std::array<const char*, 5> extensions = {"geojson", "csv", "csv", "kml", "gpx"};
    const std::size_t format = data[0] % extensions.size();
    static const std::array<geo::LayerKind, 10> kinds = {
        geo::LayerKind::incidents, geo::LayerKind::posters,  geo::LayerKind::buildings, geo::LayerKind::sites,
        geo::LayerKind::officers,  geo::LayerKind::neighbourhoods, geo::LayerKind::roads, geo::LayerKind::warnings,
        geo::LayerKind::vehicles,  geo::LayerKind::sightings};
    const geo::LayerKind kind = kinds[data[1] % kinds.size()];

    geo::ImportOptions options;
    options.kind = kind;
    if (format == 1) options.lonlat_x = "lon", options.lonlat_y = "lat";
    if (format == 2) options.wkt_column = "wkt";
    std::istringstream in(fuzz::text_of(data + 2, size - 2));
    std::string content, line;
    bool header = true;
    bool flags_ok = true;
    while (std::getline(in, line)) {
        if (header && line.rfind("#! ", 0) == 0) {
            const std::string rest = line.substr(3);
            const auto space = rest.find(' ');
            const std::string flag = rest.substr(0, space), text = space == std::string::npos ? "" : rest.substr(space + 1);
            flags_ok = flags_ok && fuzz::accepts([&] {
                if (flag == "field") geo::add_field_mapping(options, text);
                else if (flag == "set") geo::add_constant(options, text);
                else if (flag == "map-values") geo::add_value_map(options, text);
                else if (flag == "time-format") options.time_format = text;
                else if (flag == "src-crs") options.source_crs = text;
                else if (flag == "datum") options.datum = text == "bd09" ? geo::ChineseDatum::bd09 : geo::ChineseDatum::gcj02;
                else if (flag == "replace") options.replace = true;
                else if (flag == "skip-invalid") options.skip_invalid = true;
            });
            continue;
        }
        header = false;
        content += line;
        content += '\n';
    }
    if (!flags_ok) return 0;

    const std::string path = std::string("/vsimem/fuzz.") + extensions[format];
    VSIFCloseL(VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(content.data()),
                                     static_cast<vsi_l_offset>(content.size()), FALSE));
    options.source = path;
    fuzz::accepts([&] {
        const geo::PreparedImport prepared = geo::prepare_import(sample_rows(kind), options);
        fuzz::require(prepared.result.imported == prepared.change.rows.size(), "imported counts the rows");
        for (const auto& row : prepared.change.rows) fuzz::require(row.get("id") != nullptr, "every row has an id");
        for (const auto& r : prepared.result.rejected) fuzz::require(!r.file.empty(), "a rejection names the file");
    });
    VSIUnlink(path.c_str());
    return 0;
}
