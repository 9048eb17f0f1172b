// Profiling school-run vehicles on a literal district: the capacity rule (more aboard than the
// rated occupants, the driver counted on both sides), the school-run pattern (near a school,
// inside a window, on enough school days), the registration reasons, the ranking and the
// cameras' tallies.
//
//      C2 camera (3000, 0)                      far from any school
//
//      C1 camera (0, 0)   S school (500, 0)     C1 is 500 m from the school: near it
#include <doctest/doctest.h>

#include <algorithm>

#include "geo/transport/capacity.h"
#include "geo/transport/vehicle_profile.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

using namespace geo;

namespace {

Site site(const std::string& id, SiteKind kind, XY at) {
    Site s;
    s.id = id;
    s.kind = kind;
    s.location = at;
    return s;
}

Vehicle vehicle(const std::string& id, const std::string& plate, std::int64_t seats, VehicleUse use, bool licence) {
    Vehicle v;
    v.id = id;
    v.plate = plate;
    v.seats = seats;
    v.use = use;
    v.school_transport_licence = licence;
    return v;
}

Sighting seen(const std::string& camera, const std::string& plate, const char* local_time, std::optional<std::int64_t> aboard = {}) {
    static int n = 0;
    Sighting s;
    s.id = "K" + std::to_string(++n);
    s.camera_id = camera;
    s.plate = plate;
    s.time = *parse_iso8601(local_time, "Asia/Shanghai");
    s.occupants = aboard;
    return s;
}

// Week of Monday 7 June 2021.
District district() {
    District d;
    d.metadata.timezone = "Asia/Shanghai";
    d.sites = {site("C1", SiteKind::camera, {0, 0}), site("S", SiteKind::school, {500, 0}), site("C2", SiteKind::camera, {3000, 0})};
    d.vehicles = {
        vehicle("VAN", "浙G·G0X58", 6, VehicleUse::non_commercial, false),  // the report's van
        vehicle("BUS", "浙GB1234", 19, VehicleUse::school_bus, true),       // a licensed school bus
        vehicle("CAR", "浙GC5555", 5, VehicleUse::non_commercial, false),   // a parent
        vehicle("MINI", "浙GM7777", 14, VehicleUse::commercial, false),     // a shuttle, outside the windows
        vehicle("TAXI", "浙GT9999", 5, VehicleUse::commercial, false),      // once over capacity, far away
    };
    d.sightings = {
        // The van near the school: Monday morning, Tuesday afternoon, Wednesday 08:29:59 count;
        // Thursday 08:30 and Saturday do not; 13 aboard at the far camera on Friday.
        seen("C1", "浙GG0X58", "2021-06-07T07:30"), seen("C1", "浙gg0x58", "2021-06-08T16:00"),
        seen("C1", "浙G G0X58", "2021-06-09T08:29:59", 6), seen("C1", "浙GG0X58", "2021-06-10T08:30"),
        seen("C1", "浙GG0X58", "2021-06-12T07:30"), seen("C2", "浙GG0X58", "2021-06-11T16:40", 13),
        // The school bus and the parent near the school every morning, within their seats.
        seen("C1", "浙GB1234", "2021-06-07T07:40", 18), seen("C1", "浙GB1234", "2021-06-08T07:40", 19),
        seen("C1", "浙GB1234", "2021-06-09T07:40"), seen("C1", "浙GB1234", "2021-06-10T07:40"),
        seen("C1", "浙GC5555", "2021-06-07T07:50", 3), seen("C1", "浙GC5555", "2021-06-08T07:50", 3),
        seen("C1", "浙GC5555", "2021-06-09T07:50"), seen("C1", "浙GC5555", "2021-06-10T07:50"),
        // The shuttle near the school at 09:00 on weekdays and 07:30 on Sunday: never on a school run.
        seen("C1", "浙GM7777", "2021-06-07T09:00"), seen("C1", "浙GM7777", "2021-06-08T09:00"),
        seen("C1", "浙GM7777", "2021-06-09T09:00"), seen("C1", "浙GM7777", "2021-06-13T07:30"),
        // The taxi with 6 aboard on Sunday, far from the school.
        seen("C2", "浙GT9999", "2021-06-13T11:00", 6),
        // A plate the register does not hold.
        seen("C1", "浙GX0000", "2021-06-07T07:35"),
    };
    return d;
}

const VehicleProfile& profile_of(const District& d, const VehicleProfiling& p, const std::string& id) {
    const auto it = std::find_if(p.vehicles.begin(), p.vehicles.end(), [&](const VehicleProfile& v) { return d.vehicles[v.vehicle].id == id; });
    REQUIRE(it != p.vehicles.end());
    return *it;
}

std::vector<ProfileReason> reasons(std::initializer_list<ProfileReason> r) { return r; }

}  // namespace

TEST_CASE("the capacity rule: more aboard than the rated occupants; the rate is the excess over the seats") {
    CHECK_FALSE(is_over_capacity(6, 6));
    CHECK(is_over_capacity(7, 6));
    CHECK(over_capacity_rate(13, 6) == doctest::Approx(7.0 / 6.0));  // the van stopped: 117% over
    CHECK(over_capacity_rate(15, 6) == doctest::Approx(1.5));        // the report's 150%, two who had got off counted
    CHECK(over_capacity_rate(21, 6) == doctest::Approx(2.5));        // Monday mornings
    CHECK(over_capacity_rate(6, 6) == 0);
    CHECK(over_capacity_rate(4, 6) < 0);
}

TEST_CASE("the report's van is flagged: over capacity, on the school run, non-commercial, unlicensed") {
    const District d = district();
    const VehicleProfiling p = profile_vehicles(d);
    const VehicleProfile& van = profile_of(d, p, "VAN");
    CHECK(van.sightings == 6);  // plates matched however they were written
    CHECK(van.school_run_sightings == 4);  // Monday, Tuesday, Wednesday near the school, Friday 16:40 far away
    CHECK(van.near_school_sightings == 3);
    CHECK(van.school_days == 3);
    CHECK(van.counted == 2);
    REQUIRE(van.over_capacity.size() == 1);
    CHECK(d.sightings[van.over_capacity[0]].occupants == 13);
    REQUIRE(van.most_aboard.has_value());
    CHECK(*sighting_over_rate(d, van, *van.most_aboard) == doctest::Approx(7.0 / 6.0));
    CHECK(van.reasons == reasons({ProfileReason::over_capacity, ProfileReason::school_runs, ProfileReason::non_commercial,
                                  ProfileReason::unlicensed}));
    CHECK(van.flagged);
}

TEST_CASE("the school-run pattern needs enough school days: one more and the van is flagged for its load alone") {
    const District d = district();
    VehicleProfileOptions o;
    o.min_school_days = 4;
    const VehicleProfiling p = profile_vehicles(d, o);
    const VehicleProfile& van = profile_of(d, p, "VAN");
    CHECK(van.reasons == reasons({ProfileReason::over_capacity, ProfileReason::non_commercial, ProfileReason::unlicensed}));
    CHECK(van.flagged);
    // A wider morning takes Thursday's 08:30 in: four school days again.
    o.windows.morning = parse_clock_window("07:00-09:00", "--morning");
    CHECK(profile_of(d, profile_vehicles(d, o), "VAN").school_days == 4);  // a temporary, alive to the end of the check
    // Nearer than 500 m, no camera watches the school: no school day at all.
    o.near_school_m = 499;
    CHECK(profile_of(d, profile_vehicles(d, o), "VAN").school_days == 0);
}

TEST_CASE("a licensed school bus within its seats, a parent's car and a shuttle outside the windows are not flagged") {
    const District d = district();
    const VehicleProfiling p = profile_vehicles(d);
    const VehicleProfile& bus = profile_of(d, p, "BUS");
    CHECK(bus.school_days == 4);
    CHECK(bus.reasons == reasons({ProfileReason::school_runs}));  // on the school run, and licensed for it
    CHECK(bus.over_capacity.empty());  // 19 aboard 19 seats is full, not over
    CHECK_FALSE(bus.flagged);
    const VehicleProfile& car = profile_of(d, p, "CAR");
    CHECK(car.school_days == 4);
    CHECK(car.reasons.empty());  // 5 seats: below the vans the pattern is looked for in
    CHECK_FALSE(car.flagged);
    const VehicleProfile& mini = profile_of(d, p, "MINI");
    CHECK(mini.sightings == 4);
    CHECK(mini.school_run_sightings == 0);
    CHECK(mini.reasons.empty());
    CHECK_FALSE(mini.flagged);
    // With the pattern looked for in every vehicle, the parent is flagged for the registration.
    VehicleProfileOptions o;
    o.min_seats = 1;
    CHECK(profile_of(d, profile_vehicles(d, o), "CAR").flagged);
}

TEST_CASE("one sighting over capacity flags any vehicle; the worst rate ranks first") {
    const District d = district();
    const VehicleProfiling p = profile_vehicles(d);
    const VehicleProfile& taxi = profile_of(d, p, "TAXI");
    CHECK(taxi.reasons == reasons({ProfileReason::over_capacity, ProfileReason::unlicensed}));  // commercial, not licensed for pupils
    CHECK(taxi.flagged);
    CHECK(p.flagged() == 2);
    REQUIRE(p.vehicles.size() == 5);
    CHECK(d.vehicles[p.vehicles[0].vehicle].id == "VAN");   // 117% over
    CHECK(d.vehicles[p.vehicles[1].vehicle].id == "TAXI");  // 20% over
    for (std::size_t k = 2; k < 5; ++k) CHECK_FALSE(p.vehicles[k].flagged);
    CHECK(d.vehicles[p.vehicles[2].vehicle].id == "BUS");   // one reason, before the two without
}

TEST_CASE("the cameras' tallies and what the register does not hold") {
    const District d = district();
    const VehicleProfiling p = profile_vehicles(d);
    CHECK(p.sightings == d.sightings.size());
    CHECK(p.unregistered_sightings == 1);
    CHECK(p.unregistered_plates == 1);
    CHECK(p.cameras_near_schools == 1);
    REQUIRE(p.cameras.size() == 2);
    CHECK(d.sites[p.cameras[0].site].id == "C1");
    CHECK(p.cameras[0].near_school);
    CHECK(p.cameras[0].sightings == 18);
    CHECK(p.cameras[0].flagged_sightings == 5);  // the van's
    CHECK(d.sites[p.cameras[1].site].id == "C2");
    CHECK(p.cameras[1].sightings == 2);
    CHECK(p.cameras[1].flagged_sightings == 2);  // the van's 13 and the taxi's 6
}

TEST_CASE("--since leaves earlier sightings out, the over-capacity one too") {
    const District d = district();
    VehicleProfileOptions o;
    o.since = *parse_iso8601("2021-06-12", "Asia/Shanghai");
    const VehicleProfiling p = profile_vehicles(d, o);
    const VehicleProfile& van = profile_of(d, p, "VAN");
    CHECK(van.sightings == 1);  // Saturday's
    CHECK(van.over_capacity.empty());
    CHECK_FALSE(van.flagged);
    CHECK(p.flagged() == 1);  // the taxi, on Sunday
}

TEST_CASE("bad options and a sighting at no camera are bad input") {
    District d = district();
    VehicleProfileOptions o;
    o.near_school_m = 0;
    CHECK_THROWS_WITH_AS(profile_vehicles(d, o), "--near-school must be a positive number of metres", BadInput);
    o = {};
    o.min_school_days = 0;
    CHECK_THROWS_AS(profile_vehicles(d, o), BadInput);
    d.sightings.back().camera_id = "S";  // the school is no camera
    CHECK_THROWS_WITH_AS(profile_vehicles(d), doctest::Contains("field camera_id 'S' is not a camera"), BadInput);
}
