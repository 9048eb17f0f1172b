#pragma once
// OpenStreetMap extracts (.osm.pbf, .osm) through GDAL's OSM driver: `roads` take highway
// lines with class, one-way and speed from the tags; `buildings` take building polygons.
#include <map>
#include <string>

#include "geo/io/source_reader.h"

namespace geo {

SourceLayer read_osm_source(const SourceRequest& request, const std::string& label);

// Parses GDAL's other_tags column ("k"=>"v","k2"=>"v2") into a map.
std::map<std::string, std::string> parse_osm_other_tags(const std::string& hstore);

// highway=* → our road class; nullopt for ways that are not roads (construction, platform ...).
std::optional<RoadClass> road_class_for_highway(const std::string& highway,
                                                const std::string& service);

// maxspeed=* → km/h ("50", "30 mph"); nullopt when absent or not a number.
std::optional<double> osm_speed_kmh(const std::string& maxspeed);

}  // namespace geo
