#include "data/generator/names.h"
#include "data/generator/steps.h"

namespace sample::detail {

namespace {

// 一小区一民警: each officer answers for a strip of three adjacent cells, two strips a row.
constexpr int kCellsPerOfficer = 3;
constexpr int kOfficers = kColumns * kRows / kCellsPerOfficer;
static_assert(kColumns % kCellsPerOfficer == 0, "strips must not wrap across rows");
static_assert(kOfficers == static_cast<int>(kOfficerNames.size()), "one name per officer");

constexpr double kWeeklyHours = 40;  // the statutory working week

}  // namespace

std::string officer_id_for(const Cell& cell) {
    const int strip = cell.row * (kColumns / kCellsPerOfficer) + cell.column / kCellsPerOfficer;
    return numbered_id("P", strip + 1, 2);
}

std::vector<geo::Officer> make_officers(const geo::Site& police_station) {
    std::vector<geo::Officer> out;
    for (int k = 0; k < kOfficers; ++k) {
        geo::Officer officer;
        officer.id = numbered_id("P", k + 1, 2);
        officer.name = std::string(kOfficerNames[k]);
        // Desk lines of the station's block 8711xxxx.
        officer.phone = numbered_id("0579-8711", 2301 + k, 4);
        officer.post_site_id = police_station.id;
        officer.post = police_station.location;
        officer.weekly_hours = kWeeklyHours;
        out.push_back(std::move(officer));
    }
    return out;
}

}  // namespace sample::detail
