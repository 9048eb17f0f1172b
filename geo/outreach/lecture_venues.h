#pragma once
// Where the lecture team (讲师团) can speak and who is in the room: schools (pupils), enterprises
// (workers), village halls and community centres (the neighbourhood's residents, the elderly
// more than their share: they are the ones who come), and, for a neighbourhood with no venue of
// its own, its square (广场宣讲). Each venue has an audience and an age mix in AgeBand order.
#include <array>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct LectureVenue {
    std::string id;                 // the site's id, or "square-<neighbourhood id>"
    std::string name;
    SiteKind kind = SiteKind::other;  // other for a neighbourhood square
    XY location;
    int neighbourhood = -1;         // index into district.neighbourhoods; -1 outside them
    std::int64_t audience = 0;
    std::array<double, 4> age_mix{};  // under 25, 25-44, 45-59, 60+; sums to 1
};

// Audience mixes used where the data say nothing more (stated, not measured): a school's room
// is pupils and a few teachers; a firm's workers are of working age; a neighbourhood with no
// age data is taken as the national 2020 census shares (under 25 ~27%, 25-44 ~29%, 45-59 ~25%,
// 60+ ~19%).
inline constexpr std::array<double, 4> kSchoolMix = {0.9, 0.1, 0.0, 0.0};
inline constexpr std::array<double, 4> kEnterpriseMix = {0.3, 0.5, 0.2, 0.0};
inline constexpr std::array<double, 4> kCensusMix = {0.27, 0.29, 0.25, 0.19};
// Village halls and community centres draw the elderly: their share counts double, then the mix
// is normalised. Squares reach a twentieth of the residents.
inline constexpr double kElderlyTurnout = 2.0;
inline constexpr double kSquareShare = 0.05;

std::vector<LectureVenue> lecture_venues(const District& district);

}  // namespace geo
