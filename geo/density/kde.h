#pragma once
// Exact kernel density on a grid: the value of a cell is the sum, over every point, of the
// point's weight times the kernel (geo/density/kernels.h) at the distance from the point to the
// cell's centre, reported per km² (kernel per m² × 10⁶). No binning, no approximation: the only
// difference from a direct sum over all points is floating-point summation order (~1e-15).
//
// Fast because the kernels have finite support: a point touches only the cells whose centres
// lie within the bandwidth h, O(N·(h/cell)²) work in all, done 8 rows × 8 columns at a time in
// vector registers. Bands of 8 rows are shared among threads; each band is computed by one
// thread, every cell adding its points in one fixed order (by strips one cell high, south to
// north, input order within a strip), so the result is bit-for-bit the same for any thread
// count and any instruction set (SimdLevel).
//
// Measured with `patrolmap bench-heatmap --qgis` on a 2-core Xeon VM: 1,000,000 points, 2000 ×
// 2000 cells of 10 m, quartic r = 300 m: 0.39 s on 2 threads (0.69 s on one; AVX2 0.42 s, SSE2
// 0.66 s); QGIS 3.22's heatmap on the same points and its own 2055 × 2060 grid: 22.4 s, 59× ours
// on that grid (0.38 s).
#include <functional>
#include <span>
#include <vector>

#include "geo/density/grid.h"
#include "geo/density/kernels.h"
#include "geo/model/geometry.h"

namespace geo {

struct WeightedPoint {
    XY location;        // workspace CRS, metres
    double weight = 1;  // 1 for counts; yuan for losses; a decay factor for recency
};

// The vector instructions the inner loop uses. All give bit-identical surfaces (no fused
// multiply-add anywhere); `best` takes the widest the CPU has, and a level the CPU lacks falls
// back to the next one down. Other than `best`, for tests and benchmarks.
enum class SimdLevel { best, avx512, avx2, sse2 };

// The level `wanted` gives on this CPU (never `best`), and its name ("avx512", "avx2", "sse2").
SimdLevel simd_level_on_this_cpu(SimdLevel wanted = SimdLevel::best);
const char* simd_level_name(SimdLevel level);

struct KdeRun {
    unsigned threads = 0;  // 0: std::thread::hardware_concurrency()
    SimdLevel simd = SimdLevel::best;
    // Called on the calling thread as rows finish (rows_done, rows_total), last with
    // rows_done == rows_total. May be empty. An exception it throws cancels the computation
    // (after the bands under way) and propagates.
    std::function<void(int rows_done, int rows_total)> progress;
};

// Σ weight·K(d; h)·10⁶ at each cell centre of `grid`: weight units per km², rows north first
// (values[row·width + col]). Points outside the grid count wherever their support reaches into
// it; non-finite points and zero weights add nothing. Throws BadInput for a bandwidth or grid
// that is not positive and finite.
std::vector<double> kernel_density_per_km2(std::span<const WeightedPoint> points, Kernel kernel,
                                           double bandwidth_m, const Grid& grid,
                                           const KdeRun& run = {});

// The same sum at one place, directly over every point (O(N)): the reference the tests and the
// benchmark hold the grid against.
double direct_density_per_km2(std::span<const WeightedPoint> points, Kernel kernel,
                              double bandwidth_m, XY at);

}  // namespace geo
