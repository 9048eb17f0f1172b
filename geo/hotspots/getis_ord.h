#pragma once
// The Getis-Ord Gi* statistic: is a feature surrounded by high (or low) values more than chance
// would give? Getis, A. & Ord, J. K. (1992) "The analysis of spatial association by use of
// distance statistics", Geographical Analysis 24(3); Ord, J. K. & Getis, A. (1995) "Local
// spatial autocorrelation statistics: distributional issues and an application", Geographical
// Analysis 27(4), eq. for Gi* in its standardised (z-score) form:
//
//            Σ_j w_ij x_j − X̄ Σ_j w_ij
//   Gi* = ───────────────────────────────────────────        X̄ = Σ_j x_j / n
//          S · sqrt( (n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1) )   S = sqrt( Σ_j x_j² / n − X̄² )
//
// with the sums over all n features, w_ii included. Gi* is itself a z-score; its p-value is
// two-sided under the normal, p = erfc(|z| / √2).
//
// Confidence bins as ArcGIS's Hot Spot Analysis reports them (Gi_Bin): +3 / −3 hot / cold at
// 99% (p <= 0.01), ±2 at 95% (p <= 0.05), ±1 at 90% (p <= 0.10), 0 not significant; the sign
// is the sign of z. With the false-discovery-rate correction the bins use Benjamini–Hochberg
// adjusted p-values instead: a feature is in the 95% bin when it would be rejected by the BH
// procedure at level 0.05 over all features, which is what ArcGIS's FDR option does per level.
#include <vector>

#include "geo/hotspots/spatial_weights.h"

namespace geo {

struct GiStarResult {
    std::vector<double> z;        // Gi* per feature; 0 where the statistic is undefined
    std::vector<double> p;        // two-sided normal p-value (1 where z = 0)
    std::vector<double> p_fdr;    // BH-adjusted p-values; empty without the FDR correction
    std::vector<int> bin;         // −3..+3, as above
    double mean = 0;              // X̄
    double sd = 0;                // S (population form, as in the formula)
};

// Gi* for every feature of `values` with `weights` (one row per value). Where S = 0 (all values
// equal) or every feature neighbours every other (the denominator is 0) z is 0: no evidence
// either way. InternalError when the weights do not match the values.
GiStarResult getis_ord_gi_star(const std::vector<double>& values, const SpatialWeights& weights,
                               bool fdr = false);

// Two-sided normal p-value of a z-score: P(|Z| >= |z|) = erfc(|z| / √2).
double two_sided_p(double z);

// −3..+3 from a z-score and the p-value the bins are judged on (raw or FDR-adjusted).
int confidence_bin(double z, double p);

// Benjamini, Y. & Hochberg, Y. (1995) "Controlling the false discovery rate", JRSS B 57(1):
// adjusted p-values q_(i) = min over j >= i of p_(j) · m / j (p sorted ascending, m = count),
// capped at 1, returned in the input's order. Rejecting q <= α is the BH procedure at level α.
std::vector<double> benjamini_hochberg(const std::vector<double>& p);

}  // namespace geo
