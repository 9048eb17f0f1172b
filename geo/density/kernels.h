#pragma once
// Kernels for kernel density estimation on the plane. Every kernel here is radially symmetric,
// has finite support (0 at and beyond the bandwidth h) and integrates to 1 over the plane, so
// K(d; h) is a density per square metre and a sum of kernels counts incidents per m².
//
// Written as K(d; h) = c / h² · profile(q) for q = d²/h² < 1, else 0, with the profile and the
// normalising constant c (from ∫∫ K dA = ∫₀ʰ K(r) 2πr dr = 1):
//
//   kernel        profile(q)        c                          K(0)·h²
//   uniform       1                 1/π                        0.318
//   triangular    1 − √q            3/π                        0.955
//   epanechnikov  1 − q             2/π                        0.637
//   quartic       (1 − q)²          3/π                        0.955   (a.k.a. biweight; the default)
//   gaussian      exp(−4.5·q)       9 / (2π·(1 − e^−4.5))      1.444
//
// The Gaussian is truncated at 3σ with h = 3σ (σ = h/3), so exp(−d²/2σ²) = exp(−4.5·d²/h²),
// and renormalised: the mass it drops beyond 3σ (e^−4.5 = 1.1%) is spread back over the disc by
// dividing by (1 − e^−4.5), so it still integrates to exactly 1.
// Quartic, Epanechnikov, triangular and uniform in their 2-D form: Silverman (1986), "Density
// Estimation for Statistics and Data Analysis", §4.2; the same shapes QGIS's heatmap uses
// (Wand & Jones 1995, p. 175), whose "raw" output is the bare profile sum.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace geo {

enum class Kernel { quartic, triangular, uniform, epanechnikov, gaussian };

// Stored/CLI names, in enum order.
constexpr std::array<std::string_view, 5> kernel_names = {"quartic", "triangular", "uniform",
                                                          "epanechnikov", "gaussian"};

std::string_view name_of(Kernel kernel);
// A kernel name; "biweight" is accepted for quartic. nullopt for anything else.
std::optional<Kernel> parse_kernel(std::string_view text);
// "quartic, triangular, uniform, epanechnikov or gaussian" for messages.
std::string allowed_kernel_names();

// c in K = c/h² · profile(q) (see the table above).
double kernel_constant(Kernel kernel);

// profile(q) for q = d²/h² in [0, 1); 0 for q >= 1 (outside the support).
double kernel_profile(Kernel kernel, double q);

// K(d; h) in 1/m²: density at distance d_m from one point with bandwidth h_m. 0 for d >= h.
double kernel_value_per_m2(Kernel kernel, double d_m, double bandwidth_m);

}  // namespace geo
