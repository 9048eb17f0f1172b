#pragma once
// Profiling the vehicles on the school run (校车安全画像, issue 17), as the traffic police did
// before they stopped a 6-seat van with 13 aboard at the S217 / Meilong Road junction: from the
// register (vehicles) and what the cameras saw (sightings), the vehicles that
//  - were seen above their rated occupants at least once (over_capacity), or
//  - are vans or buses seen near schools at school-run times on several school days
//    (school_runs) while registered non-commercial (non_commercial) or without a licence to
//    carry pupils (unlicensed)
// are flagged, ranked, with the reasons. A pure function of the district and the options.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/transport/school_run.h"

namespace geo {

struct VehicleProfileOptions {
    SchoolRunWindows windows;
    std::optional<Timestamp> since;  // sightings at or after; none = all
    // A camera this close to a school (straight line) watches its school run: the corners a
    // school's traffic passes within about 10 minutes' walk of the gate.
    double near_school_m = 1000;
    // "Repeatedly": distinct school days seen near a school at school-run times.
    int min_school_days = 3;
    // The school-run pattern is looked for in vans and buses (rated 6 or more, the report's van):
    // a 5-seat family car at the school gate every day is a parent. An over-capacity sighting
    // flags any vehicle.
    std::int64_t min_seats = 6;
};

enum class ProfileReason { over_capacity, school_runs, non_commercial, unlicensed };

template <> struct EnumNames<ProfileReason> {
    static constexpr std::array<std::string_view, 4> names = {"over_capacity", "school_runs", "non_commercial", "unlicensed"};
};

struct VehicleProfile {
    std::uint32_t vehicle = 0;              // index into district.vehicles
    std::size_t sightings = 0;              // since
    std::size_t school_run_sightings = 0;   // on a school day inside a window, at any camera
    std::size_t near_school_sightings = 0;  // of those, at a camera near a school
    int school_days = 0;                    // distinct school days with one of those
    std::size_t counted = 0;                // sightings with the people aboard counted
    std::vector<std::uint32_t> over_capacity;  // sightings (indices into district.sightings) above the seats, in time
    std::optional<std::uint32_t> most_aboard;  // the counted sighting with the most aboard (the earliest of equals)
    std::vector<ProfileReason> reasons;     // in ProfileReason order; registration reasons only with another
    bool flagged = false;
};

// A camera's sightings since, for the map.
struct CameraSightings {
    std::uint32_t site = 0;  // index into district.sites
    std::size_t sightings = 0;
    std::size_t flagged_sightings = 0;  // of flagged vehicles
    bool near_school = false;
};

struct VehicleProfiling {
    // Every vehicle of the register: the flagged first, the worst over-capacity rate first, then
    // more reasons, more school days, more sightings near schools, the plate.
    std::vector<VehicleProfile> vehicles;
    std::vector<CameraSightings> cameras;      // cameras with sightings since, in site order
    std::size_t sightings = 0;                 // since
    std::size_t unregistered_sightings = 0;    // of plates not in the register
    std::size_t unregistered_plates = 0;
    std::size_t cameras_near_schools = 0;
    std::size_t flagged() const;
};

// BadInput for options out of range (naming the CLI's flag) and for a sighting whose camera is
// not a camera site (naming the sighting and its field, as an import would).
VehicleProfiling profile_vehicles(const District& district, const VehicleProfileOptions& options = {});

// Over capacity at a sighting of `vehicle`: (aboard - seats) / seats (capacity.h); nullopt when
// not counted.
std::optional<double> sighting_over_rate(const District& district, const VehicleProfile& profile, std::uint32_t sighting);

}  // namespace geo
