#include "geo/report/route_exports.h"

#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

// Creates `out` with `driver` as a pending file, lets `fill` write it, then puts it in place.
template <class Fill>
void write_with(const char* driver_name, const fs::path& out, Fill&& fill) {
    ensure_gdal_ready();
    PendingFile pending(out);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver) throw InternalError(std::string("GDAL has no ") + driver_name + " driver");
    {
        GdalDatasetPtr ds(driver->Create(pending.path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw IoError("cannot create " + out.string() + ": " + last_gdal_error());
        fill(*ds);
    }
    pending.commit();
}

OGRPoint lonlat_point(const Transform& t, XY p) {
    const auto ll = t.apply(p);
    if (!ll) throw InternalError("cannot transform a route point to WGS84");
    return OGRPoint(ll->x, ll->y);
}

OGRLineString lonlat_line(const Transform& t, const LineString& line) {
    OGRLineString out;
    for (const XY& p : line) {
        const auto ll = t.apply(p);
        if (!ll) throw InternalError("cannot transform the route to WGS84");
        out.addPoint(ll->x, ll->y);
    }
    return out;
}

}  // namespace

void write_route_gpx(const DayRoute& route, const std::string& workspace_crs, const fs::path& out) {
    const Transform to_lonlat(make_srs(workspace_crs), wgs84());
    write_with("GPX", out, [&](GDALDataset& ds) {
        OGRSpatialReference srs = wgs84();
        OGRLayer* waypoints = ds.CreateLayer("waypoints", &srs, wkbPoint, nullptr);
        OGRLayer* routes = ds.CreateLayer("routes", &srs, wkbLineString, nullptr);
        if (!waypoints || !routes) throw IoError("cannot create GPX layers: " + last_gdal_error());
        for (std::size_t k = 0; k < route.stops.size(); ++k) {
            const RouteStop& s = route.stops[k];
            OgrFeaturePtr f(OGRFeature::CreateFeature(waypoints->GetLayerDefn()));
            f->SetField("name", (std::to_string(k + 1) + " " + s.address).c_str());
            f->SetField("desc", (std::to_string(s.households) + "户；" + joined(s.reasons, "；")).c_str());
            OGRPoint p = lonlat_point(to_lonlat, s.location);
            f->SetGeometry(&p);
            if (waypoints->CreateFeature(f.get()) != OGRERR_NONE) throw IoError("cannot write GPX: " + last_gdal_error());
        }
        OgrFeaturePtr f(OGRFeature::CreateFeature(routes->GetLayerDefn()));
        f->SetField("name", (route.officer_name + " " + route.date).c_str());
        OGRLineString line = lonlat_line(to_lonlat, route.path);
        f->SetGeometry(&line);
        if (routes->CreateFeature(f.get()) != OGRERR_NONE) throw IoError("cannot write GPX: " + last_gdal_error());
    });
}

void write_route_geojson(const DayRoute& route, const std::string& workspace_crs, const fs::path& out) {
    const Transform to_lonlat(make_srs(workspace_crs), wgs84());
    write_with("GeoJSON", out, [&](GDALDataset& ds) {
        OGRSpatialReference srs = wgs84();
        OGRLayer* layer = ds.CreateLayer("route", &srs, wkbUnknown, nullptr);
        if (!layer) throw IoError("cannot create " + out.string() + ": " + last_gdal_error());
        for (const char* name : {"kind", "order", "officer_id", "date", "building_id", "address", "reasons", "talking_points"}) {
            OGRFieldDefn defn(name, std::string(name) == "order" ? OFTInteger : OFTString);
            layer->CreateField(&defn);
        }
        OGRFieldDefn households("households", OFTInteger64), arrival("arrival_min", OFTReal), distance("distance_m", OFTReal),
            duration("duration_min", OFTReal);
        layer->CreateField(&households);
        layer->CreateField(&arrival);
        layer->CreateField(&distance);
        layer->CreateField(&duration);
        OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("kind", "route");
        f->SetField("officer_id", route.officer_id.c_str());
        f->SetField("date", route.date.c_str());
        f->SetField("distance_m", route.distance_m);
        f->SetField("duration_min", route.duration_min);
        OGRLineString line = lonlat_line(to_lonlat, route.path);
        f->SetGeometry(&line);
        if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw IoError("cannot write " + out.string());
        for (std::size_t k = 0; k < route.stops.size(); ++k) {
            const RouteStop& s = route.stops[k];
            OgrFeaturePtr stop(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            stop->SetField("kind", "stop");
            stop->SetField("order", static_cast<int>(k + 1));
            stop->SetField("officer_id", route.officer_id.c_str());
            stop->SetField("date", route.date.c_str());
            stop->SetField("building_id", s.building_id.c_str());
            stop->SetField("address", s.address.c_str());
            stop->SetField("households", static_cast<GIntBig>(s.households));
            stop->SetField("arrival_min", s.arrival_min);
            stop->SetField("reasons", joined(s.reasons, "；").c_str());
            stop->SetField("talking_points", joined(s.talking_points, "；").c_str());
            OGRPoint p = lonlat_point(to_lonlat, s.location);
            stop->SetGeometry(&p);
            if (layer->CreateFeature(stop.get()) != OGRERR_NONE) throw IoError("cannot write " + out.string());
        }
    });
}

}  // namespace geo
