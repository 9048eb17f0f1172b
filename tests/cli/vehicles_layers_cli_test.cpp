// The school transport layers (issue 17) as a user meets them: a vehicle register and the
// cameras' sightings imported like any layer from plain CSV files (no geometry needed: a
// sighting stands at its camera), checked the same way (a bad value or an unknown camera stops
// the import naming file, feature and field, nothing written), exported, and without a single
// plate in a public export.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A camera, a school and a bank inside the fixture neighbourhoods.
std::string sites_geojson() {
    return test::point_collection({
        {"\"id\": \"C1\", \"kind\": \"camera\", \"name\": \"天网01\"", 120.024, 28.894},
        {"\"id\": \"SCH\", \"kind\": \"school\", \"name\": \"江南第一小学\", \"audience\": 900", 120.026, 28.896},
        {"\"id\": \"B1\", \"kind\": \"bank\", \"name\": \"银行\"", 120.027, 28.897},
    });
}

const char* kVehicles =
    "id,plate,seats,use,school_transport_licence,owner,school_id,colour\n"
    "V1,浙G·G0X58,6,non_commercial,no,某民办学校,,white\n"
    "V2,浙GB1234,19,school_bus,yes,江南第一小学,SCH,yellow\n";

const char* kSightings =
    "id,camera_id,plate,time,occupants\n"
    "K1,C1,浙GG0X58,2021-06-07T07:22,13\n"
    "K2,C1,浙GB1234,2021-06-07 07:40,\n";

struct Workspace {
    test::ScratchDir dir;
    std::string path;
};

// A workspace with the sites, the register and the sightings imported.
void fill(Workspace& w) {
    w.path = test::workspace_with_neighbourhoods(w.dir).string();
    test::write_text(w.dir / "sites.geojson", sites_geojson());
    test::write_text(w.dir / "vehicles.csv", kVehicles);
    test::write_text(w.dir / "sightings.csv", kSightings);
    for (const char* layer : {"sites", "vehicles", "sightings"}) {
        const std::string file = std::string(layer) + (std::string(layer) == "sites" ? ".geojson" : ".csv");
        const auto r = run_patrolmap({"import", w.path, "--layer", layer, (w.dir / file).string()});
        REQUIRE_MESSAGE(r.exit_code == 0, layer << ": " << r.err);
    }
}

}  // namespace

TEST_CASE("vehicles and sightings import from plain CSV: fields read, each sighting placed at its camera") {
    Workspace w;
    fill(w);
    const geo::District d = geo::read_district(w.path);
    REQUIRE(d.vehicles.size() == 2);
    const geo::Vehicle& van = d.vehicles[0];
    CHECK(van.plate == "浙G·G0X58");
    CHECK(van.seats == 6);
    CHECK(van.use == geo::VehicleUse::non_commercial);
    CHECK_FALSE(van.school_transport_licence);
    CHECK(van.owner == "某民办学校");
    CHECK(std::get<std::string>(van.extras.at("colour")) == "white");
    CHECK(d.vehicles[1].use == geo::VehicleUse::school_bus);
    CHECK(d.vehicles[1].school_transport_licence);
    CHECK(d.vehicles[1].school_id == "SCH");

    REQUIRE(d.sightings.size() == 2);
    const geo::Site& camera = d.sites[0];
    REQUIRE(camera.id == "C1");
    for (const auto& s : d.sightings) {
        CAPTURE(s.id);
        CHECK(s.camera_id == "C1");
        REQUIRE(s.location.has_value());
        CHECK(s.location->x == camera.location.x);  // the camera's place, to the bit
        CHECK(s.location->y == camera.location.y);
    }
    REQUIRE(d.sightings[0].occupants.has_value());
    CHECK(*d.sightings[0].occupants == 13);
    CHECK_FALSE(d.sightings[1].occupants.has_value());  // not counted
    // 07:22 in the workspace's zone (Asia/Shanghai) is 23:22 UTC the day before.
    CHECK(d.sightings[1].time - d.sightings[0].time == std::chrono::minutes(18));
}

TEST_CASE("bad vehicles and sightings stop the import with exit 2 naming file, feature and field; nothing written") {
    Workspace w;
    fill(w);
    const std::string before = test::read_text(w.path);
    struct Bad {
        const char* layer;
        const char* file;
        const char* text;
        const char* message;
    };
    const Bad cases[] = {
        {"sightings", "unknown_camera.csv", "id,camera_id,plate,time\nK9,C9,浙GX1,2021-06-07T07:00\n",
         "unknown_camera.csv feature K9: field camera_id 'C9' is not one of the sites"},
        {"sightings", "bank_camera.csv", "id,camera_id,plate,time\nK9,B1,浙GX1,2021-06-07T07:00\n",
         "bank_camera.csv feature K9: field camera_id 'B1' is a site of kind bank, not a camera"},
        {"vehicles", "negative_seats.csv", "id,plate,seats,use\nV9,浙GX1,-3,commercial\n",
         "negative_seats.csv feature V9: field seats -3 is outside 1..100"},
        {"vehicles", "no_plate.csv", "id,plate,seats,use\nV9,,7,commercial\n", "no_plate.csv feature V9: field plate is missing"},
        {"sightings", "no_plate_seen.csv", "id,camera_id,plate,time\nK9,C1, ,2021-06-07T07:00\n",
         "no_plate_seen.csv feature K9: field plate is missing"},
        {"sightings", "bad_time.csv", "id,camera_id,plate,time\nK9,C1,浙GX1,monday morning\n",
         "bad_time.csv feature K9: field time 'monday morning' is not ISO 8601"},
        {"vehicles", "same_plate.csv", "id,plate,seats,use\nV9,浙g g0x58,7,commercial\n",
         "same_plate.csv feature V9: field plate '浙g g0x58' is already vehicle V1's plate"},
        {"vehicles", "bad_school.csv", "id,plate,seats,use,school_id\nV9,浙GX1,7,commercial,B1\n",
         "bad_school.csv feature V9: field school_id 'B1' is not a school among the sites"},
        {"vehicles", "bad_use.csv", "id,plate,seats,use\nV9,浙GX1,7,taxi\n", "bad_use.csv feature V9: field use 'taxi' is not one of"},
    };
    for (const Bad& bad : cases) {
        CAPTURE(bad.file);
        test::write_text(w.dir / bad.file, bad.text);
        const auto r = run_patrolmap({"import", w.path, "--layer", bad.layer, (w.dir / bad.file).string(), "--quiet"});
        CHECK(r.exit_code == 2);
        CHECK_MESSAGE(contains(r.err, bad.message), r.err);
        CHECK(contains(r.err, "nothing was imported"));
        CHECK(test::read_text(w.path) == before);
    }
}

TEST_CASE("a public export of vehicles and sightings carries no plate and no id") {
    Workspace w;
    fill(w);
    for (const char* layer : {"vehicles", "sightings"}) {
        CAPTURE(layer);
        const std::string internal = (w.dir / (std::string(layer) + ".geojson")).string();
        const std::string open = (w.dir / (std::string(layer) + "-public.geojson")).string();
        REQUIRE(run_patrolmap({"export", w.path, "--layer", layer, internal}).exit_code == 0);
        REQUIRE(run_patrolmap({"export", w.path, "--layer", layer, open, "--public"}).exit_code == 0);
        const std::string inside = test::read_text(internal), outside = test::read_text(open);
        CHECK(contains(inside, "G0X58"));  // the internal copy has them
        for (const char* plate : {"G0X58", "B1234", "GB1234"}) {
            CAPTURE(plate);
            CHECK_FALSE(contains(outside, plate));
        }
        const auto doc = nlohmann::json::parse(outside);
        REQUIRE(doc["features"].size() == 2);
        for (const auto& f : doc["features"]) {
            CHECK_FALSE(f["properties"].contains("id"));
            CHECK_FALSE(f["properties"].contains("plate"));
            CHECK_FALSE(f["properties"].contains("owner"));
        }
        if (std::string(layer) == "sightings") {
            CHECK(doc["features"][0]["properties"]["occupants"] == 13);
            // The local day only: 07:22 in Shanghai, still the 6th in UTC.
            CHECK(doc["features"][0]["properties"]["time"] == "2021-06-07");
        } else {
            CHECK(doc["features"][0]["properties"]["seats"] == 6);
            CHECK(doc["features"][0]["geometry"].is_null());  // a register has no place
        }
    }
}
