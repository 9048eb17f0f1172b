#pragma once
// Coordinate reference systems through GDAL/PROJ. Everything metric happens in the
// workspace's projected CRS; lon/lat appear only at the edges (import, export, cursor).
#include <memory>
#include <optional>
#include <string>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include "geo/model/geometry.h"

namespace geo {

// Parses "EPSG:4549", WKT, PROJ strings ... with lon/lat (traditional GIS) axis order.
// Throws BadInput naming `what` when GDAL does not recognise it.
OGRSpatialReference make_srs(const std::string& text, const std::string& what = "CRS");
// The same, for an SRS read from a file (may be null); result has traditional axis order.
std::optional<OGRSpatialReference> copy_srs(const OGRSpatialReference* srs);

// "EPSG:n" when GDAL can identify the SRS with an EPSG code, else its WKT.
std::string srs_to_text(const OGRSpatialReference& srs);

// True when the SRS is projected with metre units: what a workspace needs.
bool is_metric_projected(const OGRSpatialReference& srs);

// The metric CRS a workspace takes when created without --crs: in China the CGCS2000
// 3-degree Gauss-Krüger zone (EPSG:4534..4554, central meridians 75°E..135°E, e.g. EPSG:4549
// for 120°E), elsewhere the WGS84 UTM zone (EPSG:326zz north, 327zz south).
std::string metric_crs_for(double lon, double lat);

// Rough mainland-China-and-near-seas test used to pick Gauss-Krüger over UTM.
bool in_china(double lon, double lat);

// The CRS's area of use (degrees) as PROJ knows it, if any.
struct LonLatBox {
    double west, south, east, north;
    bool contains(double lon, double lat, double margin_deg = 0) const;
};
std::optional<LonLatBox> area_of_use(const OGRSpatialReference& srs);

// A point-wise transformation; owns its OGRCoordinateTransformation.
class Transform {
public:
    Transform(const OGRSpatialReference& from, const OGRSpatialReference& to);
    ~Transform();
    Transform(Transform&&) noexcept;
    Transform& operator=(Transform&&) noexcept;

    // nullopt when PROJ cannot transform the point (outside the projection's domain).
    std::optional<XY> apply(XY p) const;
    // In place on a GDAL geometry; false when any vertex fails.
    bool apply(OGRGeometry& geometry) const;
    // Unwrapped access for GDAL calls that take one.
    OGRCoordinateTransformation* get() const { return ct_.get(); }

private:
    struct Deleter {
        void operator()(OGRCoordinateTransformation* ct) const;
    };
    std::unique_ptr<OGRCoordinateTransformation, Deleter> ct_;
};

// WGS84 lon/lat (EPSG:4326, traditional order).
OGRSpatialReference wgs84();

}  // namespace geo
