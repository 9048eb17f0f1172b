// patrolmap bench-banners [WS]: our solver (greedy + swap, Lagrangian bound with clique rows,
// branch and bound) against the exact integer program solved by CBC (Debian coinor-cbc, the
// `cbc` binary), for every K in --count and every spacing in --min-spacing. The instance is the
// workspace's cases (optionally the N earliest, optionally replicated with a deterministic
// jitter) and its candidates plus a grid of extra sites (a fixed step, or enough for
// --candidates sites in all, inside the neighbourhoods). Prints the instance's size, then one
// row per case: our covered weight, our own upper bound and the gap it proves, the gap the
// same relaxation would prove without the spacing (what the bound was before it knew it), our
// branch-and-bound nodes and time; CBC's objective, its best bound (the optimum when it says
// Optimal), its time and status; and our gap to the lower of the two bounds.
// A benchmark, not a test: it asserts nothing.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numbers>
#include <optional>
#include <random>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "geo/io/workspace_store.h"
#include "geo/placement/banner_placement.h"
#include "geo/placement/lp_model.h"
#include "geo/placement/solver.h"
#include "geo/placement/upper_bound.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace = "data/jiangnan.gpkg", cbc = "cbc", weight = "none", keep;
    std::vector<int> counts{10};
    std::vector<double> spacings_m{0};
    double radius_m = 300, grid_m = 150, half_life_days = 0, jitter_m = 50;
    int candidates = 0;      // sites in all, the grid inside the neighbourhoods making up the rest; 0 = a grid every grid_m
    int incidents = 0;       // the N earliest; 0 = all
    int replicate = 1;       // copies of each incident (the first one unmoved)
    int cbc_seconds = 600;   // 0 = do not run CBC
    double target_gap = -1;  // < 0: the solver's default
    double work_budget = -1; // incident visits; < 0: the solver's default
    int bound_steps = -1;    // subgradient steps at the root; < 0: the solver's default
};

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The N earliest incidents (ties: file order), then each one `replicate` times, copy k > 0
// moved uniformly within jitter_m (fixed seed): a city-sized case load from a small sample.
void reshape_incidents(geo::District& d, const Args& a) {
    if (a.incidents > 0 && static_cast<std::size_t>(a.incidents) < d.incidents.size()) {
        std::stable_sort(d.incidents.begin(), d.incidents.end(), [](const auto& p, const auto& q) { return p.time < q.time; });
        d.incidents.resize(static_cast<std::size_t>(a.incidents));
    }
    if (a.replicate <= 1) return;
    std::mt19937_64 rng(20240601);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const std::size_t originals = d.incidents.size();
    for (int k = 1; k < a.replicate; ++k)
        for (std::size_t i = 0; i < originals; ++i) {
            geo::Incident copy = d.incidents[i];
            const double r = a.jitter_m * std::sqrt(unit(rng)), angle = 2 * std::numbers::pi * unit(rng);
            copy.location.x += r * std::cos(angle);
            copy.location.y += r * std::sin(angle);
            copy.id += fmt::format("#{}", k);
            d.incidents.push_back(std::move(copy));
        }
}

std::vector<geo::XY> grid_points(const geo::Envelope& extent, double step_m) {
    std::vector<geo::XY> points;
    for (double y = extent.min_y; y <= extent.max_y; y += step_m)
        for (double x = extent.min_x; x <= extent.max_x; x += step_m) points.push_back({x, y});
    return points;
}

// Grid sites: every grid_m over the neighbourhoods' extent, or exactly `want` of them inside
// some neighbourhood (the coarsest step giving enough, thinned evenly in grid order).
std::vector<geo::CandidateSite> grid_sites(const geo::District& d, const Args& a, std::size_t want) {
    geo::Envelope extent;
    for (const auto& n : d.neighbourhoods) extent.expand(geo::envelope_of(n.area));
    std::vector<geo::XY> points;
    if (extent.empty()) return {};
    if (a.candidates > 0) {
        if (want == 0) return {};
        auto inside = [&](double step_m) {
            std::vector<geo::XY> kept;
            const auto all = grid_points(extent, step_m);
            const auto where = geo::neighbourhood_of_points(d, all);
            for (std::size_t p = 0; p < all.size(); ++p)
                if (where[p] >= 0) kept.push_back(all[p]);
            return kept;
        };
        double step_m = std::max(extent.max_x - extent.min_x, extent.max_y - extent.min_y);
        while (step_m > 1 && (points = inside(step_m)).size() < want) step_m *= 0.97;
        std::vector<geo::XY> thinned;
        for (std::size_t k = 0; k < std::min(want, points.size()); ++k) thinned.push_back(points[k * points.size() / want]);
        points = std::move(thinned);
    } else if (a.grid_m > 0) {
        points = grid_points(extent, a.grid_m);
    }
    std::vector<geo::CandidateSite> sites;
    for (const auto& p : points) sites.push_back({p, geo::CandidateKind::user, fmt::format("grid {:.0f},{:.0f}", p.x, p.y)});
    return sites;
}

struct CbcResult {
    std::string status = "not run";
    std::optional<double> objective, best_bound;  // covered weight, precovered included
    double seconds = 0;
};

// The number after `key` on the last log line holding it.
std::optional<double> last_number_after(const std::filesystem::path& log, const std::string& key) {
    std::ifstream file(log);
    std::optional<double> found;
    for (std::string line; std::getline(file, line);) {
        const auto at = line.rfind(key);
        if (at == std::string::npos) continue;
        std::istringstream rest(line.substr(at + key.size()));
        double v = 0;
        if (rest >> v) found = v;
    }
    return found;
}

std::filesystem::path case_folder(const Args& a, const geo::CoverageProblem& problem, double spacing_m) {
    return a.keep.empty() ? std::filesystem::temp_directory_path() / fmt::format("patrolmap-bench-banners-{}", ::getpid())
                          : std::filesystem::path(a.keep) / fmt::format("k{}-s{:.0f}", problem.count, spacing_m);
}

// CBC minimises the negated objective: its "best possible" is minus an upper bound.
CbcResult run_cbc(const geo::CoverageProblem& problem, const Args& a, const std::filesystem::path& dir) {
    CbcResult out;
    const std::string command = fmt::format("'{}' '{}' sec {} solve solution '{}' > '{}' 2>&1", a.cbc, (dir / "banners.lp").string(),
                                            a.cbc_seconds, (dir / "solution.txt").string(), (dir / "cbc.log").string());
    const auto t = Clock::now();
    const int rc = std::system(command.c_str());
    out.seconds = seconds_since(t);
    // First line of the solution file: "Optimal - objective value 1234.5" or "Stopped on time - ...".
    std::ifstream solution(dir / "solution.txt");
    std::string line;
    if (rc != 0 || !std::getline(solution, line)) {
        out.status = fmt::format("failed (exit {})", rc);
        return out;
    }
    out.status = line.substr(0, line.find(" - "));
    if (const auto at = line.find("objective value"); at != std::string::npos) {
        std::istringstream rest(line.substr(at + 15));
        double v = 0;
        if (rest >> v) out.objective = std::abs(v) + geo::lp_constant(problem);
    }
    if (out.status == "Optimal") out.best_bound = out.objective;
    else if (const auto b = last_number_after(dir / "cbc.log", "best possible ")) out.best_bound = std::abs(*b) + geo::lp_constant(problem);
    return out;
}

std::string or_dash(const std::optional<double>& v) { return v ? fmt::format("{:.2f}", *v) : "-"; }
double gap_percent(double bound, double covered) { return bound > 0 ? 100.0 * (bound - covered) / bound : 0.0; }

// What the bound was before it knew the spacing: the same relaxation with no conflict pairs,
// from our solution (feasible there too).
double bound_without_spacing(const geo::CoverageProblem& problem, const geo::CoverageSolution& ours, std::size_t steps) {
    geo::CoverageProblem relaxed = problem;
    for (auto& near : relaxed.conflicts) near.clear();
    geo::CoverState state(relaxed);
    for (const std::uint32_t c : ours.chosen) state.add(c);
    return geo::lagrangian_bound(state, steps);
}

void run_case(const geo::CoverageProblem& problem, const Args& a, double spacing_m) {
    geo::SolverOptions options;
    if (a.target_gap >= 0) options.target_gap = a.target_gap;
    if (a.work_budget >= 0) options.exact_work_budget = static_cast<std::size_t>(a.work_budget);
    if (a.bound_steps >= 0) options.bound_iterations = static_cast<std::size_t>(a.bound_steps);
    const auto t = Clock::now();
    const geo::CoverageSolution ours = geo::solve_max_coverage(problem, options);
    const double ours_s = seconds_since(t);
    const double unspaced = bound_without_spacing(problem, ours, options.bound_iterations);
    CbcResult cbc;
    const auto dir = case_folder(a, problem, spacing_m);
    if (a.cbc_seconds > 0 || !a.keep.empty()) {
        std::filesystem::create_directories(dir);
        std::ofstream lp(dir / "banners.lp");
        lp << geo::coverage_lp(problem);
        if (!lp) throw geo::IoError("cannot write " + (dir / "banners.lp").string());
    }
    if (a.cbc_seconds > 0) cbc = run_cbc(problem, a, dir);
    if (a.keep.empty()) std::filesystem::remove_all(dir);
    // The best bound known (ours or CBC's): how far the optimum can be above our solution.
    const double best_bound = std::min(ours.upper_bound, cbc.best_bound.value_or(ours.upper_bound));
    std::cout << fmt::format("{:>3} {:>6.0f} | {:>10.2f} {:>10.2f} {:>7.3f}% {:>7.3f}% {:>5} {:>7.2f} | {:>10} {:>10} {:>8.2f} {:<16} | {:>7.3f}%\n",
                             problem.count, spacing_m, ours.covered_weight, ours.upper_bound, 100.0 * ours.proven_gap(),
                             gap_percent(unspaced, ours.covered_weight), ours.exact_nodes, ours_s, or_dash(cbc.objective),
                             or_dash(cbc.best_bound), cbc.seconds, cbc.status, gap_percent(best_bound, ours.covered_weight));
    std::cout.flush();
}

int run(const Args& a) {
    geo::District d = geo::read_district(a.workspace);
    reshape_incidents(d, a);
    geo::BannerOptions o;
    o.radius_m = a.radius_m;
    o.weighting.base = geo::parse_weight_base(a.weight, o.weighting.field);
    o.weighting.half_life_days = a.half_life_days;
    // --candidates counts every site: the grid makes up what intersections and gates do not.
    std::size_t grid_want = 0;
    if (a.candidates > 0) {
        const std::size_t base = geo::build_banner_instance(d, o).problem.candidates();
        grid_want = static_cast<std::size_t>(a.candidates) > base ? static_cast<std::size_t>(a.candidates) - base : 0;
    }
    o.user_sites = grid_sites(d, a, grid_want);

    // gap: proven by our bound; unspaced: what the bound ignoring the spacing would prove;
    // to best: against the lower of our bound and CBC's.
    std::cout << "  K  space |    covered      bound      gap unspaced nodes  time s |    cbc obj  cbc bound    cbc s status           | to best\n";
    for (const double spacing_m : a.spacings_m) {
        o.min_spacing_m = spacing_m;
        const auto t = Clock::now();
        geo::BannerInstance instance = geo::build_banner_instance(d, o);
        std::size_t pairs = 0, conflicts = 0;
        for (const auto& c : instance.problem.covers) pairs += c.size();
        for (const auto& c : instance.problem.conflicts) conflicts += c.size();
        std::cout << fmt::format("# {} candidates ({} blocked) x {} incidents, {} candidate-incident pairs, {} conflict pairs, "
                                 "total weight {:.2f}, r = {} m, spacing {} m (built in {:.2f} s)\n",
                                 instance.problem.candidates(), instance.blocked, instance.problem.incidents(), pairs, conflicts / 2,
                                 instance.problem.total_weight(), a.radius_m, spacing_m, seconds_since(t));
        for (const int k : a.counts) {
            instance.problem.count = static_cast<std::size_t>(std::max(1, k));
            run_case(instance.problem, a, spacing_m);
        }
    }
    return 0;
}

}  // namespace

void add_bench_banners_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("bench-banners", "Banner placement: our solver and its bound against the exact integer program (CBC)");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->capture_default_str();
    cmd->add_option("--count", a->counts, "K banners; several: 10,20,50")->delimiter(',')->capture_default_str();
    cmd->add_option("--radius", a->radius_m, "Reach in metres")->capture_default_str();
    cmd->add_option("--grid", a->grid_m, "Extra candidates every this many metres; 0 = none")->capture_default_str();
    cmd->add_option("--candidates", a->candidates, "Instead of --grid: this many sites in all, grid sites inside the neighbourhoods")
        ->capture_default_str();
    cmd->add_option("--incidents", a->incidents, "Only the N earliest incidents; 0 = all")->capture_default_str();
    cmd->add_option("--replicate", a->replicate, "Copies of each incident, jittered")->capture_default_str();
    cmd->add_option("--jitter", a->jitter_m, "Copies move up to this many metres (fixed seed)")->capture_default_str();
    cmd->add_option("--min-spacing", a->spacings_m, "Minimum metres between banners; several: 0,300")->delimiter(',')->capture_default_str();
    cmd->add_option("--half-life", a->half_life_days, "Recency half-life in days; 0 = no decay")->capture_default_str();
    cmd->add_option("--weight", a->weight, "loss, none or a numeric field")->capture_default_str();
    cmd->add_option("--target-gap", a->target_gap, "Stop once the proven gap is below this share (solver default if < 0)")
        ->capture_default_str();
    cmd->add_option("--work-budget", a->work_budget, "Branch-and-bound budget in incident visits (solver default if < 0; 1 = root only)")
        ->capture_default_str();
    cmd->add_option("--bound-steps", a->bound_steps, "Subgradient steps at the root (solver default if < 0)")->capture_default_str();
    cmd->add_option("--cbc", a->cbc, "The CBC executable")->capture_default_str();
    cmd->add_option("--cbc-seconds", a->cbc_seconds, "Time limit handed to CBC; 0 = do not run CBC")->capture_default_str();
    cmd->add_option("--keep", a->keep, "Keep each case's LP file and CBC log under this folder");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
