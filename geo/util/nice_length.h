#pragma once
// Scale bars read 1, 2 or 5 × 10ⁿ metres: the longest such length not above `max_m`.
#include <cmath>

namespace geo {

inline double nice_length_m(double max_m) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(max_m)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= max_m) return step * magnitude;
    return magnitude;
}

}  // namespace geo
