#pragma once
// The incidents a heatmap needs, as a store query (geo/io/incident_query.h), so that
// `patrolmap heatmap` on a city database reads its window and box, not the whole table. The
// surface is the one make_heatmap gives over every incident; only what cannot change it is left
// out:
// - the time window (--from/--to) always: make_heatmap keeps nothing outside it;
// - a box only with both --extent and --radius (a default bandwidth is a rule over every
//   selected incident, and the default grid follows the neighbourhoods): the grid's extent grown
//   by the bandwidth plus one cell, since every kernel is 0 at and beyond the bandwidth; and not
//   with a half-life and no window end, whose reference is the latest incident of all;
// - a station when one is asked for (a station's heatmap, not the city's);
// - the neighbourhoods only for the default grid or per-capita rates.
// With a box, Heatmap::incidents counts those within the grid's reach.
#include <string>

#include "geo/density/heatmap.h"
#include "geo/io/incident_query.h"

namespace geo {

IncidentQuery heatmap_incident_query(const HeatmapOptions& options, const std::string& station_id = {});

// Whether the query reads less than every incident (a window, a box or a station).
bool is_narrowed(const IncidentQuery& query);

}  // namespace geo
