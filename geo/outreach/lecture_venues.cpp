#include "geo/outreach/lecture_venues.h"

#include <cmath>
#include <numeric>

#include "geo/spatial/point_in_area.h"

namespace geo {
namespace {

std::array<double, 4> residents_mix(const Neighbourhood* n) {
    if (!n) return kCensusMix;
    std::array<double, 4> mix{};
    for (std::size_t k = 0; k < 4; ++k) {
        if (!n->age_share[k]) return kCensusMix;
        mix[k] = *n->age_share[k];
    }
    return mix;
}

std::array<double, 4> normalised(std::array<double, 4> mix) {
    const double sum = std::accumulate(mix.begin(), mix.end(), 0.0);
    if (sum > 0)
        for (double& x : mix) x /= sum;
    return mix;
}

}  // namespace

std::vector<LectureVenue> lecture_venues(const District& district) {
    std::vector<XY> points;
    std::vector<const Site*> candidates;
    for (const auto& s : district.sites)
        if (s.kind == SiteKind::school || s.kind == SiteKind::enterprise || s.kind == SiteKind::village_committee ||
            s.kind == SiteKind::community_centre) {
            candidates.push_back(&s);
            points.push_back(s.location);
        }
    const auto hood_of = neighbourhood_of_points(district, points);
    std::vector<bool> has_venue(district.neighbourhoods.size(), false);
    std::vector<LectureVenue> out;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const Site& s = *candidates[k];
        LectureVenue v;
        v.id = s.id;
        v.name = s.name.empty() ? s.id : s.name;
        v.kind = s.kind;
        v.location = s.location;
        v.neighbourhood = hood_of[k];
        const Neighbourhood* n = v.neighbourhood >= 0 ? &district.neighbourhoods[static_cast<std::size_t>(v.neighbourhood)] : nullptr;
        if (n) has_venue[static_cast<std::size_t>(v.neighbourhood)] = true;
        switch (s.kind) {
            case SiteKind::school: v.age_mix = kSchoolMix; break;
            case SiteKind::enterprise: v.age_mix = kEnterpriseMix; break;
            default: {
                auto mix = residents_mix(n);
                mix[3] *= kElderlyTurnout;
                v.age_mix = normalised(mix);
            }
        }
        v.audience = s.audience;
        if (v.audience <= 0 && n) v.audience = std::llround(static_cast<double>(n->residents) * kSquareShare);
        out.push_back(std::move(v));
    }
    for (std::size_t h = 0; h < district.neighbourhoods.size(); ++h) {
        if (has_venue[h]) continue;
        const Neighbourhood& n = district.neighbourhoods[h];
        if (n.area.empty()) continue;
        LectureVenue v;
        v.id = "square-" + n.id;
        v.name = (n.name.empty() ? n.id : n.name) + "广场";
        v.location = centroid(n.area);
        v.neighbourhood = static_cast<int>(h);
        v.audience = std::llround(static_cast<double>(n.residents) * kSquareShare);
        v.age_mix = residents_mix(&n);
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace geo
