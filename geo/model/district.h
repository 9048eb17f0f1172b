#pragma once
// The district model: every layer of a workspace as typed records, in the workspace's
// projected CRS (metres). Analyses are pure functions of a District.
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "geo/model/enums.h"
#include "geo/model/geometry.h"
#include "geo/model/lectures.h"
#include "geo/model/time.h"
#include "geo/model/tracks.h"
#include "geo/model/visits.h"

namespace geo {

// A source field kept as it came (an "extra"), so later analyses can weight by it.
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string, Timestamp>;
using ExtraFields = std::map<std::string, FieldValue>;

struct Neighbourhood {
    std::string id;
    std::string name;     // Chinese name, e.g. 金城小区
    std::string name_en;  // English alias
    std::int64_t residents = 0;
    std::int64_t transients = 0;
    std::int64_t households = 0;
    std::string officer_id;
    std::optional<double> app_adoption;  // share 0..1 of residents with the anti-fraud app
    std::string liaison;                 // 反诈联络群 group or contact text
    // Shares 0..1 of residents under 25, 25-44, 45-59 and 60+ (AgeBand order); none = unknown.
    std::array<std::optional<double>, 4> age_share;
    MultiPolygon area;
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

struct Officer {
    std::string id;
    std::string name;
    std::string phone;
    std::string post_site_id;  // the site the officer starts from, when not a point
    double weekly_hours = 0;
    std::string photo;         // image path for contact cards, relative to the workspace
    std::optional<XY> post;    // where the officer starts from
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

struct Incident {
    std::string id;
    Timestamp time{};
    FraudType fraud_type = FraudType::other;
    double loss_yuan = 0;
    AgeBand victim_age_band = AgeBand::unknown;
    Outcome outcome = Outcome::unknown;
    double recovered_yuan = 0;
    IncidentSource source = IncidentSource::unknown;
    XY location;
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

struct Poster {
    std::string id;
    PosterKind kind = PosterKind::poster;
    std::optional<Timestamp> installed;
    std::optional<Timestamp> removed;  // still hanging while empty
    std::string building_id;
    XY location;
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

struct BuildingFlags {
    bool elderly_alone = false;
    bool past_victim = false;
    bool no_app = false;
    friend bool operator==(const BuildingFlags&, const BuildingFlags&) = default;
};

struct Building {
    std::string id;
    std::string neighbourhood_id;
    std::string address;
    std::int64_t households = 0;
    BuildingFlags flags;
    MultiPolygon footprint;  // empty when the source gave a point
    XY location;             // the point, or the footprint's centroid
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

struct Site {
    std::string id;
    SiteKind kind = SiteKind::other;
    std::string name;
    std::string phone;
    std::int64_t audience = 0;  // people a talk there reaches; 0 = unknown
    XY location;
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

struct Road {
    std::string id;
    RoadClass road_class = RoadClass::local;
    std::string name;
    bool oneway = false;  // digitised direction only
    double speed_kmh = 0;
    MultiLineString line;
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

// An early warning (预警): a bank teller, a property manager, the anti-fraud centre's call or
// SMS interception, a door visit or the app flagged someone about to be defrauded, and an
// officer stepped in. Not a case: most are dissuaded before any money moves.
struct Warning {
    std::string id;
    Timestamp time{};
    WarningChannel channel = WarningChannel::other;
    std::string site_id;          // the bank or property office that raised it, if one did
    std::string neighbourhood_id;
    WarningOutcome outcome = WarningOutcome::unknown;
    double amount_protected_yuan = 0;  // the transfer stopped or talked out of, when known
    std::string officer_id;
    std::optional<XY> location;   // where the person was; none for a call without an address
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

// A vehicle that may carry pupils (issue 17): the registration the traffic police check a
// school-run vehicle against. Seats count everyone aboard, the driver included (核载人数).
struct Vehicle {
    std::string id;
    std::string plate;  // personal data: never in a public export
    std::int64_t seats = 0;
    VehicleUse use = VehicleUse::non_commercial;
    bool school_transport_licence = false;  // 校车使用许可
    std::string owner;                      // a person, a company or a school
    std::string school_id;                  // the school site it serves, if one of the sites
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

// A plate read by a camera (天网 or a checkpoint camera, a site of kind camera), with the people
// counted aboard where the camera counts them.
struct Sighting {
    std::string id;
    std::string camera_id;
    std::string plate;
    Timestamp time{};
    std::optional<std::int64_t> occupants;  // driver included; none = not counted
    std::optional<XY> location;             // the camera's place
    std::string station_id;  // the station whose row it is (layer_schema.h); empty: none named
    ExtraFields extras;
};

// A police station sharing a city workspace. Its users are the members of the PostgreSQL role
// `role`: they read every station's rows and write only rows carrying their station's id.
struct Station {
    std::string id;
    std::string name;     // 江南派出所
    std::string name_en;
    std::string role;     // empty in a GeoPackage, where no database enforces it
    ExtraFields extras;
};

struct Metadata {
    std::string name;
    bool synthetic = false;
    std::string crs;                       // "EPSG:4549"
    std::string timezone = "Asia/Shanghai";  // zone of times given without one
    std::string created;                   // ISO 8601 UTC
    std::string updated;                   // ISO 8601 UTC
    int schema_version = 1;
    // What the QR codes on contact cards and posters open: the anti-fraud platform (金钟罩) and
    // the national anti-fraud centre app's download page. Empty: no code printed.
    std::string platform_url;
    std::string app_url;
    // The workspace's change counter: one more for every commit, by any program. What a reader
    // had when it read is how a later write knows what changed since (workspace_store.h).
    std::int64_t change = 0;
};

struct District {
    Metadata metadata;
    std::vector<Neighbourhood> neighbourhoods;
    std::vector<Officer> officers;
    std::vector<Incident> incidents;
    std::vector<Poster> posters;
    std::vector<Building> buildings;
    std::vector<Site> sites;
    std::vector<Road> roads;
    std::vector<Warning> warnings;
    std::vector<Vehicle> vehicles;
    std::vector<Sighting> sightings;
    std::vector<Station> stations;
    // Not map layers: the officers' issued weekly plans and the visits done (visits.h).
    std::vector<PlannedVisit> planned_visits;
    std::vector<VisitRecord> visits;
    std::vector<LectureRecord> lectures;  // the lecture team's talks held (lectures.h)
    std::vector<Track> tracks;            // patrol GPS tracks (tracks.h)
};

}  // namespace geo
