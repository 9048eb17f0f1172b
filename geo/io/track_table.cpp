#include "geo/io/track_table.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include <ogr_geometry.h>

#include "geo/crs/crs.h"
#include "geo/io/attribute_table.h"
#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {

namespace {

constexpr const char* kFields[] = {"id", "officer_id", "source", "mode", "started", "ended", "fixes"};

Track read_track(OGRFeature& f, const std::string& table) {
    Track t;
    t.id = f.GetFieldAsString("id");
    t.officer_id = f.GetFieldAsString("officer_id");
    t.source = f.GetFieldAsString("source");
    t.station_id = station_of(f);
    const auto mode = parse_enum<TrackMode>(f.GetFieldAsString("mode"));
    if (!mode) throw BadInput(table + " feature " + t.id + ": field mode '" + f.GetFieldAsString("mode") + "' is not " +
                              allowed_names<TrackMode>());
    t.mode = *mode;
    const OGRGeometry* g = f.GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString || !g->IsMeasured())
        throw BadInput(table + " feature " + t.id + ": geometry is not a LineStringM (a time per vertex)");
    const auto* line = g->toLineString();
    t.points.reserve(line->getNumPoints());
    for (int i = 0; i < line->getNumPoints(); ++i)
        t.points.push_back({{line->getX(i), line->getY(i)},
                            Timestamp(std::chrono::seconds(static_cast<std::int64_t>(std::llround(line->getM(i)))))});
    return t;
}

}  // namespace

std::vector<Track> read_tracks(GDALDataset& ds) {
    std::vector<Track> out;
    const std::string table(kTracksTable);
    OGRLayer* layer = ds.GetLayerByName(table.c_str());
    if (!layer) return out;
    layer->ResetReading();
    for (auto& f : *layer) out.push_back(read_track(*f, table));
    return out;
}

void write_tracks(GDALDataset& ds, const std::string& crs, const std::vector<Track>& tracks) {
    const std::string table(kTracksTable);
    OGRLayer* layer = ds.GetLayerByName(table.c_str());
    if (!layer) {
        OGRSpatialReference srs = make_srs(crs, "workspace CRS");
        layer = ds.CreateLayer(table.c_str(), &srs, wkbLineStringM, nullptr);
        if (!layer) throw IoError("cannot create layer " + table + ": " + last_gdal_error());
        for (const char* name : kFields) {
            OGRFieldDefn defn(name, std::string_view(name) == "fixes" ? OFTInteger64 : OFTString);
            if (layer->CreateField(&defn) != OGRERR_NONE) throw IoError("cannot create field " + table + "." + name + ": " + last_gdal_error());
        }
    }
    ensure_station_column(ds, *layer, table);
    clear_table(ds, table);
    for (const Track& t : tracks) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("id", t.id.c_str());
        f->SetField("officer_id", t.officer_id.c_str());
        f->SetField("source", t.source.c_str());
        f->SetField("mode", std::string(name_of(t.mode)).c_str());
        if (!t.points.empty()) {
            f->SetField("started", format_iso8601_utc(t.points.front().time).c_str());
            f->SetField("ended", format_iso8601_utc(t.points.back().time).c_str());
        }
        f->SetField("fixes", static_cast<GIntBig>(t.points.size()));
        set_station(*f, t.station_id);
        auto line = std::make_unique<OGRLineString>();
        line->setMeasured(TRUE);
        line->setNumPoints(static_cast<int>(t.points.size()));
        for (int i = 0; i < static_cast<int>(t.points.size()); ++i) {
            const TrackPoint& p = t.points[i];
            line->setPointM(i, p.at.x, p.at.y, static_cast<double>(p.time.time_since_epoch().count()));
        }
        f->SetGeometryDirectly(line.release());
        if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw IoError("cannot write to layer " + table + ": " + last_gdal_error());
    }
}

std::vector<Track> merge_tracks(std::vector<Track> theirs, const std::vector<Track>& added) {
    // The same file imported again replaces all it gave before, also a track it no longer gives.
    std::set<std::string> sources, ids;
    for (const Track& t : added) sources.insert(t.source), ids.insert(t.id);
    std::erase_if(theirs, [&](const Track& o) { return sources.count(o.source) > 0 || ids.count(o.id) > 0; });
    theirs.insert(theirs.end(), added.begin(), added.end());
    std::stable_sort(theirs.begin(), theirs.end(), [](const Track& a, const Track& b) { return a.id < b.id; });
    return theirs;
}

}  // namespace geo
