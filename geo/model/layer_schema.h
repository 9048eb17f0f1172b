#pragma once
// The workspace schema: which layers exist, their geometry and fields, what is required and
// what each optional field defaults to. Import, export, the GeoPackage writer and the README's
// field table all read this one table.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace geo {

enum class LayerKind { neighbourhoods, officers, incidents, posters, buildings, sites, roads, warnings, vehicles, sightings, stations };

enum class FieldKind {
    text,
    integer,      // 64-bit
    real,
    datetime,     // stored in UTC
    boolean,
    enumeration,  // one of `allowed`
    flags,        // comma-separated subset of `allowed`
};

enum class GeometryKind {
    point,
    optional_point,    // may be empty (an officer posted at a site)
    polygon,           // stored as MultiPolygon
    point_or_polygon,  // a building: footprint or address point
    line,              // stored as MultiLineString
    none,              // a table without geometry (a vehicle register); a source's geometry is ignored
};

struct FieldSpec {
    std::string_view name;
    FieldKind kind;
    bool required = false;
    std::string_view default_value;  // as stored; empty means NULL / empty text
    double min = 0, max = 0;         // for integer and real: allowed range (inclusive)
    std::span<const std::string_view> allowed = {};  // for enumeration and flags
    std::string_view meaning;        // one line for the README and --help
};

struct LayerSpec {
    LayerKind kind;
    std::string_view name;
    GeometryKind geometry;
    std::span<const FieldSpec> fields;
    std::string_view meaning;

    const FieldSpec* field(std::string_view field_name) const;
};

const LayerSpec& layer_spec(LayerKind kind);
std::span<const LayerSpec> all_layer_specs();
std::optional<LayerKind> parse_layer_kind(std::string_view name);
std::string layer_names_list();  // "neighbourhoods, officers, ... or sightings"

// The GeoPackage table holding workspace metadata (key, value).
inline constexpr std::string_view kMetadataTable = "patrolmap_metadata";
inline constexpr int kSchemaVersion = 1;

}  // namespace geo
