// The sample's school transport (issue 17): the van of the station report is there, seen at the
// S217 / Meilong Road (梅陇路) junction camera at school-run times with 19 to 21 aboard and 13 on
// the afternoon it was stopped, and the profile flags it with its reasons; the licensed bus, the
// shuttle and the parent's car are not flagged.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "data/generator/jiangnan.h"
#include "geo/transport/vehicle_profile.h"
#include "geo/util/time_parse.h"

using namespace geo;

namespace {

const District& sample_district() {
    static const District d = sample::generate_jiangnan();
    return d;
}

// The vertex where two named roads meet.
XY where_roads_meet(const District& d, const std::string& a, const std::string& b) {
    std::set<std::pair<double, double>> on_a;
    for (const auto& r : d.roads)
        if (r.name == a)
            for (const auto& line : r.line)
                for (const auto& p : line) on_a.insert({p.x, p.y});
    for (const auto& r : d.roads)
        if (r.name == b)
            for (const auto& line : r.line)
                for (const auto& p : line)
                    if (on_a.count({p.x, p.y})) return p;
    FAIL("no vertex shared by " << a << " and " << b);
    return {};
}

const Site& camera_nearest(const District& d, XY p) {
    const Site* best = nullptr;
    for (const auto& s : d.sites)
        if (s.kind == SiteKind::camera &&
            (!best || std::hypot(s.location.x - p.x, s.location.y - p.y) < std::hypot(best->location.x - p.x, best->location.y - p.y)))
            best = &s;
    REQUIRE(best);
    return *best;
}

}  // namespace

TEST_CASE("the sample's register and a month of sightings at its cameras") {
    const District& d = sample_district();
    REQUIRE(d.vehicles.size() == 6);
    std::map<std::string, const Site*> sites;
    for (const auto& s : d.sites) sites[s.id] = &s;
    std::set<std::string> ids, plates;
    for (const auto& v : d.vehicles) plates.insert(v.plate);
    for (const auto& s : d.sightings) {
        CAPTURE(s.id);
        CHECK(ids.insert(s.id).second);
        REQUIRE(sites.count(s.camera_id));
        CHECK(sites[s.camera_id]->kind == SiteKind::camera);
        REQUIRE(s.location.has_value());
        CHECK(*s.location == sites[s.camera_id]->location);
        CHECK(plates.count(s.plate));
        const LocalDate day = local_date(s.time, "Asia/Shanghai");
        CHECK(day.year == 2021);
        CHECK(day.month == 6);
    }
    CHECK(d.sightings.size() > 500);
    CHECK(std::is_sorted(d.sightings.begin(), d.sightings.end(), [](const Sighting& a, const Sighting& b) { return a.time < b.time; }));
}

TEST_CASE("the report's van: 6 seats, non-commercial, no licence, 19-21 aboard at the S217 / Meilong Road camera, 13 when stopped") {
    const District& d = sample_district();
    const Vehicle& van = d.vehicles.front();
    CHECK(van.seats == 6);
    CHECK(van.use == VehicleUse::non_commercial);
    CHECK_FALSE(van.school_transport_licence);
    const Site& checkpoint = camera_nearest(d, where_roads_meet(d, "S217省道", "梅陇路"));
    std::vector<const Sighting*> counted;
    for (const auto& s : d.sightings)
        if (s.plate == van.plate && s.occupants) counted.push_back(&s);
    REQUIRE(counted.size() >= 30);
    for (const Sighting* s : counted) CHECK(s->camera_id == checkpoint.id);  // the one camera that counts
    for (std::size_t k = 0; k + 1 < counted.size(); ++k) {
        CHECK(*counted[k]->occupants >= 18);
        CHECK(*counted[k]->occupants <= 21);
    }
    CHECK(std::count_if(counted.begin(), counted.end(), [](const Sighting* s) { return *s->occupants == 21; }) >= 5);  // 3 school Mondays and 4 Fridays, a read missed now and then
    CHECK(*counted.back()->occupants == 13);
    CHECK(format_local(counted.back()->time, "Asia/Shanghai", "%Y-%m-%d") == "2021-06-29");
    // Not seen after the stop.
    for (const auto& s : d.sightings)
        if (s.plate == van.plate) CHECK(s.time <= counted.back()->time);
}

TEST_CASE("on the sample the report's van is flagged first with its reasons; the licensed and the within-seats are not") {
    const District& d = sample_district();
    const VehicleProfiling p = profile_vehicles(d);
    REQUIRE(p.vehicles.size() == 6);
    const VehicleProfile& first = p.vehicles.front();
    CHECK(d.vehicles[first.vehicle].id == "V01");
    CHECK(first.flagged);
    CHECK(first.reasons == std::vector<ProfileReason>{ProfileReason::over_capacity, ProfileReason::school_runs,
                                                      ProfileReason::non_commercial, ProfileReason::unlicensed});
    CHECK(first.school_days >= 15);
    REQUIRE(first.most_aboard);
    CHECK(*sighting_over_rate(d, first, *first.most_aboard) == doctest::Approx(2.5));  // 21 of 6
    CHECK(*sighting_over_rate(d, first, first.over_capacity.back()) == doctest::Approx(7.0 / 6.0));  // 13 of 6: 117%
    std::set<std::string> flagged;
    for (const auto& v : p.vehicles)
        if (v.flagged) flagged.insert(d.vehicles[v.vehicle].id);
    // V04, the 7-seat private MPV at the primary school every school run, is flagged for a look.
    CHECK(flagged == std::set<std::string>{"V01", "V04"});
    CHECK(p.unregistered_sightings == 0);
}
