#pragma once
// How well a forecast surface picks the cells where the next incidents happen: hit rate, the
// predictive accuracy index (PAI; Chainey, Tompson & Uhlig 2008, "The utility of hotspot
// mapping for predicting spatial patterns of crime", Security Journal 21) and the predictive
// efficiency index (PEI: the PAI over the best PAI possible for the same area, as the NIJ's
// 2016–17 Real-Time Crime Forecasting Challenge scored forecasts), as issue 4 defines them:
//
//   hotspot cells  the round(a × N) study cells with the highest prediction (N study cells;
//                  round half away from zero)
//   hit rate       test incidents in the hotspot cells ÷ test incidents in all study cells
//   PAI            hit rate ÷ a
//   PEI            hit rate ÷ the best hit rate any round(a × N) cells could have had (the cells
//                  with the most test incidents)
//
// Ties: cells with equal predictions are taken in ascending cell order (the order of the
// vectors, which callers keep in raster order), so the answer is reproducible. Ties do not
// change the best hit rate.
#include <cstddef>
#include <optional>
#include <vector>

namespace geo {

// The indices of the m highest values, highest first; equal values in ascending index order.
std::vector<std::size_t> top_cells(const std::vector<double>& predicted, std::size_t m);

struct AreaShareScore {
    double area_share = 0;              // a
    std::size_t cells = 0;              // round(a × N)
    std::size_t hits = 0;               // test incidents in those cells
    std::size_t best_hits = 0;          // the most any `cells` cells hold
    std::size_t test_incidents = 0;     // in all study cells
    std::optional<double> hit_rate;     // nullopt without test incidents
    std::optional<double> pai;          // nullopt without test incidents
    std::optional<double> pei;          // nullopt when best_hits = 0
};

// `predicted` and `observed` (test incidents) per study cell, in the same order.
// InternalError when their sizes differ or a is outside (0, 1].
AreaShareScore score_area_share(const std::vector<double>& predicted, const std::vector<std::size_t>& observed,
                                double area_share);

}  // namespace geo
