// patrolmap bench-tsp [DIR] [--time S] [--seed N]: every TSPLIB instance of DIR listed in its
// optima.txt, solved once: optimum, our length, gap and time, then the average gap.
// A benchmark (numbers to read), not a test.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "geo/routing/tsp/solver.h"
#include "geo/routing/tsp/tsplib.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct KnownOptimum {
    std::string name;
    double length = 0;
};

std::vector<KnownOptimum> read_optima(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw geo::BadInput(fmt::format("{}: cannot open the list of optima", file.string()));
    std::vector<KnownOptimum> out;
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        KnownOptimum o;
        if (!(words >> o.name >> o.length))
            throw geo::BadInput(fmt::format("{} line {}: expected 'name length'", file.filename().string(), line_no));
        out.push_back(o);
    }
    return out;
}

}  // namespace

void add_bench_tsp_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("bench-tsp", "TSP solver against the known optima of TSPLIB instances (gap and time)");
    struct Args {
        std::string dir = "data/external/tsplib";
        double time_s = 5.0;
        std::uint64_t seed = 1;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("DIR", a->dir, "Folder with the .tsp files and optima.txt")->capture_default_str();
    cmd->add_option("--time", a->time_s, "Time budget per instance, seconds")->capture_default_str();
    cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
    cmd->callback([=, &action] {
        action = [=] {
            const std::filesystem::path dir = a->dir;
            const auto optima = read_optima(dir / "optima.txt");
            std::cout << fmt::format("{:<12}{:>7}{:>12}{:>12}{:>9}{:>9}{:>10}\n", "Instance", "Cities", "Optimum", "Ours",
                                     "Gap %", "Time s", "Kicks");
            double gap_sum = 0, worst_gap = 0, worst_time = 0;
            int solved = 0;
            for (const auto& known : optima) {
                const auto file = dir / (known.name + ".tsp");
                if (!std::filesystem::exists(file)) continue;
                const auto instance = geo::tsp::read_tsplib(file);
                geo::tsp::SolverOptions options;
                options.seed = a->seed;
                options.time_budget_s = a->time_s;
                const auto started = std::chrono::steady_clock::now();
                const auto tour = geo::tsp::solve_tsp(geo::tsp::tsplib_matrix(instance), options);
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                const double gap = 100.0 * (tour.length - known.length) / known.length;
                std::cout << fmt::format("{:<12}{:>7}{:>12}{:>12}{:>9.2f}{:>9.2f}{:>10}\n", known.name, instance.dimension,
                                         known.length, tour.length, gap, seconds, tour.kicks)
                          << std::flush;
                gap_sum += gap, ++solved;
                worst_gap = std::max(worst_gap, gap), worst_time = std::max(worst_time, seconds);
            }
            if (solved == 0) throw geo::BadInput(fmt::format("{}: no instance of optima.txt found", dir.string()));
            std::cout << fmt::format("{} instances: average gap {:.3f}%, worst gap {:.3f}%, longest {:.2f} s\n", solved,
                                     gap_sum / solved, worst_gap, worst_time);
            return 0;
        };
    });
}

}  // namespace cli
