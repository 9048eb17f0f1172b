// patrolmap tsp FILE.tsp [--tour OUT] [--seed N] [--time S]: solves a TSPLIB instance with the
// solver the weekly planner uses and prints `length N`.
#include <iostream>

#include <fmt/format.h>

#include "app/cli/commands.h"
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
            const geo::tsp::Tour tour = geo::tsp::solve_tsp(geo::tsp::tsplib_matrix(instance), options);
            if (!a->tour.empty()) geo::tsp::write_tsplib_tour(a->tour, instance.name, tour.order, tour.length);
            std::cout << "length " << fmt::format("{}", tour.length) << '\n';
            return 0;
        };
    });
}

}  // namespace cli
