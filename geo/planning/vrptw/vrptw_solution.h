#pragma once
// A VRPTW solution the search works on: route slots (a fleet of fixed size, empty routes allowed,
// an empty slot is a vehicle not used), each with its nodes depot ... depot and the concatenation
// data of every prefix and suffix, so that a move's routes are checked in O(1) joins; where each
// customer is; who is not served yet.
#include <cstdint>
#include <initializer_list>
#include <random>
#include <vector>

#include "geo/planning/vrptw/time_segment.h"
#include "geo/planning/vrptw/vrptw_problem.h"

namespace geo::planning::vrptw {

struct VrptwRoute {
    std::vector<int> nodes{0, 0};        // depot, customers in order, depot
    std::vector<TimeSegment> forward;    // forward[p]: nodes[0..p]
    std::vector<TimeSegment> backward;   // backward[p]: nodes[p..end]

    int customers() const { return static_cast<int>(nodes.size()) - 2; }
    bool empty() const { return nodes.size() <= 2; }
    double distance() const { return forward.back().distance; }
    double time_warp() const { return forward.back().time_warp; }
    double load() const { return forward.back().load; }
};

struct VrptwSolution {
    const VrptwProblem* problem = nullptr;
    std::vector<VrptwRoute> routes;
    std::vector<int> route_of;     // per node; -1 for the depot and unserved customers
    std::vector<int> position_of;  // per node: index in its route's nodes
    std::vector<int> unserved;     // customers in no route

    // `slots` empty routes, every customer unserved.
    VrptwSolution(const VrptwProblem& p, int slots);

    // Recomputes the route's concatenation data and its customers' places (after any edit).
    void rebuild(int r);
    void rebuild_all();
    // Removes customer v from its route (rebuilding it) and lists it unserved.
    void remove(int v);
    // Inserts unserved customer v into route r before position p (1 ≤ p ≤ size - 1).
    void insert(int v, int r, int p);

    double distance() const;
    // How late the routes are in all (0 when every route keeps its windows).
    double time_warp() const;
    int routes_used() const;
    // Index of an empty route slot, or -1.
    int empty_route() const;
    // Customers in order per used route.
    std::vector<std::vector<int>> customer_routes() const;
};

// Nodes of route r from position i to j inclusive (i ≤ j) as one segment: O(j - i).
TimeSegment route_segment(const VrptwProblem& p, const VrptwRoute& route, int i, int j);

// What the moves share: the problem, each customer's nearest others (granular neighbourhoods,
// Toth & Vigo 2003), a random source.
struct SearchContext {
    const VrptwProblem* problem = nullptr;
    std::vector<std::vector<int>> near;    // per node: the closest customers, nearest first
    std::vector<std::vector<int>> sorted;  // per node: all customers by distance (for ruin)
    std::mt19937_64 rng;
    // 0: moves keep every route within its windows. Else a move may make routes late (or less
    // late), each unit of time warp costing this much travel: the penalised search, through
    // which few long full routes can trade customers (see greedy_insertion.h). The moves and
    // the recreate both read it.
    double warp_penalty = 0;

    SearchContext(const VrptwProblem& p, int neighbours, std::uint64_t seed);
    double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); }
    int below(int n) { return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(rng)); }
};

// A move must shorten the travel by more than this to count (no cycling on rounding).
inline constexpr double improvement_epsilon = 1e-7;

// Whether a move can gain at all: `delta` is the travel it changes, `old_warp` the time warp of
// the routes it changes (a move removes at most that much lateness).
inline bool may_improve(const SearchContext& ctx, double delta, double old_warp) {
    return delta - ctx.warp_penalty * old_warp < -improvement_epsilon;
}

// Whether the move improves, given the routes it makes: each within capacity and, unless late
// routes are priced, within its windows; travel plus priced lateness less than before.
inline bool improves(const SearchContext& ctx, double delta, double old_warp, std::initializer_list<TimeSegment> new_routes) {
    const VrptwProblem& p = *ctx.problem;
    double warp = 0;
    for (const TimeSegment& r : new_routes) {
        if (r.load > p.capacity + 1e-9) return false;
        if (ctx.warp_penalty <= 0 && r.time_warp > time_warp_tolerance) return false;
        warp += r.time_warp;
    }
    return delta + ctx.warp_penalty * (warp - old_warp) < -improvement_epsilon;
}

// The scan the moves between two routes share: for each of u's near customers v in another route,
// `try_move(r, pu, q, pv)` (u at position pu of route r, v at pv of route q) tries the move and
// applies it when it improves. True at the first one applied; false when u is not routed or none.
template <class TryMove>
bool first_move_with_near(const VrptwSolution& s, const SearchContext& ctx, int u, TryMove&& try_move) {
    const int r = s.route_of[static_cast<std::size_t>(u)];
    if (r < 0) return false;
    for (const int v : ctx.near[static_cast<std::size_t>(u)]) {
        const int q = s.route_of[static_cast<std::size_t>(v)];
        if (q < 0 || q == r) continue;
        if (try_move(r, s.position_of[static_cast<std::size_t>(u)], q, s.position_of[static_cast<std::size_t>(v)])) return true;
    }
    return false;
}

}  // namespace geo::planning::vrptw
