#include "geo/density/kde.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "geo/util/error.h"

namespace geo {
namespace {

// Both the grid and the direct sum evaluate a kernel through s = h² − d² (m²), computed as
// (h² − dy²) − dx²: a point reaches a cell centre exactly when s > 0, and each profile is a cheap
// function of s. With q = d²/h² = 1 − s/h², the kernels of kernels.h are
//   K = c/h² · profile(q) = c/h² · scale_of_s · profile_of_s(s):
//   uniform       1                    = 1
//   triangular    1 − √q               = (h − √(h² − s)) / h
//   epanechnikov  1 − q                = s / h²
//   quartic       (1 − q)²             = s² / h⁴
//   gaussian      exp(−4.5·q)          = exp(−4.5·(h² − s)/h²)
// so the grid sums weight·profile_of_s and multiplies by c/h² · scale_of_s · 10⁶ once per cell.
struct Bandwidth {
    double h;
    double h2;
    double inv_h2;
};

template <Kernel K>
[[gnu::always_inline]] inline double profile_of_s(double s, [[maybe_unused]] const Bandwidth& b) {
    if constexpr (K == Kernel::uniform) return 1.0;
    else if constexpr (K == Kernel::triangular) return b.h - std::sqrt(b.h2 - s);
    else if constexpr (K == Kernel::epanechnikov) return s;
    else if constexpr (K == Kernel::quartic) return s * s;
    else return std::exp(-4.5 * ((b.h2 - s) * b.inv_h2));
}

// c/h² · 10⁶ (per m² → per km²) times the power of h that profile_of_s leaves out.
double scale_per_km2(Kernel kernel, const Bandwidth& b) {
    const double base = kernel_constant(kernel) * b.inv_h2 * 1e6;
    switch (kernel) {
        case Kernel::uniform: return base;
        case Kernel::triangular: return base / b.h;
        case Kernel::epanechnikov: return base * b.inv_h2;
        case Kernel::quartic: return base * b.inv_h2 * b.inv_h2;
        case Kernel::gaussian: return base;
    }
    return base;
}

Bandwidth checked_bandwidth(double bandwidth_m) {
    if (!(bandwidth_m > 0) || !std::isfinite(bandwidth_m))
        throw BadInput(fmt::format("kernel bandwidth {} m must be a positive number of metres", bandwidth_m));
    const double h2 = bandwidth_m * bandwidth_m;
    return {bandwidth_m, h2, 1.0 / h2};
}

// The points in strip order (see kernel_density_per_km2), the arrangement every band reads.
struct SortedPoint {
    double x;
    double y;
    double weight;
};

// Columns are visited in blocks of this many, whole blocks only, so the inner loops have fixed
// trip counts and no scalar remainder. Cells a block covers outside the support are masked to 0;
// the row buffers are padded to whole blocks.
constexpr int block_cols = 8;
// Rows are computed this many at a time: a point's dx² for a column serves all of them, and its
// column range is worked out once per band instead of once per row (8 measured fastest of 2..12).
constexpr int band_rows = 8;

// W doubles as one GCC vector: W = 8 fills an AVX-512 register, 4 an AVX2 one, 2 an SSE2 one.
// Each instruction set gets its own width, because GCC splits a wider generic vector badly
// (comparisons fall back to scalar code: 3.5× slower measured for 8 lanes under AVX2).
template <int W> struct LanesOf;
template <> struct LanesOf<8> { using type = double __attribute__((vector_size(64))); };
template <> struct LanesOf<4> { using type = double __attribute__((vector_size(32))); };
template <> struct LanesOf<2> { using type = double __attribute__((vector_size(16))); };
template <int W>
using Lanes = typename LanesOf<W>::type;

// Unaligned loads and stores (GCC turns the memcpy into one vector move). Vectors travel by
// reference: passing one by value differs between the instruction sets' ABIs.
template <int W>
[[gnu::always_inline]] inline void load_lanes(const double* p, Lanes<W>& v) { std::memcpy(&v, p, sizeof v); }
template <int W>
[[gnu::always_inline]] inline void store_lanes(double* p, const Lanes<W>& v) { std::memcpy(p, &v, sizeof v); }

// profile_of_s lane by lane; the polynomial profiles as whole-vector arithmetic.
template <Kernel K, int W>
[[gnu::always_inline]] inline void profile_of_s(const Lanes<W>& s, const Bandwidth& b, Lanes<W>& out) {
    if constexpr (K == Kernel::uniform) out = Lanes<W>{} + 1.0;
    else if constexpr (K == Kernel::epanechnikov) out = s;
    else if constexpr (K == Kernel::quartic) out = s * s;
    else
        for (int k = 0; k < W; ++k) out[k] = profile_of_s<K>(s[k], b);
}

struct BandJob {
    const SortedPoint* points;  // those within reach of this band, in strip order
    std::size_t count;
    const double* centres_x;    // grid.centre_x(col) for every column of the padded rows
    int padded_width;           // a multiple of block_cols
    double origin_x;
    double inv_cell_m;
    std::array<double, band_rows> centres_y;  // the band's rows (past the grid's last row: dropped)
    Bandwidth bandwidth;
    bool unit_weights;          // every weight is 1: the multiplication is skipped
};

// Adds every point of `job` to the band's rows (unscaled: Σ weight·profile_of_s), row r at
// rows + r·padded_width. Per point, only the blocks of columns that may hold centres within the
// bandwidth (the widest chord of the support disc over the band's rows, widened by a column on
// each side against rounding, then to whole blocks) are visited; the mask s > 0 decides each
// cell exactly, with the same arithmetic as direct_density_per_km2. Every cell receives its
// points in the order of job.points, however the rows are banded or threaded.
template <Kernel K, bool UnitWeights, int W>
[[gnu::always_inline]] inline void add_points_to_band(const BandJob& job, double* __restrict rows) {
    constexpr int vectors = block_cols / W;
    const Bandwidth b = job.bandwidth;
    const int last_block = job.padded_width / block_cols - 1;
    const Lanes<W> zero{};
    for (std::size_t i = 0; i < job.count; ++i) {
        const SortedPoint p = job.points[i];
        std::array<double, band_rows> s_row;  // h² − dy² per row: what is left for dx²
        double s_widest = 0;
        for (int r = 0; r < band_rows; ++r) {
            const double dy = job.centres_y[static_cast<std::size_t>(r)] - p.y;
            s_row[static_cast<std::size_t>(r)] = b.h2 - dy * dy;
            s_widest = std::max(s_widest, s_row[static_cast<std::size_t>(r)]);
        }
        if (!(s_widest > 0)) continue;
        const double half_chord_m = std::sqrt(s_widest);
        const double first_col = std::floor((p.x - half_chord_m - job.origin_x) * job.inv_cell_m) - 1;
        const double last_col = std::floor((p.x + half_chord_m - job.origin_x) * job.inv_cell_m) + 1;
        if (last_col < 0 || first_col >= job.padded_width) continue;
        const int b0 = static_cast<int>(std::max(first_col, 0.0)) / block_cols;
        const int b1 = std::min(static_cast<int>(last_col) / block_cols, last_block);
        const Lanes<W> w = zero + p.weight;
        for (int blk = b0; blk <= b1; ++blk) {
            Lanes<W> dx2[vectors];
            for (int v = 0; v < vectors; ++v) {
                Lanes<W> centres;
                load_lanes<W>(job.centres_x + blk * block_cols + v * W, centres);
                const Lanes<W> dx = centres - p.x;
                dx2[v] = dx * dx;
            }
            for (int r = 0; r < band_rows; ++r) {
                const double s_r = s_row[static_cast<std::size_t>(r)];
                for (int v = 0; v < vectors; ++v) {
                    double* out = rows + r * job.padded_width + blk * block_cols + v * W;
                    const Lanes<W> s = s_r - dx2[v];
                    Lanes<W> profile{};
                    profile_of_s<K, W>(s, b, profile);
                    Lanes<W> sums;
                    load_lanes<W>(out, sums);
                    // A select rather than a branch: profile_of_s is finite for any s, and
                    // outside the support (s <= 0) the cell gets exactly 0.
                    if constexpr (UnitWeights) store_lanes<W>(out, sums + (s > 0 ? profile : zero));
                    else store_lanes<W>(out, sums + (s > 0 ? w * profile : zero));
                }
            }
        }
    }
}

template <Kernel K, int W>
[[gnu::always_inline]] inline void add_points_to_band(const BandJob& job, double* rows) {
    if (job.unit_weights) add_points_to_band<K, true, W>(job, rows);
    else add_points_to_band<K, false, W>(job, rows);
}

// Everything inlined into each entry point below, so all of it is built for that entry's
// instruction set.
template <int W>
[[gnu::always_inline]] inline void add_points_to_band_as(Kernel kernel, const BandJob& job, double* rows) {
    switch (kernel) {
        case Kernel::quartic: add_points_to_band<Kernel::quartic, W>(job, rows); break;
        case Kernel::triangular: add_points_to_band<Kernel::triangular, W>(job, rows); break;
        case Kernel::uniform: add_points_to_band<Kernel::uniform, W>(job, rows); break;
        case Kernel::epanechnikov: add_points_to_band<Kernel::epanechnikov, W>(job, rows); break;
        case Kernel::gaussian: add_points_to_band<Kernel::gaussian, W>(job, rows); break;
    }
}

// One entry point per instruction set, chosen at run time: AVX-512, AVX2 or the SSE2 every
// x86-64 has. AVX-512 brings fused multiply-add, which GCC would use to contract a·b + c (one
// rounding instead of two); fp-contract=off forbids that, so every instruction set rounds alike
// and the surface does not depend on the machine it was computed on.
__attribute__((target("avx512f"), optimize("fp-contract=off")))
void add_points_to_band_avx512(Kernel kernel, const BandJob& job, double* rows) {
    add_points_to_band_as<8>(kernel, job, rows);
}
__attribute__((target("avx2"), optimize("fp-contract=off")))
void add_points_to_band_avx2(Kernel kernel, const BandJob& job, double* rows) {
    add_points_to_band_as<4>(kernel, job, rows);
}
__attribute__((optimize("fp-contract=off")))
void add_points_to_band_sse2(Kernel kernel, const BandJob& job, double* rows) {
    add_points_to_band_as<2>(kernel, job, rows);
}

using AddPointsToBand = void (*)(Kernel, const BandJob&, double*);
AddPointsToBand add_points_to_band_for(SimdLevel wanted) {
    switch (simd_level_on_this_cpu(wanted)) {
        case SimdLevel::avx512: return add_points_to_band_avx512;
        case SimdLevel::avx2: return add_points_to_band_avx2;
        default: return add_points_to_band_sse2;
    }
}

template <Kernel K>
__attribute__((optimize("fp-contract=off")))
double direct_sum(std::span<const WeightedPoint> points, const Bandwidth& b, XY at) {
    double sum = 0;
    for (const WeightedPoint& p : points) {
        if (p.weight == 0 || !std::isfinite(p.weight)) continue;
        const double dx = at.x - p.location.x;
        const double dy = at.y - p.location.y;
        const double s = (b.h2 - dy * dy) - dx * dx;
        if (s > 0) sum += p.weight * profile_of_s<K>(s, b);  // NaN locations fail s > 0
    }
    return sum;
}

}  // namespace

SimdLevel simd_level_on_this_cpu(SimdLevel wanted) {
    __builtin_cpu_init();
    if (wanted <= SimdLevel::avx512 && __builtin_cpu_supports("avx512f")) return SimdLevel::avx512;
    if (wanted <= SimdLevel::avx2 && __builtin_cpu_supports("avx2")) return SimdLevel::avx2;
    return SimdLevel::sse2;
}

const char* simd_level_name(SimdLevel level) {
    switch (level) {
        case SimdLevel::best: return "best";
        case SimdLevel::avx512: return "avx512";
        case SimdLevel::avx2: return "avx2";
        case SimdLevel::sse2: return "sse2";
    }
    return "?";
}

std::vector<double> kernel_density_per_km2(std::span<const WeightedPoint> points, Kernel kernel,
                                           double bandwidth_m, const Grid& grid, const KdeRun& run) {
    const Bandwidth b = checked_bandwidth(bandwidth_m);
    if (!(grid.cell_m > 0) || !std::isfinite(grid.cell_m) || grid.width <= 0 || grid.height <= 0 ||
        !std::isfinite(grid.origin.x) || !std::isfinite(grid.origin.y))
        throw BadInput(fmt::format("density grid {}x{} cells of {} m must have a positive size",
                                   grid.width, grid.height, grid.cell_m));
    const double scale = scale_per_km2(kernel, b);

    // Keep the points whose support can reach a cell centre, and order them by strips one cell
    // high, south to north, in input order within a strip (a counting sort: O(N), stable). That
    // order fixes the summation order of every cell, whatever the threads do, and makes the
    // points within reach of a band of rows one contiguous run.
    const Envelope reach = grid.extent().grown(b.h);
    const double inv_cell_m = 1.0 / grid.cell_m;
    const std::size_t strips = static_cast<std::size_t>(std::ceil(reach.height() * inv_cell_m)) + 1;
    const auto strip_of = [&](double y) {
        const double k = std::floor((y - reach.min_y) * inv_cell_m);
        return static_cast<std::size_t>(std::clamp(k, 0.0, static_cast<double>(strips - 1)));
    };
    std::vector<std::size_t> strip_start(strips + 1, 0);  // points of strip k: [start[k], start[k+1])
    std::vector<std::size_t> kept;
    kept.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const WeightedPoint& p = points[i];
        if (p.weight != 0 && std::isfinite(p.weight) && reach.contains(p.location)) {
            kept.push_back(i);
            ++strip_start[strip_of(p.location.y) + 1];
        }
    }
    for (std::size_t k = 0; k < strips; ++k) strip_start[k + 1] += strip_start[k];
    std::vector<SortedPoint> sorted(kept.size());
    {
        std::vector<std::size_t> next(strip_start.begin(), strip_start.end() - 1);
        for (const std::size_t i : kept) {
            const WeightedPoint& p = points[i];
            sorted[next[strip_of(p.location.y)]++] = {p.location.x, p.location.y, p.weight};
        }
    }

    const bool unit_weights =
        std::all_of(sorted.begin(), sorted.end(), [](const SortedPoint& p) { return p.weight == 1.0; });
    const AddPointsToBand add_points = add_points_to_band_for(run.simd);

    // Column centres, continued past the east edge to whole blocks (those cells are computed
    // and dropped).
    const int padded_width = (grid.width + block_cols - 1) / block_cols * block_cols;
    std::vector<double> centres_x(static_cast<std::size_t>(padded_width));
    for (int col = 0; col < padded_width; ++col) centres_x[static_cast<std::size_t>(col)] = grid.centre_x(col);

    std::vector<double> values(grid.cell_count(), 0.0);
    const std::size_t padded = static_cast<std::size_t>(padded_width);
    const auto compute_band = [&](int first_row, std::vector<double>& sums) {
        BandJob job{};
        for (int r = 0; r < band_rows; ++r) job.centres_y[static_cast<std::size_t>(r)] = grid.centre_y(first_row + r);
        // Points with |y − centre_y| < h for some row of the band, with a strip of margin (rows
        // run north to south, so centres_y descend); the mask is exact.
        const std::size_t south = strip_of(job.centres_y.back() - b.h);
        const std::size_t first_strip = south > 0 ? south - 1 : 0;
        const std::size_t last_strip = std::min(strip_of(job.centres_y.front() + b.h) + 1, strips - 1);
        job.points = sorted.data() + strip_start[first_strip];
        job.count = strip_start[last_strip + 1] - strip_start[first_strip];
        job.centres_x = centres_x.data();
        job.padded_width = padded_width;
        job.origin_x = grid.origin.x;
        job.inv_cell_m = inv_cell_m;
        job.bandwidth = b;
        job.unit_weights = unit_weights;
        std::fill(sums.begin(), sums.end(), 0.0);
        add_points(kernel, job, sums.data());
        const int rows_here = std::min(band_rows, grid.height - first_row);
        for (int r = 0; r < rows_here; ++r) {
            const double* in = sums.data() + static_cast<std::size_t>(r) * padded;
            double* out = values.data() + static_cast<std::size_t>(first_row + r) * static_cast<std::size_t>(grid.width);
            for (int col = 0; col < grid.width; ++col) out[col] = in[col] * scale;
        }
        return rows_here;
    };

    // Bands of rows are handed out one at a time; which thread computes a band changes nothing
    // in it.
    const int rows_total = grid.height;
    const int bands = (rows_total + band_rows - 1) / band_rows;
    unsigned threads = run.threads ? run.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, static_cast<unsigned>(bands));
    std::atomic<int> next_band{0};
    std::atomic<bool> stop{false};
    std::mutex progress_mutex;
    std::condition_variable progress_changed;
    int rows_done = 0;  // guarded by progress_mutex
    const auto work = [&](bool report) {
        std::vector<double> sums(static_cast<std::size_t>(band_rows) * padded);
        while (!stop.load(std::memory_order_relaxed)) {
            const int band = next_band.fetch_add(1);
            if (band >= bands) return;
            const int rows_here = compute_band(band * band_rows, sums);
            if (report) {
                rows_done += rows_here;
                if (run.progress) run.progress(rows_done, rows_total);
            } else {
                {
                    const std::lock_guard lock(progress_mutex);
                    rows_done += rows_here;
                }
                progress_changed.notify_one();
            }
        }
    };
    if (threads <= 1) {
        work(true);
        return values;
    }
    std::vector<std::jthread> workers;
    workers.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) workers.emplace_back([&] { work(false); });
    // The caller's thread only reports progress, so the callback never runs on a worker. A
    // callback that throws (a cancel button, say) stops the workers after their current band.
    try {
        std::unique_lock lock(progress_mutex);
        int reported = 0;
        while (reported < rows_total) {
            progress_changed.wait(lock, [&] { return rows_done != reported; });
            reported = rows_done;
            lock.unlock();
            if (run.progress) run.progress(reported, rows_total);
            lock.lock();
        }
    } catch (...) {
        stop = true;
        workers.clear();  // joins
        throw;
    }
    workers.clear();  // joins
    return values;
}

double direct_density_per_km2(std::span<const WeightedPoint> points, Kernel kernel,
                              double bandwidth_m, XY at) {
    const Bandwidth b = checked_bandwidth(bandwidth_m);
    double sum = 0;
    switch (kernel) {
        case Kernel::quartic: sum = direct_sum<Kernel::quartic>(points, b, at); break;
        case Kernel::triangular: sum = direct_sum<Kernel::triangular>(points, b, at); break;
        case Kernel::uniform: sum = direct_sum<Kernel::uniform>(points, b, at); break;
        case Kernel::epanechnikov: sum = direct_sum<Kernel::epanechnikov>(points, b, at); break;
        case Kernel::gaussian: sum = direct_sum<Kernel::gaussian>(points, b, at); break;
    }
    return sum * scale_per_km2(kernel, b);
}

}  // namespace geo
