#pragma once
// Reads a GDAL vector source (any format GDAL opens, PostGIS included) into memory as
// source features: geometry in the source CRS and field values under the source's names.
// OSM PBF/XML sources are read through osm_source.h into the roads/buildings vocabulary.
#include <optional>
#include <string>
#include <vector>

#include <ogr_spatialref.h>

#include "geo/io/ogr_geometry.h"
#include "geo/io/row.h"
#include "geo/model/layer_schema.h"

namespace geo {

struct SourceFeature {
    std::string label;        // how messages name it: the source's feature id
    OgrGeometryPtr geometry;  // null when the source has none
    std::string geometry_problem;  // why --lonlat/--wkt columns gave no geometry
    std::map<std::string, FieldValue> fields;
};

struct SourceLayer {
    std::string file_label;   // file name (or connection) for messages
    std::string layer_name;
    std::optional<OGRSpatialReference> srs;
    std::vector<std::string> field_names;  // in source order
    std::vector<SourceFeature> features;
    bool fields_are_ours = false;  // the OSM adapter already speaks our schema
    std::vector<std::string> notes;  // what the reader left out, as sentences
};

struct SourceRequest {
    std::string path;           // file, /vsizip/..., PG:... connection
    std::string layer;          // --source-layer; empty = the only / first layer
    std::string lonlat_x, lonlat_y;  // --lonlat columns
    std::string wkt_column;     // --wkt column
    LayerKind target = LayerKind::incidents;
    std::string zone;           // workspace time zone, for GDAL dates without one
};

// BadInput when the source cannot be opened, the layer is missing, or a --lonlat/--wkt
// column is absent.
SourceLayer read_source(const SourceRequest& request);

// True for .osm / .pbf / .osm.pbf paths (read through the OSM adapter).
bool is_osm_path(const std::string& path);

// The name messages use for a source path: the file name, or the connection without password.
std::string source_label(const std::string& path);

}  // namespace geo
