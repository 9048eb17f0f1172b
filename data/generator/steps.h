#pragma once
// The generator's steps, one file each, in the order generate_jiangnan runs them. Each is a
// pure function of the layers before it and of the seed (each draws from its own stream).
#include <cstdint>
#include <string>
#include <vector>

#include "data/generator/layout.h"
#include "geo/model/district.h"

namespace sample::detail {

// sites.cpp: police station, banks, property offices, schools, enterprises, village
// committees and community centres, each at the road frontage of its neighbourhood cell.
std::vector<geo::Site> make_sites(const Layout& layout, std::uint64_t seed);

// population.cpp: one neighbourhood per cell with residents (65,000 in all), transients
// (34,000, drawn to the enterprises and village rentals), households and app adoption.
std::vector<geo::Neighbourhood> make_neighbourhoods(const Layout& layout,
                                                    const std::vector<geo::Site>& sites,
                                                    std::uint64_t seed);

// officers.cpp: 一小区一民警, twelve officers each answering for three adjacent cells.
std::vector<geo::Officer> make_officers(const geo::Site& police_station);
std::string officer_id_for(const Cell& cell);

// roads.cpp: provincial road, arterials, local streets, alleys and paths meeting at shared
// vertices.
std::vector<geo::Road> make_roads(const Layout& layout, std::uint64_t seed);

// buildings.cpp: footprints on a slot grid inside each cell, households summing to the
// neighbourhood's; flags except past_victim, which the incidents decide.
std::vector<geo::Building> make_buildings(const Layout& layout,
                                          const std::vector<geo::Neighbourhood>& neighbourhoods,
                                          std::uint64_t seed);

// incidents.cpp: the 2021 fraud reports, month totals fixed, with hotspots and repeats.
std::vector<geo::Incident> make_incidents(const std::vector<geo::Neighbourhood>& neighbourhoods,
                                          const std::vector<geo::Building>& buildings,
                                          std::uint64_t seed);

// posters.cpp: posters and contact cards on most buildings, banners at case scenes.
std::vector<geo::Poster> make_posters(const std::vector<geo::Building>& buildings,
                                      const std::vector<geo::Incident>& incidents,
                                      std::uint64_t seed);

// warnings.cpp: the early warnings of 2021 (calls, SMS interception, door visits, banks and
// property managers) whose first half reproduces the report's 5,100 dissuaded and ¥1.2 million.
std::vector<geo::Warning> make_warnings(const std::vector<geo::Neighbourhood>& neighbourhoods,
                                        const std::vector<geo::Building>& buildings,
                                        const std::vector<geo::Site>& sites, std::uint64_t seed);

// security_sites.cpp: public-security cameras (天网) at the corners where a major road meets
// another, and police boxes (警务室) where S217 crosses an arterial; numbered on from
// `first_number` (S60 ...), after the other sites.
std::vector<geo::Site> make_security_sites(const std::vector<geo::Road>& roads, std::size_t first_number);

// audiences.cpp: each neighbourhood's age structure (villages older, transients younger) and
// the audience of the venues a lecture may go to (schools, enterprises, village halls,
// community centres); a stream of its own, so no other layer moves.
void add_audiences(std::vector<geo::Neighbourhood>& neighbourhoods, std::vector<geo::Site>& sites, std::uint64_t seed);

// school_transport.cpp: a handful of vans and buses on the school run (the station report's
// overloaded 6-seat van among them) and June 2021's camera sightings of them, people aboard
// counted at the S217 / Meilong Road checkpoint camera; a stream of its own, so no other layer
// moves.
struct SchoolTransport {
    std::vector<geo::Vehicle> vehicles;
    std::vector<geo::Sighting> sightings;
};
SchoolTransport make_school_transport(const Layout& layout, const std::vector<geo::Site>& sites, std::uint64_t seed);

}  // namespace sample::detail
