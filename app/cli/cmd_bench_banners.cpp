// patrolmap bench-banners [WS]: our greedy + swap solver against the exact integer program
// solved by CBC (Debian coinor-cbc, the `cbc` binary) on a mid-size instance: the workspace's
// cases and candidates plus a grid of extra candidate sites. Prints both objectives, both
// times and the gap. A benchmark, not a test: it asserts nothing.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "geo/io/workspace_store.h"
#include "geo/placement/banner_placement.h"
#include "geo/placement/lp_model.h"
#include "geo/placement/solver.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace = "data/jiangnan.gpkg", cbc = "cbc", weight = "none";
    int count = 10;
    double radius_m = 300, grid_m = 150, min_spacing_m = 0, half_life_days = 0;
    int cbc_seconds = 600;
};

// "Optimal - objective value 1234.5" (first line of CBC's solution file).
std::optional<double> cbc_objective(const std::filesystem::path& solution, std::string& status) {
    std::ifstream file(solution);
    std::string line;
    if (!std::getline(file, line)) return std::nullopt;
    status = line.substr(0, line.find(" - "));
    const auto at = line.find("objective value");
    if (at == std::string::npos) return std::nullopt;
    std::istringstream rest(line.substr(at + 15));
    double v = 0;
    if (!(rest >> v)) return std::nullopt;
    return std::abs(v);  // CBC may report a maximisation's objective negated
}

int run(const Args& a) {
    const geo::District d = geo::read_district(a.workspace);
    geo::BannerOptions o;
    o.count = static_cast<std::size_t>(std::max(1, a.count));
    o.radius_m = a.radius_m;
    o.min_spacing_m = a.min_spacing_m;
    o.weighting.base = geo::parse_weight_base(a.weight, o.weighting.field);
    o.weighting.half_life_days = a.half_life_days;
    // Extra candidates on a grid over the neighbourhoods: a mid-size instance.
    geo::Envelope extent;
    for (const auto& n : d.neighbourhoods) extent.expand(geo::envelope_of(n.area));
    if (a.grid_m > 0 && !extent.empty())
        for (double y = extent.min_y; y <= extent.max_y; y += a.grid_m)
            for (double x = extent.min_x; x <= extent.max_x; x += a.grid_m)
                o.user_sites.push_back({{x, y}, geo::CandidateKind::user, fmt::format("grid {:.0f},{:.0f}", x, y)});

    const geo::BannerInstance instance = geo::build_banner_instance(d, o);
    const auto& problem = instance.problem;
    std::size_t cover_entries = 0;
    for (const auto& c : problem.covers) cover_entries += c.size();
    std::cout << fmt::format("instance: {} candidates x {} incidents ({} candidate-incident pairs), K = {}, r = {} m{}\n",
                             problem.candidates(), problem.incidents(), cover_entries, problem.count, a.radius_m,
                             a.min_spacing_m > 0 ? fmt::format(", spacing {} m", a.min_spacing_m) : "");

    const auto t0 = std::chrono::steady_clock::now();
    const geo::CoverageSolution ours = geo::solve_max_coverage(problem);
    const double ours_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    const auto dir = std::filesystem::temp_directory_path() / fmt::format("patrolmap-bench-banners-{}", ::getpid());
    std::filesystem::create_directories(dir);
    {
        std::ofstream lp(dir / "banners.lp");
        lp << geo::coverage_lp(problem);
        if (!lp) throw geo::IoError("cannot write " + (dir / "banners.lp").string());
    }
    const std::string command = fmt::format("'{}' '{}' sec {} solve solution '{}' > '{}' 2>&1", a.cbc, (dir / "banners.lp").string(),
                                            a.cbc_seconds, (dir / "solution.txt").string(), (dir / "cbc.log").string());
    const auto t1 = std::chrono::steady_clock::now();
    const int rc = std::system(command.c_str());
    const double cbc_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    std::string status;
    const auto objective = cbc_objective(dir / "solution.txt", status);

    std::cout << fmt::format("ours (greedy {:.6f} + {} swaps{}): covered {:.6f} of {:.6f} in {:.3f} s; upper bound {:.6f} "
                             "(proven gap {:.3f}%)\n",
                             ours.greedy_weight, ours.swaps, ours.proven_optimal ? ", proven optimal" : "", ours.covered_weight, ours.total_weight, ours_s, ours.upper_bound,
                             100.0 * ours.proven_gap());
    if (rc != 0 || !objective) {
        std::cout << fmt::format("cbc: no objective (exit {}; is coinor-cbc installed? log in {})\n", rc, (dir / "cbc.log").string());
        return 1;
    }
    const double exact = *objective + geo::lp_constant(problem);
    std::cout << fmt::format("cbc ({}): covered {:.6f} in {:.3f} s\n", status, exact, cbc_s);
    std::cout << fmt::format("gap to cbc: {:.4f}% ({}), ours {:.1f}x {} than cbc\n",
                             exact > 0 ? 100.0 * (exact - ours.covered_weight) / exact : 0.0,
                             status == "Optimal" ? "cbc proved optimal" : "cbc stopped early",
                             ours_s > 0 && cbc_s > 0 ? std::max(cbc_s / ours_s, ours_s / cbc_s) : 1.0,
                             ours_s <= cbc_s ? "faster" : "slower");
    std::filesystem::remove_all(dir);
    return 0;
}

}  // namespace

void add_bench_banners_command(CLI::App& app, Action& action) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("bench-banners", "Banner placement: our solver against the exact integer program (CBC)");
    cmd->add_option("workspace", a->workspace, "Workspace (.gpkg)")->capture_default_str();
    cmd->add_option("--count", a->count, "K banners")->capture_default_str();
    cmd->add_option("--radius", a->radius_m, "Reach in metres")->capture_default_str();
    cmd->add_option("--grid", a->grid_m, "Extra candidates every this many metres; 0 = none")->capture_default_str();
    cmd->add_option("--min-spacing", a->min_spacing_m, "Minimum metres between banners")->capture_default_str();
    cmd->add_option("--half-life", a->half_life_days, "Recency half-life in days; 0 = no decay")->capture_default_str();
    cmd->add_option("--weight", a->weight, "loss, none or a numeric field")->capture_default_str();
    cmd->add_option("--cbc", a->cbc, "The CBC executable")->capture_default_str();
    cmd->add_option("--cbc-seconds", a->cbc_seconds, "Time limit handed to CBC")->capture_default_str();
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
