#pragma once
// The benchmarks' big workloads: a workspace's incidents replicated over a large square, the
// same way for the heatmap and the review benchmarks, so that "1,000,000 incidents" means the
// same points in both. Deterministic (splitmix64, fixed seed).
#include <cstdint>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace cli {

// splitmix64 (Steele, Lea & Flood 2014): a tiny generator with the same stream everywhere.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
};

// `count` copies of the district's incidents (time, type, outcome ... kept), copy after copy of
// the whole set, each copy shifted to a random place in `square` and every point jittered by up
// to ±25 m (clamped to the square); ids "<id>-<copy>". BadInput naming `workspace` when the
// district has no incident with a finite location.
std::vector<geo::Incident> replicated_incidents(const geo::District& district, std::size_t count,
                                                const geo::Envelope& square, const std::string& workspace);

}  // namespace cli
