#pragma once
// The default kernel bandwidth when the user gives none: the spatial rule of thumb ArcGIS Pro's
// Kernel Density tool documents ("How Kernel Density works", Esri), a two-dimensional form of
// Silverman's rule (B. W. Silverman, "Density Estimation for Statistics and Data Analysis",
// 1986, eq. 3.31, robust to outliers through the median distance):
//
//   h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−1/5)
//
//   SD  standard distance: √( Σ((x − x̄)² + (y − ȳ)²) / n ), metres, about the mean centre
//   Dm  median distance of the points from the mean centre, metres
//   n   number of points
//
// QGIS's heatmap has no rule (its radius defaults to 100 map units), so this is ours to
// document. Weights do not enter: the rule looks at where incidents are, not at what they cost.
#include <optional>
#include <span>

#include "geo/model/geometry.h"

namespace geo {

// nullopt when the rule gives no positive bandwidth: fewer than two points, all points in one
// place, or more than half of them exactly at the mean centre (Dm = 0).
std::optional<double> default_bandwidth_m(std::span<const XY> points);

}  // namespace geo
