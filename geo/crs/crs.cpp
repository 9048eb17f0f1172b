#include "geo/crs/crs.h"

#include <algorithm>
#include <cmath>

#include <ogr_geometry.h>

#include "geo/util/error.h"

namespace geo {

OGRSpatialReference make_srs(const std::string& text, const std::string& what) {
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (text.empty() || srs.SetFromUserInput(text.c_str()) != OGRERR_NONE)
        throw BadInput(what + " '" + text + "' is not a CRS GDAL knows (try EPSG:4549)");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::optional<OGRSpatialReference> copy_srs(const OGRSpatialReference* srs) {
    if (!srs) return std::nullopt;
    OGRSpatialReference copy(*srs);
    copy.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return copy;
}

std::string srs_to_text(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code && std::string(authority) == "EPSG") return std::string("EPSG:") + code;
    // Try to identify a WKT that came without its code (e.g. a Shapefile's .prj).
    OGRSpatialReference probe(srs);
    if (probe.AutoIdentifyEPSG() == OGRERR_NONE) {
        authority = probe.GetAuthorityName(nullptr);
        code = probe.GetAuthorityCode(nullptr);
        if (authority && code) return std::string(authority) + ":" + code;
    }
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

bool is_metric_projected(const OGRSpatialReference& srs) {
    if (!srs.IsProjected()) return false;
    return std::abs(srs.GetLinearUnits(nullptr) - 1.0) < 1e-9;
}

bool in_china(double lon, double lat) {
    return lon >= 73.0 && lon <= 135.5 && lat >= 17.5 && lat <= 54.0;
}

std::string metric_crs_for(double lon, double lat) {
    if (in_china(lon, lat)) {
        // 3-degree zones: central meridian 3·round(lon/3), EPSG:4534 (75°E) … EPSG:4554 (135°E).
        int cm = 3 * static_cast<int>(std::lround(lon / 3.0));
        cm = std::clamp(cm, 75, 135);
        return "EPSG:" + std::to_string(4534 + (cm - 75) / 3);
    }
    int zone = static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1;
    zone = std::clamp(zone, 1, 60);
    return "EPSG:" + std::to_string((lat >= 0 ? 32600 : 32700) + zone);
}

bool LonLatBox::contains(double lon, double lat, double margin_deg) const {
    if (lat < south - margin_deg || lat > north + margin_deg) return false;
    if (west <= east) return lon >= west - margin_deg && lon <= east + margin_deg;
    return lon >= west - margin_deg || lon <= east + margin_deg;  // crosses the antimeridian
}

std::optional<LonLatBox> area_of_use(const OGRSpatialReference& srs) {
    double west, south, east, north;
    const char* name = nullptr;
    if (srs.GetAreaOfUse(&west, &south, &east, &north, &name) && west > -1000)
        return LonLatBox{west, south, east, north};
    OGRSpatialReference probe(srs);
    if (probe.AutoIdentifyEPSG() == OGRERR_NONE || probe.FindBestMatch(90) != nullptr) {
        const char* code = probe.GetAuthorityCode(nullptr);
        if (code) {
            OGRSpatialReference by_code;
            if (by_code.importFromEPSG(std::atoi(code)) == OGRERR_NONE &&
                by_code.GetAreaOfUse(&west, &south, &east, &north, &name) && west > -1000)
                return LonLatBox{west, south, east, north};
        }
    }
    // Last resort: match the WKT against PROJ's database.
    int matches = 0;
    int* confidence = nullptr;
    OGRSpatialReferenceH* candidates = srs.FindMatches(nullptr, &matches, &confidence);
    std::optional<LonLatBox> found;
    for (int i = 0; i < matches && !found; ++i) {
        auto* candidate = OGRSpatialReference::FromHandle(candidates[i]);
        if (confidence[i] >= 70 &&
            candidate->GetAreaOfUse(&west, &south, &east, &north, &name) && west > -1000)
            found = LonLatBox{west, south, east, north};
    }
    OSRFreeSRSArray(candidates);
    CPLFree(confidence);
    return found;
}

void Transform::Deleter::operator()(OGRCoordinateTransformation* ct) const {
    OGRCoordinateTransformation::DestroyCT(ct);
}

Transform::Transform(const OGRSpatialReference& from, const OGRSpatialReference& to)
    : ct_(OGRCreateCoordinateTransformation(&from, &to)) {
    if (!ct_) throw BadInput("no coordinate transformation from " + srs_to_text(from) + " to " +
                             srs_to_text(to));
}
Transform::~Transform() = default;
Transform::Transform(Transform&&) noexcept = default;
Transform& Transform::operator=(Transform&&) noexcept = default;

std::optional<XY> Transform::apply(XY p) const {
    double x = p.x, y = p.y;
    if (!ct_->Transform(1, &x, &y) || !std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    return XY{x, y};
}

bool Transform::apply(OGRGeometry& geometry) const {
    return geometry.transform(ct_.get()) == OGRERR_NONE;
}

OGRSpatialReference wgs84() { return make_srs("EPSG:4326"); }

}  // namespace geo
