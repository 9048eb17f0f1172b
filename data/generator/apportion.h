#pragma once
// Splitting an exact integer total (residents, households) in proportion to weights.
#include <cstdint>
#include <vector>

namespace sample::detail {

// Largest-remainder (Hamilton) apportionment: shares sum to exactly `total`, each share is
// floor or ceil of total * w / sum(w); ties go to the lower index. Weights >= 0, sum > 0.
std::vector<std::int64_t> apportion(const std::vector<double>& weights, std::int64_t total);

}  // namespace sample::detail
