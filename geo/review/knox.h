#pragma once
// Repeat and near-repeat victimisation: after a case, is the risk raised nearby for a while?
// The Knox test as near-repeat calculators run it (Ratcliffe's Near Repeat Calculator, after
// Johnson & Bowers): every pair of cases is put in a cell of a table of distance bands by time
// bands; the observed pair count of each cell is compared with the counts when the cases' times
// are shuffled among their places (Monte Carlo, a seeded generator). A cell whose count is
// higher than nearly every shuffle's says: cases this close, this soon after each other, are
// more common than chance.
#include <cstdint>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct KnoxOptions {
    std::vector<double> distance_bands_m = {100, 200, 400, 800};  // upper bounds, increasing
    std::vector<double> time_bands_days = {7, 14, 30, 60};        // upper bounds, increasing
    int permutations = 99;
    std::uint64_t seed = 20210101;
};

struct KnoxCell {
    std::int64_t observed = 0;  // pairs in this distance and time band
    double expected = 0;        // mean over the shuffles
    double ratio = 0;           // observed / expected (0 when expected is 0)
    double p_value = 1;         // (1 + shuffles with at least `observed`) / (1 + permutations)
};

// Rows: distance bands, then one for "farther"; columns: time bands, then "later".
// (Pairs farther or later than every band are counted too: the table sums to n(n-1)/2.)
struct KnoxTable {
    std::vector<double> distance_bands_m, time_bands_days;
    std::vector<std::vector<KnoxCell>> cells;  // [distance row][time column]
    int permutations = 0;
    std::size_t cases = 0;
};

// `points` in metres, `times` one per point. Bands must be positive and increasing.
KnoxTable knox_test(const std::vector<XY>& points, const std::vector<Timestamp>& times, const KnoxOptions& options);

}  // namespace geo
