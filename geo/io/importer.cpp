#include "geo/io/importer.h"

#include <algorithm>
#include <set>

#include "geo/crs/crs.h"
#include "geo/io/feature_validation.h"
#include "geo/io/layer_references.h"
#include "geo/io/ogr_geometry.h"
#include "geo/io/source_reader.h"
#include "geo/io/workspace_store.h"
#include "geo/util/csv_writer.h"
#include "geo/util/error.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

bool has_any_geometry(const SourceLayer& source) {
    return std::any_of(source.features.begin(), source.features.end(),
                       [](const SourceFeature& f) { return f.geometry && !f.geometry->IsEmpty(); });
}

// The source CRS: --src-crs, else the source's own, else WGS84 for --lonlat/--wkt columns.
// A source without a single geometry for a layer that needs none (a vehicle register, sightings
// placed at their cameras: a plain CSV) needs no CRS either: the workspace's, or WGS84 before
// the workspace has one.
OGRSpatialReference source_srs(const SourceLayer& source, const ImportOptions& options, const Metadata& metadata) {
    if (!options.source_crs.empty()) return make_srs(options.source_crs, "--src-crs");
    if (source.srs) return *source.srs;
    if (!options.lonlat_x.empty() || !options.wkt_column.empty()) return wgs84();
    const GeometryKind geometry = layer_spec(options.kind).geometry;
    if ((geometry == GeometryKind::none || geometry == GeometryKind::optional_point) && !has_any_geometry(source))
        return metadata.crs.empty() ? wgs84() : make_srs(metadata.crs, "workspace CRS");
    throw BadInput(source.file_label + ": has no CRS; say which with --src-crs (e.g. EPSG:4326)");
}

// The workspace CRS for a workspace created without --crs: from the median lon/lat of the
// source's first vertices (the median shrugs off stray points such as x = 0).
std::string choose_workspace_crs(const SourceLayer& source, const Transform& to_lonlat,
                                 ChineseDatum datum) {
    std::vector<double> lons, lats;
    for (const auto& f : source.features) {
        if (!f.geometry || f.geometry->IsEmpty()) continue;
        OGRPoint first;
        if (auto* p = dynamic_cast<const OGRPoint*>(f.geometry.get())) first = *p;
        else {
            OGREnvelope e;
            f.geometry->getEnvelope(&e);
            first = OGRPoint((e.MinX + e.MaxX) / 2, (e.MinY + e.MaxY) / 2);
        }
        auto ll = to_lonlat.apply(XY{first.getX(), first.getY()});
        if (!ll || std::abs(ll->x) > 180 || std::abs(ll->y) > 90) continue;
        const LonLat fixed = to_wgs84(LonLat{ll->x, ll->y}, datum);
        lons.push_back(fixed.lon);
        lats.push_back(fixed.lat);
    }
    if (lons.empty())
        throw BadInput(source.file_label + ": no feature has a usable location to choose the "
                       "workspace CRS from; create the workspace with --crs");
    auto median = [](std::vector<double>& v) {
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return v[v.size() / 2];
    };
    return metric_crs_for(median(lons), median(lats));
}

std::optional<Envelope> district_envelope(const std::vector<Row>& neighbourhoods, const ImportOptions& options) {
    if (options.kind == LayerKind::neighbourhoods || options.kind == LayerKind::roads)
        return std::nullopt;
    Envelope e;
    for (const auto& row : neighbourhoods)
        if (const auto* mp = std::get_if<MultiPolygon>(&row.geometry)) e.expand(envelope_of(*mp));
    if (e.empty()) return std::nullopt;
    return e.grown(kDistrictMarginM);
}

}  // namespace

PreparedImport prepare_import(const fs::path& workspace, const ImportOptions& options) {
    // One open, one state: the metadata, the neighbourhoods (the district's extent), the
    // layer's rows as they are now (ids already there) and the layers its rows refer to (a
    // sighting's camera).
    std::vector<LayerKind> kinds = {LayerKind::neighbourhoods, options.kind};
    for (const LayerKind other : referenced_layers(options.kind)) kinds.push_back(other);
    return prepare_import(read_layers(workspace, kinds), options);
}

PreparedImport prepare_import(WorkspaceRows now, const ImportOptions& options) {
    PreparedImport prepared;
    ImportResult& result = prepared.result;
    Metadata& metadata = prepared.metadata;
    metadata = now.metadata;
    const LayerSpec& spec = layer_spec(options.kind);

    SourceRequest request{options.source, options.source_layer, options.lonlat_x,
                          options.lonlat_y, options.wkt_column, options.kind, metadata.timezone};
    const SourceLayer source = read_source(request);
    result.notes = source.notes;
    if (source.features.empty())
        throw BadInput(source.file_label + ": has no features to import");

    const OGRSpatialReference src = source_srs(source, options, metadata);
    if (options.datum != ChineseDatum::none && !src.IsGeographic())
        throw BadInput(source.file_label + ": --datum applies to lon/lat sources, but the "
                       "source CRS is projected (" + srs_to_text(src) + ")");
    const OGRSpatialReference lonlat = wgs84();
    const Transform to_lonlat(src, lonlat);

    if (metadata.crs.empty()) {
        metadata.crs = choose_workspace_crs(source, to_lonlat, options.datum);
        result.crs_chosen = true;
    }
    result.workspace_crs = metadata.crs;
    const OGRSpatialReference ws = make_srs(metadata.crs, "workspace CRS");
    const Transform to_workspace(src, ws);
    const Transform lonlat_to_workspace(lonlat, ws);

    GeometryContext geometry;
    geometry.spec = &spec;
    geometry.to_workspace = &to_workspace;
    geometry.to_lonlat = &to_lonlat;
    geometry.lonlat_to_workspace = &lonlat_to_workspace;
    geometry.datum = options.datum;
    geometry.source_area = area_of_use(src);
    geometry.source_crs_name = srs_to_text(src);
    if (geometry.source_crs_name.size() > 40) geometry.source_crs_name = "the source CRS";
    geometry.workspace_area = area_of_use(ws);
    geometry.workspace_crs_name = metadata.crs;
    geometry.district = district_envelope(now.rows[LayerKind::neighbourhoods], options);

    const FieldPlan plan = plan_fields(spec, source, options);

    std::set<std::string> existing_ids;
    if (!options.replace)
        for (const auto& row : now.rows[options.kind])
            if (const FieldValue* id = row.get("id")) existing_ids.insert(to_text(*id));

    LayerReferences references(options.kind, now, options.replace);
    LayerChange& change = prepared.change;
    change = LayerChange{options.kind, {}, options.replace};
    std::map<std::string, std::string> seen;  // id -> feature label
    std::vector<Rejection>& rejected = result.rejected;
    const std::size_t total = source.features.size();
    for (std::size_t i = 0; i < total; ++i) {
        const SourceFeature& feature = source.features[i];
        ValidatedFeature v = validate_feature(feature, source, plan, geometry, options,
                                              metadata.timezone);
        if (v.row) {
            const std::string id = to_text(*v.row->get("id"));
            if (existing_ids.count(id))
                v.rejection = Rejection{source.file_label, v.label, "id",
                                        "'" + id + "' is already in the workspace's " +
                                            std::string(spec.name) +
                                            " (use --replace to replace the layer)"};
            else if (auto [it, fresh] = seen.emplace(id, feature.label); !fresh)
                v.rejection = Rejection{source.file_label, feature.label, "id",
                                        "'" + id + "' repeats the id of feature " + it->second};
            else if (auto problem = references.complete(*v.row))
                v.rejection = Rejection{source.file_label, v.label, problem->field, problem->reason};
        }
        if (v.rejection) {
            rejected.push_back(*v.rejection);
        } else {
            if (!v.repaired.empty())
                result.repaired.push_back(Rejection{source.file_label, v.label, "", v.repaired}.sentence());
            change.rows.push_back(std::move(*v.row));
        }
        if (options.progress && (i % 2000 == 0 || i + 1 == total)) options.progress(i + 1, total);
    }

    if (!rejected.empty() && !options.skip_invalid) {
        std::string message = rejected.front().sentence();
        if (rejected.size() > 1)
            message += " (and " + std::to_string(rejected.size() - 1) +
                       " more; --skip-invalid imports the valid features and writes a report)";
        message += "; nothing was imported";
        throw BadInput(message);
    }
    result.imported = change.rows.size();
    return prepared;
}

ImportResult import_layer(const fs::path& workspace, const ImportOptions& options) {
    PreparedImport prepared = prepare_import(workspace, options);
    ImportResult& result = prepared.result;
    if (!result.rejected.empty()) result.report_path = write_rejection_report(workspace, std::string(layer_spec(options.kind).name), result.rejected);
    if (options.replace) result.replaced = count_features(workspace, options.kind);
    if (!prepared.change.rows.empty() || options.replace || result.crs_chosen)
        commit_changes(workspace, prepared.metadata, {std::move(prepared.change)});
    return result;
}

namespace {

// Beside a file workspace; for a database, in the current folder, named by the database
// ("PG:host=db dbname=yongkang" -> ./yongkang.rejected-incidents.csv).
fs::path rejection_report_path(const fs::path& workspace, const std::string& what) {
    if (!is_database_workspace(workspace.string()))
        return workspace.parent_path() / (workspace.stem().string() + ".rejected-" + what + ".csv");
    const std::string connection = workspace.string();
    std::string name = "database";
    if (const auto at = connection.find("dbname="); at != std::string::npos) {
        const auto from = at + 7;
        name = connection.substr(from, connection.find_first_of(" '\"", from) - from);
    }
    return fs::current_path() / (name + ".rejected-" + what + ".csv");
}

}  // namespace

std::string write_rejection_report(const fs::path& workspace, const std::string& what, const std::vector<Rejection>& rejected) {
    const fs::path path = rejection_report_path(workspace, what);
    CsvWriter csv(path);
    csv.row({"file", "feature", "field", "reason"});
    for (const auto& r : rejected) csv.row({r.file, r.feature, r.field, r.reason});
    csv.commit();
    return path.string();
}

}  // namespace geo
