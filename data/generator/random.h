#pragma once
// Deterministic random numbers for the sample generator.
// Only the raw output of std::mt19937_64 is used: the engine's sequence is fixed by the
// standard ([rand.eng.mers]), while the std:: distributions are implementation-defined
// ([rand.dist.general]) and would give another sample on another standard library.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

namespace sample::detail {

class Rng {
public:
    // One independent stream per layer (the seed mixed with the stream's name), so that a
    // change in how incidents draw does not move a single building.
    Rng(std::uint64_t seed, std::string_view stream);

    double uniform();                           // [0, 1), 53 random bits
    double uniform(double lo, double hi);       // [lo, hi)
    std::size_t index(std::size_t n);           // [0, n), n > 0
    int integer(int lo, int hi);                // [lo, hi], inclusive
    bool chance(double probability);
    double normal(double mean, double sd);      // Box-Muller, cosine branch only
    // exp(normal(log(median), sigma)): skewed positive amounts such as losses in yuan.
    double lognormal(double median, double sigma);
    // Index drawn with probability weights[i] / sum(weights); weights >= 0, sum > 0.
    std::size_t weighted(const std::vector<double>& weights);
    // k distinct indices of [0, n), in increasing order (partial Fisher-Yates).
    std::vector<std::size_t> sample(std::size_t n, std::size_t k);

private:
    std::mt19937_64 engine_;
};

}  // namespace sample::detail
