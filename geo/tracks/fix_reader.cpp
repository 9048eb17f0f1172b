#include "geo/tracks/fix_reader.h"

#include <filesystem>

#include <cpl_conv.h>

#include "geo/io/gdal_handles.h"
#include "geo/io/source_reader.h"
#include "geo/tracks/feature_fixes.h"
#include "geo/util/error.h"

namespace geo {
namespace {

// What to read from one layer: its name, the fields of a fix (and a CSV's coordinate columns).
struct LayerPlan {
    std::string name;
    FixFieldNames fields;
    bool coordinates_in_columns = false;  // no geometry: a CSV
};

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// GPX waypoints and routes are left out: a note says how many.
std::string gpx_left_out(GDALDataset& ds, const std::string& label) {
    std::string out;
    for (const std::string name : {"waypoint", "route"}) {
        OGRLayer* layer = ds.GetLayerByName((name + "s").c_str());
        const GIntBig count = layer ? layer->GetFeatureCount() : 0;
        if (count > 0) out += (out.empty() ? "" : " and ") + std::to_string(count) + " " + name + (count > 1 ? "s" : "");
    }
    return out.empty() ? out : label + ": " + out + " left out (only track points make tracks)";
}

// `name_layer`: messages name the layer (the file has several, as KML folders).
LayerPlan plan_layer(OGRLayer& layer, bool gpx, bool name_layer, const std::string& label) {
    LayerPlan plan;
    plan.name = layer.GetName();
    OGRFeatureDefn& defn = *layer.GetLayerDefn();
    std::vector<std::string> names;
    for (int i = 0; i < defn.GetFieldCount(); ++i) names.push_back(defn.GetFieldDefn(i)->GetNameRef());
    plan.fields = find_fix_fields(names, gpx);
    if (!plan.fields.time.empty()) {
        const OGRFieldType type = defn.GetFieldDefn(defn.GetFieldIndex(plan.fields.time.c_str()))->GetType();
        plan.fields.typed_time = type == OFTDateTime || type == OFTDate;
    }
    plan.coordinates_in_columns = defn.GetGeomFieldCount() == 0;
    if (plan.coordinates_in_columns && plan.fields.x_column.empty())
        throw BadInput(label + ": has no lon,lat columns (nor longitude,latitude, lng,lat or x,y); columns: " +
                       joined(names));
    if (plan.fields.time.empty() && plan.fields.vertex_times.empty())
        throw BadInput(label + ": " + (name_layer ? "layer " + plan.name + " " : "") +
                       "has no time field (time, timestamp) nor a time per vertex (coordTimes); fields: " +
                       joined(names));
    return plan;
}

}  // namespace

FixFile read_fixes(const std::string& path, const std::string& zone) {
    FixFile out;
    out.label = source_label(path);
    // GDAL's GeoJSON driver gives a list of text (togeojson's coordTimes for a line) as a
    // StringList, a list of lists (for a multi-line) as JSON text; this makes both JSON text,
    // read in one way (line_fixes.cpp). Thread-local, undone when this returns.
    CPLConfigOptionSetter arrays_as_json("OGR_GEOJSON_ARRAY_AS_STRING", "YES", false);

    std::vector<LayerPlan> plans;
    {
        GdalDatasetPtr ds = open_vector(path, false);
        if (!ds)
            throw BadInput(out.label + (std::filesystem::exists(path)
                                            ? ": GDAL cannot read it as a vector source (" +
                                                  last_gdal_error("unrecognised format") + ")"
                                            : ": no such file"));
        const bool gpx = std::string(ds->GetDriver()->GetDescription()) == "GPX";
        if (gpx) {
            OGRLayer* points = ds->GetLayerByName("track_points");
            if (!points) throw BadInput(out.label + ": GPX without a track_points layer");
            plans.push_back(plan_layer(*points, true, false, out.label));
            if (auto note = gpx_left_out(*ds, out.label); !note.empty()) out.notes.push_back(note);
        } else {
            for (int i = 0; i < ds->GetLayerCount(); ++i) {
                OGRLayer& layer = *ds->GetLayer(i);
                // An empty KML folder is a layer too: nothing to read there.
                if (layer.GetFeatureCount() != 0)
                    plans.push_back(plan_layer(layer, false, ds->GetLayerCount() > 1, out.label));
            }
        }
    }

    for (const LayerPlan& plan : plans) {
        SourceRequest request;
        request.path = path;
        request.layer = plan.name;
        if (plan.coordinates_in_columns) {
            request.lonlat_x = plan.fields.x_column;
            request.lonlat_y = plan.fields.y_column;
        }
        request.zone = zone;
        const SourceLayer source = read_source(request);
        out.notes.insert(out.notes.end(), source.notes.begin(), source.notes.end());
        const FixContext context{plan.fields, plans.size() > 1 ? plan.name + ":" : "", zone};
        FixLayer layer;
        layer.srs = source.srs;
        for (const SourceFeature& feature : source.features)
            for (SourceFix& fix : fixes_of(feature, context)) layer.fixes.push_back(std::move(fix));
        out.layers.push_back(std::move(layer));
    }
    return out;
}

}  // namespace geo
