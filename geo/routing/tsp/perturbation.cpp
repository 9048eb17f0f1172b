#include "geo/routing/tsp/perturbation.h"

#include <algorithm>
#include <vector>

namespace geo::tsp {

void double_bridge(MoveContext& m, std::mt19937_64& rng) {
    const int n = m.tour.size();
    if (n < 8) return;
    const int longest = std::max(1, std::min(double_bridge_max_segment, (n - 2) / 3));
    std::uniform_int_distribution<int> start_at(0, n - 1);
    std::uniform_int_distribution<int> length_of(1, longest);
    const int a_end = start_at(rng);        // position of A's last city
    const int b_length = length_of(rng);
    const int c_length = length_of(rng);
    std::vector<int> rewritten;
    rewritten.reserve(static_cast<std::size_t>(b_length + c_length));
    auto city_at = [&](int offset) { return m.tour.at((a_end + offset) % n); };
    for (int i = 0; i < c_length; ++i) rewritten.push_back(city_at(1 + b_length + i));
    for (int i = 0; i < b_length; ++i) rewritten.push_back(city_at(1 + i));
    const int a_last = city_at(0), b_first = city_at(1), b_last = city_at(b_length);
    const int c_first = city_at(b_length + 1), c_last = city_at(b_length + c_length);
    const int d_first = city_at(b_length + c_length + 1);
    m.length_change += m.dist(a_last, c_first) + m.dist(c_last, b_first) + m.dist(b_last, d_first) -
                       m.dist(a_last, b_first) - m.dist(b_last, c_first) - m.dist(c_last, d_first);
    m.tour.overwrite((a_end + 1) % n, rewritten);
    m.touched(a_last, b_first, b_last, c_first);
    m.touched(c_last, d_first, a_last, b_first);
}

}  // namespace geo::tsp
