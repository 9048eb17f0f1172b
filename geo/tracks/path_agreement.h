#pragma once
// How far two paths along the streets agree: the metres of road both cover (per edge, the
// overlap of the stretches each covers, whatever the direction or how often), against each
// one's own length. What "matched edges agree with the generating routes on 97% of the
// distance" is measured with.
#include <vector>

#include "geo/tracks/map_match.h"

namespace geo {

struct PathAgreement {
    double truth_m = 0;    // road covered by the true path
    double matched_m = 0;  // road covered by the matched path
    double common_m = 0;   // covered by both
    double recall() const { return truth_m > 0 ? common_m / truth_m : 1.0; }       // of the truth, found
    double precision() const { return matched_m > 0 ? common_m / matched_m : 1.0; }  // of the match, true
};

PathAgreement path_agreement(const std::vector<EdgeSpan>& truth, const std::vector<EdgeSpan>& matched);

}  // namespace geo
