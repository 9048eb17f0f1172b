#pragma once
// Solomon (1987) VRPTW instances ("Algorithms for the vehicle routing and scheduling problems
// with time window constraints", Operations Research 35(2)), as VROOM-Project/vroom-scripts
// and most benchmarks ship them: a name line, a VEHICLE section (count, capacity), then a
// CUSTOMER section of rows "number x y demand ready due service"; customer 0 is the depot.
// Travel time is the Euclidean distance (speed 1); a visit begins between ready and due; every
// route is back at the depot by the depot's due date.
//
// Used to benchmark the planner's solver against published best-known solutions; the reader
// is here, beside the problem it feeds, because only that benchmark and its tests read it.
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "geo/planning/prize_vrp.h"

namespace geo::planning {

struct SolomonCustomer {
    int number = 0;
    double x = 0, y = 0;
    double demand = 0;
    double ready_min = 0;    // earliest start of the visit
    double due_min = 0;      // latest start of the visit (the depot: latest return)
    double service_min = 0;
};

struct SolomonInstance {
    std::string name;                        // "C101"
    int vehicles = 0;                        // as the file gives it (the fleet available)
    double capacity = 0;
    std::vector<SolomonCustomer> customers;  // [0] is the depot, then customers 1..n in order
};

// Throws geo::BadInput naming `source` and the line when the text is not in that format, or
// the rows are not numbered 0, 1, 2, ...
SolomonInstance read_solomon(std::istream& in, const std::string& source);
// Throws geo::BadInput (naming the file) when it cannot be opened.
SolomonInstance read_solomon(const std::filesystem::path& file);

// Euclidean distance between rows i and j, unrounded (the convention of the best-known
// distances in vroom-scripts' BKS.json).
double solomon_distance(const SolomonInstance& instance, int i, int j);

// The instance as our problem: `vehicles` days limited by the depot's due date, windows
// ready..due, demands and one capacity per day, service times, prize 1 per customer.
PrizeVrpProblem solomon_problem(const SolomonInstance& instance, int vehicles);

}  // namespace geo::planning
