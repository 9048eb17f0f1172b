#include "data/generator/jiangnan.h"

#include <algorithm>
#include <map>
#include <string>

#include "data/generator/patrol_tracks.h"
#include "data/generator/steps.h"
#include "geo/model/assign_station.h"

namespace sample {

namespace {

// past_victim marks the buildings where the victim of at least one incident lived.
void mark_past_victims(std::vector<geo::Building>& buildings,
                       const std::vector<geo::Incident>& incidents) {
    std::map<std::string, geo::Building*> by_id;
    for (auto& building : buildings) by_id[building.id] = &building;
    for (const auto& incident : incidents) {
        const auto& building_id = std::get<std::string>(incident.extras.at("building_id"));
        by_id.at(building_id)->flags.past_victim = true;
    }
}

const geo::Site& police_station(const std::vector<geo::Site>& sites) {
    return *std::find_if(sites.begin(), sites.end(), [](const geo::Site& s) {
        return s.kind == geo::SiteKind::police_station;
    });
}

}  // namespace

geo::District generate_jiangnan(std::uint64_t seed) {
    using namespace detail;
    geo::District district;
    district.metadata.name = "江南街道（合成样例）/ Jiangnan subdistrict (synthetic sample)";
    district.metadata.synthetic = true;
    district.metadata.crs = "EPSG:4549";
    district.metadata.timezone = "Asia/Shanghai";
    // Fixed rather than the clock's: the same seed must give the same file.
    district.metadata.created = "2021-01-01T00:00:00Z";
    district.metadata.updated = "2021-01-01T00:00:00Z";
    district.metadata.schema_version = 1;
    // Placeholders (the reserved .example domain): a station sets its own with `patrolmap settings`.
    district.metadata.platform_url = "https://jinzhongzhao.example/yongkang/jiangnan";
    district.metadata.app_url = "https://gjfzzx.example/app/download";

    const Layout layout = make_layout(seed);
    district.sites = make_sites(layout, seed);
    district.neighbourhoods = make_neighbourhoods(layout, district.sites, seed);
    district.officers = make_officers(police_station(district.sites));
    add_audiences(district.neighbourhoods, district.sites, seed);
    district.roads = make_roads(layout, seed);
    // Appended, not interleaved: every other site keeps its id and place.
    for (auto& s : make_security_sites(district.roads, district.sites.size() + 1)) district.sites.push_back(std::move(s));
    district.buildings = make_buildings(layout, district.neighbourhoods, seed);
    district.incidents = make_incidents(district.neighbourhoods, district.buildings, seed);
    mark_past_victims(district.buildings, district.incidents);
    district.posters = make_posters(district.buildings, district.incidents, seed);
    district.warnings = make_warnings(district.neighbourhoods, district.buildings, district.sites, seed);
    // Last: it plans on everything above. A stream of its own, so no other layer moves.
    PatrolWeek patrols = simulate_patrol_week(district, seed);
    district.planned_visits = std::move(patrols.planned);
    district.tracks = std::move(patrols.tracks);
    SchoolTransport transport = make_school_transport(layout, district.sites, seed);
    district.vehicles = std::move(transport.vehicles);
    district.sightings = std::move(transport.sightings);
    // One station, owning every row: the sample copied into a city workspace
    // (`patrolmap copy`) is station S01's there.
    district.stations.push_back(geo::Station{"S01", "江南派出所", "Jiangnan Police Station", "", {}});
    geo::assign_station(district, "S01");
    return district;
}

}  // namespace sample
