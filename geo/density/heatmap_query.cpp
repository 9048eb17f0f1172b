#include "geo/density/heatmap_query.h"

#include "geo/density/grid.h"

namespace geo {

IncidentQuery heatmap_incident_query(const HeatmapOptions& options, const std::string& station_id) {
    IncidentQuery query;
    query.window = options.filter.window;
    query.station_id = station_id;
    query.neighbourhoods = !options.extent || options.per_capita;  // the default grid, or the people
    query.extra_fields = false;  // a surface of the schema's fields (and PostGIS's index-only scan)
    const bool decay_from_latest = options.half_life_days && !(options.filter.window && options.filter.window->to != Timestamp::max());
    if (options.extent && options.radius_m && options.cell_m > 0 && !decay_from_latest)
        query.box = grid_from_corner(*options.extent, options.cell_m).extent().grown(*options.radius_m + options.cell_m);
    return query;
}

bool is_narrowed(const IncidentQuery& query) { return query.window || query.box || !query.station_id.empty(); }

}  // namespace geo
