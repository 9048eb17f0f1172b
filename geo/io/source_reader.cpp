#include "geo/io/source_reader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/io/ogr_fields.h"
#include "geo/io/osm_source.h"
#include "geo/util/error.h"

namespace geo {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string layer_list(GDALDataset& ds) {
    std::string out;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        if (i) out += ", ";
        out += ds.GetLayer(i)->GetName();
    }
    return out;
}


int find_field(OGRFeatureDefn& defn, const std::string& name) {
    for (int i = 0; i < defn.GetFieldCount(); ++i)
        if (lower(defn.GetFieldDefn(i)->GetNameRef()) == lower(name)) return i;
    return -1;
}

}  // namespace

bool is_osm_path(const std::string& path) {
    const std::string p = lower(path);
    auto ends = [&](const std::string& suffix) {
        return p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return ends(".osm") || ends(".pbf") || ends(".osm.bz2");
}

std::string source_label(const std::string& path) {
    if (path.rfind("PG:", 0) == 0) {
        // Keep the connection readable but never print a password.
        std::string out = path;
        auto pos = out.find("password=");
        if (pos != std::string::npos) {
            auto end = out.find(' ', pos);
            out.replace(pos, (end == std::string::npos ? out.size() : end) - pos, "password=***");
        }
        return out;
    }
    return std::filesystem::path(path).filename().string();
}

SourceLayer read_source(const SourceRequest& request) {
    const std::string label = source_label(request.path);
    if (is_osm_path(request.path)) return read_osm_source(request, label);

    GdalDatasetPtr ds = open_vector(request.path, false);
    if (!ds) {
        const bool exists = request.path.rfind("PG:", 0) == 0 ||
                            request.path.rfind("/vsi", 0) == 0 ||
                            std::filesystem::exists(request.path);
        throw BadInput(label + (exists ? ": GDAL cannot read it as a vector source (" +
                                             last_gdal_error("unrecognised format") + ")"
                                       : ": no such file"));
    }
    OGRLayer* layer = nullptr;
    if (!request.layer.empty()) {
        layer = ds->GetLayerByName(request.layer.c_str());
        if (!layer)
            throw BadInput(label + ": no layer '" + request.layer + "' (layers: " +
                           layer_list(*ds) + ")");
    } else {
        if (ds->GetLayerCount() == 0) throw BadInput(label + ": has no vector layer");
        if (ds->GetLayerCount() > 1)
            throw BadInput(label + ": has several layers (" + layer_list(*ds) +
                           "); choose one with --source-layer");
        layer = ds->GetLayer(0);
    }

    SourceLayer out;
    out.file_label = label;
    out.layer_name = layer->GetName();
    out.srs = copy_srs(layer->GetSpatialRef());
    OGRFeatureDefn& defn = *layer->GetLayerDefn();

    int x_index = -1, y_index = -1, wkt_index = -1;
    auto require = [&](const std::string& name, const char* flag) {
        const int index = find_field(defn, name);
        if (index < 0) {
            std::string fields;
            for (int i = 0; i < defn.GetFieldCount(); ++i)
                fields += (i ? ", " : "") + std::string(defn.GetFieldDefn(i)->GetNameRef());
            throw BadInput(label + ": " + flag + " names column '" + name +
                           "', which it does not have (columns: " + fields + ")");
        }
        return index;
    };
    if (!request.lonlat_x.empty()) {
        x_index = require(request.lonlat_x, "--lonlat");
        y_index = require(request.lonlat_y, "--lonlat");
    }
    if (!request.wkt_column.empty()) wkt_index = require(request.wkt_column, "--wkt");

    for (int i = 0; i < defn.GetFieldCount(); ++i)
        if (i != x_index && i != y_index && i != wkt_index)
            out.field_names.push_back(defn.GetFieldDefn(i)->GetNameRef());

    layer->ResetReading();
    CPLErrorReset();
    for (auto& f : *layer) {
        SourceFeature sf;
        sf.label = std::to_string(f->GetFID());
        for (int i = 0; i < defn.GetFieldCount(); ++i)
            if (i != x_index && i != y_index && i != wkt_index)
                sf.fields.emplace(defn.GetFieldDefn(i)->GetNameRef(),
                                  get_value(*f, i, request.zone));
        if (x_index >= 0) {
            // Columns may hold text (CSV): parse strictly and say what is wrong.
            auto number = [&](int index, const std::string& column) -> std::optional<double> {
                if (!f->IsFieldSetAndNotNull(index) || !*f->GetFieldAsString(index)) {
                    sf.geometry_problem = "column " + column + " is empty";
                    return std::nullopt;
                }
                const char* text = f->GetFieldAsString(index);
                char* end = nullptr;
                const double v = std::strtod(text, &end);
                if (end == text || *end != '\0' || !std::isfinite(v)) {
                    sf.geometry_problem = "column " + column + " '" + text + "' is not a finite number";
                    return std::nullopt;
                }
                return v;
            };
            auto x = number(x_index, request.lonlat_x);
            auto y = x ? number(y_index, request.lonlat_y) : std::nullopt;
            if (x && y) sf.geometry.reset(new OGRPoint(*x, *y));
        } else if (wkt_index >= 0) {
            OGRGeometry* g = nullptr;
            const char* wkt = f->GetFieldAsString(wkt_index);
            if (OGRGeometryFactory::createFromWkt(wkt, nullptr, &g) == OGRERR_NONE) sf.geometry.reset(g);
            else sf.geometry_problem = "column " + request.wkt_column + " '" + wkt + "' is not WKT";
        } else if (const OGRGeometry* g = f->GetGeometryRef()) {
            sf.geometry.reset(g->clone());
        }
        out.features.push_back(std::move(sf));
    }
    if (CPLGetLastErrorType() >= CE_Failure)
        throw BadInput(label + ": reading failed: " + last_gdal_error());
    return out;
}

}  // namespace geo
