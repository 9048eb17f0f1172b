#pragma once
// Over-capacity (超员) as the traffic police reckon it: the people aboard beyond the rated
// occupants, as a share of them,
//   rate = (aboard - rated) / rated            (超员率 = (实载人数 - 核载人数) / 核载人数)
// both counting the driver. 13 aboard a 6-seat van: 7 / 6 = 116.7% over. The station report's
// 150% for that van counts 15, the two pupils who had got off before the stop included.
#include <cstdint>

namespace geo {

// More aboard than the rated occupants.
inline bool is_over_capacity(std::int64_t aboard, std::int64_t rated_seats) { return aboard > rated_seats; }

// The share over (0 or less when within); rated_seats >= 1.
inline double over_capacity_rate(std::int64_t aboard, std::int64_t rated_seats) {
    return static_cast<double>(aboard - rated_seats) / static_cast<double>(rated_seats);
}

}  // namespace geo
