// Repeat places: by building id when the cases carry one, by distance otherwise.
#include <doctest/doctest.h>

#include "geo/planning/iso_week.h"
#include "geo/review/repeats.h"
#include "geo/util/time_parse.h"

using namespace geo;

namespace {
Incident at(const std::string& id, const std::string& time, XY where, const std::string& building = {}) {
    Incident i;
    i.id = id;
    i.time = *parse_iso8601(time, "Asia/Shanghai");
    i.location = where;
    if (!building.empty()) i.extras["building_id"] = building;
    return i;
}
}  // namespace

TEST_CASE("The week's cases at a building or a spot hit before") {
    District d;
    d.incidents = {at("old1", "2021-03-01T10:00", {0, 0}, "B1"), at("old2", "2021-05-01T10:00", {500, 0}, "B1"),
                   at("new1", "2021-06-15T10:00", {250, 0}, "B1"),                 // B1 again (ids match, places differ)
                   at("old3", "2021-06-01T10:00", {1000, 1000}), at("new2", "2021-06-16T10:00", {1005, 1003}),  // 5.8 m
                   at("new3", "2021-06-17T10:00", {3000, 3000}),                   // first time
                   at("ancient", "2019-01-01T10:00", {3000, 3000})};               // beyond the look-back
    const auto week = *parse_iso_week("2021-W24", "Asia/Shanghai");
    const auto r = repeat_places(d, IncidentFilter{}, week);
    REQUIRE(r.size() == 2);
    CHECK(r[0].building_id == "B1");
    CHECK(r[0].cases == std::vector<std::string>{"new1"});
    CHECK(r[0].earlier == 2);
    CHECK(r[0].first_earlier == d.incidents[0].time);
    CHECK(r[1].building_id.empty());
    CHECK(r[1].cases == std::vector<std::string>{"new2"});
    CHECK(r[1].earlier == 1);
}
