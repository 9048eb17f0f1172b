// patrolmap tsp FILE.tsp [--tour OUT] [--seed N] [--time S]: solves a TSPLIB instance with our
// TSP solver (geo/routing/tsp) and prints `length N`; a bar on stderr shows the time used.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/routing/tsp/solver.h"
#include "geo/routing/tsp/tsplib.h"
#include "geo/util/error.h"

namespace cli {

void add_tsp_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("tsp", "Solve a TSPLIB instance (EUC_2D, CEIL_2D, ATT, GEO, EXPLICIT) and print its length");
    struct Args {
        std::string file, tour;
        std::uint64_t seed = 1;
        double time_s = 5.0;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("FILE", a->file, "TSPLIB .tsp file")->required();
    cmd->add_option("--tour", a->tour, "Write the tour here (TSPLIB .tour)");
    cmd->add_option("--seed", a->seed, "Random seed of the local search")->capture_default_str();
    cmd->add_option("--time", a->time_s, "Time budget in seconds")->capture_default_str();
    cmd->callback([=, &action] {
        action = [=] {
            if (!(a->time_s > 0)) throw geo::BadInput(fmt::format("--time {} must be more than 0 seconds", a->time_s));
            const geo::tsp::TsplibInstance instance = geo::tsp::read_tsplib(a->file);
            geo::tsp::SolverOptions options;
            options.seed = a->seed;
            options.time_budget_s = a->time_s;
            // The solver runs for its time budget: the bar shows the share of it used.
            ProgressLine progress("solving");
            std::atomic<bool> finished{false};
            std::thread ticker([&] {
                const auto start = std::chrono::steady_clock::now();
                const auto budget_ms = static_cast<std::size_t>(a->time_s * 1000);
                while (!finished) {
                    const auto ms = static_cast<std::size_t>(
                        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
                    progress.update(std::min(ms, budget_ms), budget_ms);
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                }
            });
            geo::tsp::Tour tour;
            try {
                tour = geo::tsp::solve_tsp(geo::tsp::tsplib_matrix(instance), options);
            } catch (...) {
                finished = true;
                ticker.join();
                throw;
            }
            finished = true;
            ticker.join();
            progress.finish();
            if (!a->tour.empty()) geo::tsp::write_tsplib_tour(a->tour, instance.name, tour.order, tour.length);
            std::cout << "length " << fmt::format("{}", tour.length) << '\n';
            return 0;
        };
    });
}

}  // namespace cli
