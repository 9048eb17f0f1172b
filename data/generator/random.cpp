#include "data/generator/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace sample::detail {

namespace {

// SplitMix64 finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators",
// OOPSLA 2014): spreads a seed over all 64 bits before it seeds the Mersenne Twister.
std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// FNV-1a, 64 bit: a stable number for a stream's name.
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001B3ULL;
    }
    return h;
}

}  // namespace

Rng::Rng(std::uint64_t seed, std::string_view stream)
    : engine_(splitmix64(seed ^ splitmix64(fnv1a(stream)))) {}

double Rng::uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

std::size_t Rng::index(std::size_t n) {
    // Multiply-shift (Lemire 2019) without the rejection step: the bias is below 2^-40 for
    // every n we use, and the result stays a pure function of the engine's output.
    const unsigned __int128 product = static_cast<unsigned __int128>(engine_()) * n;
    return static_cast<std::size_t>(product >> 64);
}

int Rng::integer(int lo, int hi) {
    return lo + static_cast<int>(index(static_cast<std::size_t>(hi - lo + 1)));
}

bool Rng::chance(double probability) { return uniform() < probability; }

double Rng::normal(double mean, double sd) {
    const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
    const double u2 = uniform();
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Rng::lognormal(double median, double sigma) {
    return median * std::exp(normal(0.0, sigma));
}

std::size_t Rng::weighted(const std::vector<double>& weights) {
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    double target = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (target < weights[i]) return i;
        target -= weights[i];
    }
    // Rounding left target just above the last weight: take the last non-zero one.
    for (std::size_t i = weights.size(); i-- > 0;)
        if (weights[i] > 0) return i;
    return 0;
}

std::vector<std::size_t> Rng::sample(std::size_t n, std::size_t k) {
    std::vector<std::size_t> pool(n);
    std::iota(pool.begin(), pool.end(), std::size_t{0});
    k = std::min(k, n);
    for (std::size_t i = 0; i < k; ++i) std::swap(pool[i], pool[i + index(n - i)]);
    pool.resize(k);
    std::sort(pool.begin(), pool.end());
    return pool;
}

}  // namespace sample::detail
