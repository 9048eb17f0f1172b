#pragma once
// One officer's visits for one day, in order: what a route sheet prints and a GPX carries.
// The weekly planner produces these; the sheet, GPX and GeoJSON writers only read them.
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct RouteStop {
    std::string building_id;
    std::string address;
    std::string neighbourhood;            // its name
    std::int64_t households = 0;
    std::vector<std::string> reasons;     // why this stop (Chinese, for the officer)
    std::vector<std::string> talking_points;
    XY location;
    double arrival_min = 0;               // minutes after the day's start the visit begins, any wait for its window included
    double service_min = 0;
    std::string window;                   // the visit window in local time, "14:00-17:30"; empty: none
};

struct DayRoute {
    std::string officer_id;
    std::string officer_name;
    std::string date;                     // "2021-06-14"
    std::string weekday;                  // "周一"
    std::string start_time = "09:00";     // local time the route starts
    XY post;                              // where the route starts and ends
    std::string post_name;
    std::vector<RouteStop> stops;
    LineString path;                      // along the streets, post to post
    double distance_m = 0;
    double duration_min = 0;              // walking, waiting for windows and visits
};

}  // namespace geo
