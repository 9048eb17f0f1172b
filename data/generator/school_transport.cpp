// The sample's school transport (issue 17): a handful of vans and buses on the school run and a
// month of what the cameras saw of them (June 2021). One of them is the van of the station
// report: a 6-seat non-commercial van a private school ran without a licence, 19 aboard most
// days and 21 on Monday mornings and Friday afternoons, stopped at the S217 / Meilong Road
// (梅陇路) junction with 13 aboard. The others are what the profile must not flag, and one it
// should look at:
//   V02  江南中学's licensed school bus, 19 seats, near the school on every school run;
//   V03  a factory shuttle, 14 seats, commercial, on S217 before 07:00 and after 17:30, counted
//        within its seats at the checkpoint camera;
//   V04  a 7-seat private MPV at 江南第一小学 every school run (a parent, or a paid car pool:
//        flagged for a look, ranked after the van);
//   V05  a parent's 5-seat car at 园周小学;
//   V06  a licensed operator's 10-seat minibus for 江南中心幼儿园.
// The register holds the vehicles the traffic police watch and the sightings are the cameras'
// hits on those plates; the camera at the S217 / Meilong Road junction (a checkpoint camera)
// also counts the people aboard. School days are June's weekdays but the Dragon Boat Festival
// (Monday 14 June). A stream of its own: no other layer moves.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "data/generator/local_time.h"
#include "data/generator/names.h"
#include "data/generator/random.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

using namespace std::chrono;

// The first and last day of the month of sightings, and the van's last run (the stop).
constexpr year_month_day kFirstDay{year{2021}, June, day{1}};
constexpr year_month_day kLastDay{year{2021}, June, day{30}};
constexpr year_month_day kHoliday{year{2021}, June, day{14}};  // 端午节
constexpr year_month_day kStopDay{year{2021}, June, day{29}};  // a Tuesday afternoon

std::size_t nearest_camera(const std::vector<geo::Site>& sites, geo::XY p) {
    std::size_t best = sites.size();
    double best_m = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < sites.size(); ++k) {
        if (sites[k].kind != geo::SiteKind::camera) continue;
        const double d = std::hypot(sites[k].location.x - p.x, sites[k].location.y - p.y);
        if (d < best_m) best_m = d, best = k;
    }
    return best;
}

// The `count` cameras nearest `p`, nearest first.
std::vector<std::size_t> cameras_near(const std::vector<geo::Site>& sites, geo::XY p, std::size_t count) {
    std::vector<std::size_t> cameras;
    for (std::size_t k = 0; k < sites.size(); ++k)
        if (sites[k].kind == geo::SiteKind::camera) cameras.push_back(k);
    std::stable_sort(cameras.begin(), cameras.end(), [&](std::size_t a, std::size_t b) {
        return std::hypot(sites[a].location.x - p.x, sites[a].location.y - p.y) <
               std::hypot(sites[b].location.x - p.x, sites[b].location.y - p.y);
    });
    cameras.resize(std::min(count, cameras.size()));
    return cameras;
}

const geo::Site& nth_school(const std::vector<geo::Site>& sites, std::size_t n) {
    for (const auto& s : sites)
        if (s.kind == geo::SiteKind::school && n-- == 0) return s;
    return sites.front();
}

geo::Vehicle vehicle(std::string id, std::string plate, std::int64_t seats, geo::VehicleUse use, bool licence, std::string owner,
                     std::string school_id = {}) {
    geo::Vehicle v;
    v.id = std::move(id);
    v.plate = std::move(plate);
    v.seats = seats;
    v.use = use;
    v.school_transport_licence = licence;
    v.owner = std::move(owner);
    v.school_id = std::move(school_id);
    return v;
}

// A vehicle's run past some cameras: the minutes after its start at which it passes each.
struct Run {
    std::vector<std::size_t> cameras;  // site indices, in the order passed
    std::vector<int> minutes;          // after the start, per camera
};

class Sightings {
public:
    Sightings(const std::vector<geo::Site>& sites, Rng& rng) : sites_(sites), rng_(rng) {}

    // The run started at `start` (local, on `day`) with a jitter of a few minutes; each camera
    // misses a plate now and then (dirt, glare: `miss` of them). `aboard(camera)` is what a
    // counting camera counts there, none elsewhere.
    template <class Aboard>
    void add(const geo::Vehicle& v, year_month_day day, minutes start, const Run& run, Aboard aboard, double miss = 0.03) {
        const seconds jitter{static_cast<int>(std::lround(rng_.normal(0, 150)))};
        for (std::size_t k = 0; k < run.cameras.size(); ++k) {
            if (rng_.chance(miss)) continue;
            const seconds at = start + minutes(run.minutes[k]) + jitter + seconds(rng_.integer(0, 59));
            geo::Sighting s;
            s.id = numbered_id("K", static_cast<long>(out_.size()) + 1, 5);
            s.camera_id = sites_[run.cameras[k]].id;
            s.plate = v.plate;
            s.time = from_shanghai(day, at);
            s.occupants = aboard(run.cameras[k]);
            s.location = sites_[run.cameras[k]].location;
            out_.push_back(std::move(s));
        }
    }
    std::vector<geo::Sighting> take() {
        std::stable_sort(out_.begin(), out_.end(), [](const geo::Sighting& a, const geo::Sighting& b) { return a.time < b.time; });
        for (std::size_t k = 0; k < out_.size(); ++k) out_[k].id = numbered_id("K", static_cast<long>(k) + 1, 5);
        return std::move(out_);
    }

private:
    const std::vector<geo::Site>& sites_;
    Rng& rng_;
    std::vector<geo::Sighting> out_;
};

Run reversed(Run run) {
    const int last = run.minutes.back();
    std::reverse(run.cameras.begin(), run.cameras.end());
    std::reverse(run.minutes.begin(), run.minutes.end());
    for (int& m : run.minutes) m = last - m;
    return run;
}

}  // namespace

SchoolTransport make_school_transport(const Layout& layout, const std::vector<geo::Site>& sites, std::uint64_t seed) {
    Rng rng(seed, "school_transport");
    SchoolTransport out;
    const geo::Site& middle_school = nth_school(sites, 0);   // 江南中学
    const geo::Site& primary = nth_school(sites, 1);         // 江南第一小学
    const geo::Site& yuanzhou = nth_school(sites, 2);        // 园周小学
    const geo::Site& kindergarten = nth_school(sites, 3);    // 江南中心幼儿园
    out.vehicles = {
        vehicle("V01", "浙GG0L68", 6, geo::VehicleUse::non_commercial, false, "启明民办学校（校外）"),
        vehicle("V02", "浙GA3F21", 19, geo::VehicleUse::school_bus, true, middle_school.name, middle_school.id),
        vehicle("V03", "浙GC8J06", 14, geo::VehicleUse::commercial, false, "永康市顺达客运有限公司"),
        vehicle("V04", "浙GD3M77", 7, geo::VehicleUse::non_commercial, false, "个人"),
        vehicle("V05", "浙GE2P19", 5, geo::VehicleUse::non_commercial, false, "个人"),
        vehicle("V06", "浙GK6T42", 10, geo::VehicleUse::commercial, true, "永康市安达校车服务有限公司", kindergarten.id),
    };
    const geo::Vehicle &van = out.vehicles[0], &bus = out.vehicles[1], &shuttle = out.vehicles[2], &mpv = out.vehicles[3],
                       &car = out.vehicles[4], &minibus = out.vehicles[5];

    // The van collects its pupils in the western villages along S217 (lattice column 1), south
    // to north, passes the checkpoint camera at 梅陇路 (row 5) and leaves east along 梅陇路 past
    // 城西大道 (column 4), near 园周小学, for its school outside the district; home the same way back.
    Run van_run;
    for (int j = 1; j <= 5; ++j) van_run.cameras.push_back(nearest_camera(sites, layout.vertex(1, j)));
    van_run.cameras.push_back(nearest_camera(sites, layout.vertex(4, 5)));
    van_run.minutes = {0, 7, 13, 19, 25, 33};
    const std::size_t checkpoint = van_run.cameras[4];  // S217 / 梅陇路: counts the people aboard
    // The shuttle runs the other way: workers from the north-east estates to the workshops on S217.
    Run shuttle_run;
    shuttle_run.cameras = {van_run.cameras[5], van_run.cameras[4], van_run.cameras[3], van_run.cameras[2]};
    shuttle_run.minutes = {0, 8, 14, 20};
    Run bus_run{cameras_near(sites, middle_school.location, 2), {0, 4}};
    Run mpv_run{cameras_near(sites, primary.location, 1), {0}};
    Run car_run{cameras_near(sites, yuanzhou.location, 1), {0}};
    Run minibus_run{cameras_near(sites, kindergarten.location, 2), {0, 5}};

    Sightings seen(sites, rng);
    auto none = [](std::size_t) { return std::optional<std::int64_t>{}; };
    for (sys_days d = sys_days{kFirstDay}; d <= sys_days{kLastDay}; d += days{1}) {
        const year_month_day day{d};
        const weekday wd{d};
        const bool weekday_ = wd != Saturday && wd != Sunday;
        const bool school_day = weekday_ && day != kHoliday;
        // Workshops work Saturdays and holidays too.
        if (wd != Sunday) {
            auto counted = [&](std::size_t camera) {
                return camera == checkpoint ? std::optional<std::int64_t>{rng.integer(8, 14)} : std::nullopt;
            };
            seen.add(shuttle, day, hours(6) + minutes(22), shuttle_run, counted);
            seen.add(shuttle, day, hours(17) + minutes(48), reversed(shuttle_run), counted);
        }
        if (!school_day) continue;
        // The van until the afternoon it was stopped. Everyone aboard counts: the driver and the
        // teacher who rides along with the pupils.
        if (day <= kStopDay) {
            auto morning = [&](std::size_t camera) {
                if (camera != checkpoint) return std::optional<std::int64_t>{};
                return std::optional<std::int64_t>{wd == Monday ? 21 : (rng.chance(0.15) ? 18 : 19)};
            };
            auto afternoon = [&](std::size_t camera) {
                if (camera != checkpoint) return std::optional<std::int64_t>{};
                if (day == kStopDay) return std::optional<std::int64_t>{13};  // the stop: 13 aboard, two had got off
                return std::optional<std::int64_t>{wd == Friday ? 21 : (rng.chance(0.15) ? 18 : 19)};
            };
            seen.add(van, day, hours(6) + minutes(50), van_run, morning);
            Run home = reversed(van_run);
            if (day == kStopDay) {  // stopped at the second camera, the checkpoint, and seen no more
                home.cameras.resize(2);
                home.minutes.resize(2);
            }
            seen.add(van, day, hours(16) + minutes(12), home, afternoon, day == kStopDay ? 0.0 : 0.03);
        }
        // The others on their own school runs, missing a day now and then.
        if (!rng.chance(0.04)) {
            seen.add(bus, day, hours(7) + minutes(18), bus_run, none);
            seen.add(bus, day, hours(16) + minutes(38), reversed(bus_run), none);
        }
        if (!rng.chance(0.08)) {
            seen.add(mpv, day, hours(7) + minutes(38), mpv_run, none);
            seen.add(mpv, day, hours(16) + minutes(8), mpv_run, none);
        }
        if (!rng.chance(0.08)) {
            seen.add(car, day, hours(7) + minutes(44), car_run, none);
            seen.add(car, day, hours(16) + minutes(22), car_run, none);
        }
        if (!rng.chance(0.04)) {
            seen.add(minibus, day, hours(7) + minutes(26), minibus_run, none);
            seen.add(minibus, day, hours(15) + minutes(58), reversed(minibus_run), none);
        }
    }
    out.sightings = seen.take();
    return out;
}

}  // namespace sample::detail
