#include "geo/transport/vehicle_profile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "geo/transport/capacity.h"
#include "geo/transport/plate.h"
#include "geo/util/error.h"

namespace geo {
namespace {

void check(const VehicleProfileOptions& o) {
    if (!(o.near_school_m > 0) || !std::isfinite(o.near_school_m))
        throw BadInput("--near-school must be a positive number of metres");
    if (o.min_school_days < 1) throw BadInput("--min-days must be at least 1");
    if (o.min_seats < 1) throw BadInput("--min-seats must be at least 1");
}

// Camera sites by id, each with whether a school lies within `near_m`.
struct Camera {
    std::uint32_t site = 0;
    bool near_school = false;
};

std::map<std::string, Camera> cameras_of(const District& d, double near_m) {
    std::vector<XY> schools;
    for (const auto& s : d.sites)
        if (s.kind == SiteKind::school) schools.push_back(s.location);
    std::map<std::string, Camera> out;
    for (std::uint32_t k = 0; k < d.sites.size(); ++k) {
        const Site& s = d.sites[k];
        if (s.kind != SiteKind::camera) continue;
        const bool near = std::any_of(schools.begin(), schools.end(), [&](const XY& school) {
            return std::hypot(school.x - s.location.x, school.y - s.location.y) <= near_m;
        });
        out.emplace(s.id, Camera{k, near});
    }
    return out;
}

double worst_rate(const District& d, const VehicleProfile& p) {
    if (p.over_capacity.empty() || !p.most_aboard) return -1;
    return over_capacity_rate(*d.sightings[*p.most_aboard].occupants, d.vehicles[p.vehicle].seats);
}

}  // namespace

std::size_t VehicleProfiling::flagged() const {
    return static_cast<std::size_t>(std::count_if(vehicles.begin(), vehicles.end(), [](const VehicleProfile& p) { return p.flagged; }));
}

std::optional<double> sighting_over_rate(const District& d, const VehicleProfile& p, std::uint32_t sighting) {
    const auto& aboard = d.sightings[sighting].occupants;
    if (!aboard) return std::nullopt;
    return over_capacity_rate(*aboard, d.vehicles[p.vehicle].seats);
}

VehicleProfiling profile_vehicles(const District& d, const VehicleProfileOptions& o) {
    check(o);
    VehicleProfiling out;
    const std::map<std::string, Camera> cameras = cameras_of(d, o.near_school_m);
    for (const auto& [id, camera] : cameras) out.cameras_near_schools += camera.near_school ? 1 : 0;

    std::map<std::string, std::uint32_t> by_plate;  // plate key -> vehicle (the first, should two share one)
    for (std::uint32_t v = 0; v < d.vehicles.size(); ++v) by_plate.emplace(plate_key(d.vehicles[v].plate), v);
    out.vehicles.resize(d.vehicles.size());
    for (std::uint32_t v = 0; v < d.vehicles.size(); ++v) out.vehicles[v].vehicle = v;

    // Sightings in time order, so that a vehicle's over-capacity list is too.
    std::vector<std::uint32_t> order(d.sightings.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return d.sightings[a].time < d.sightings[b].time; });

    std::vector<std::set<std::int64_t>> school_days(d.vehicles.size());
    std::set<std::string> unregistered;
    std::map<std::uint32_t, CameraSightings> at_camera;  // by site index: site order
    std::vector<std::pair<std::uint32_t, std::uint32_t>> seen;  // (camera site, vehicle) per registered sighting
    for (const std::uint32_t k : order) {
        const Sighting& s = d.sightings[k];
        if (o.since && s.time < *o.since) continue;
        const auto camera = cameras.find(s.camera_id);
        if (camera == cameras.end())
            throw BadInput("sightings feature " + s.id + ": field camera_id '" + s.camera_id + "' is not a camera among the sites");
        ++out.sightings;
        CameraSightings& tally = at_camera[camera->second.site];
        tally.site = camera->second.site;
        tally.near_school = camera->second.near_school;
        ++tally.sightings;
        const auto vehicle = by_plate.find(plate_key(s.plate));
        if (vehicle == by_plate.end()) {
            ++out.unregistered_sightings;
            unregistered.insert(plate_key(s.plate));
            continue;
        }
        seen.emplace_back(camera->second.site, vehicle->second);
        VehicleProfile& p = out.vehicles[vehicle->second];
        ++p.sightings;
        const LocalMoment when = local_moment(s.time, d.metadata.timezone);
        if (school_run_of(when, o.windows) != SchoolRun::none) {
            ++p.school_run_sightings;
            if (camera->second.near_school) {
                ++p.near_school_sightings;
                school_days[vehicle->second].insert(when.day);
            }
        }
        if (s.occupants) {
            ++p.counted;
            if (!p.most_aboard || *s.occupants > *d.sightings[*p.most_aboard].occupants) p.most_aboard = k;
            if (is_over_capacity(*s.occupants, d.vehicles[vehicle->second].seats)) p.over_capacity.push_back(k);
        }
    }
    out.unregistered_plates = unregistered.size();

    for (VehicleProfile& p : out.vehicles) {
        const Vehicle& v = d.vehicles[p.vehicle];
        p.school_days = static_cast<int>(school_days[p.vehicle].size());
        const bool over = !p.over_capacity.empty();
        const bool runs = p.school_days >= o.min_school_days && v.seats >= o.min_seats;
        if (over) p.reasons.push_back(ProfileReason::over_capacity);
        if (runs) p.reasons.push_back(ProfileReason::school_runs);
        // What the registration says matters only for a vehicle already in question.
        const bool non_commercial = (over || runs) && v.use == VehicleUse::non_commercial;
        const bool unlicensed = (over || runs) && !v.school_transport_licence;
        if (non_commercial) p.reasons.push_back(ProfileReason::non_commercial);
        if (unlicensed) p.reasons.push_back(ProfileReason::unlicensed);
        p.flagged = over || (runs && (non_commercial || unlicensed));
    }
    for (const auto& [site, vehicle] : seen)
        if (out.vehicles[vehicle].flagged) ++at_camera[site].flagged_sightings;
    for (const auto& [site, tally] : at_camera) out.cameras.push_back(tally);

    std::stable_sort(out.vehicles.begin(), out.vehicles.end(), [&](const VehicleProfile& a, const VehicleProfile& b) {
        if (a.flagged != b.flagged) return a.flagged;
        const double ra = worst_rate(d, a), rb = worst_rate(d, b);
        if (ra != rb) return ra > rb;
        if (a.reasons.size() != b.reasons.size()) return a.reasons.size() > b.reasons.size();
        if (a.school_days != b.school_days) return a.school_days > b.school_days;
        if (a.near_school_sightings != b.near_school_sightings) return a.near_school_sightings > b.near_school_sightings;
        return plate_key(d.vehicles[a.vehicle].plate) < plate_key(d.vehicles[b.vehicle].plate);
    });
    return out;
}

}  // namespace geo
