#include "geo/placement/lagrangian_search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <set>
#include <utility>

#include "geo/placement/clique_cover.h"
#include "geo/placement/cover_state.h"
#include "geo/placement/greedy.h"
#include "geo/placement/lagrangian_relaxation.h"
#include "geo/placement/local_search.h"

namespace geo {
namespace {

constexpr double none = -std::numeric_limits<double>::infinity();

using Decision = std::pair<std::uint32_t, Fix>;

struct Node {
    double bound;                      // the parent's: an upper bound before this node's descent
    std::size_t order;                 // creation order, for deterministic ties
    std::vector<Decision> decisions;   // on top of the root's fixings
    bool operator<(const Node& other) const {  // priority_queue: largest bound, then oldest
        return bound != other.bound ? bound < other.bound : order > other.order;
    }
};

// Applies `decisions` to `fix`; false when they contradict (a node with no feasible solution).
bool apply_decisions(const CoverageProblem& problem, const std::vector<Decision>& decisions, std::vector<Fix>& fix) {
    for (const auto& [c, f] : decisions) {
        if (f == Fix::out) {
            if (fix[c] == Fix::in) return false;
            fix[c] = Fix::out;
            continue;
        }
        if (fix[c] == Fix::out) return false;
        fix[c] = Fix::in;
        for (const std::uint32_t near : problem.conflicts[c]) {
            if (fix[near] == Fix::in) return false;
            fix[near] = Fix::out;
        }
    }
    return true;
}

class Search {
public:
    Search(const CoverageProblem& problem, const std::vector<std::uint32_t>& incumbent, const SearchOptions& options)
        : problem_(problem), options_(options), relaxation_(problem), total_(problem.total_weight()) {
        CoverState state(problem);
        for (const std::uint32_t c : incumbent) state.add(c);
        relaxation_.start_from(state);
        out_.chosen = incumbent;
        out_.covered_weight = covered_weight(problem, incumbent);
        integral_ = std::all_of(problem.incident_weight.begin(), problem.incident_weight.end(),
                                [](double w) { return w == std::floor(w) && w < 1e15; });
        eps_ = 1e-9 * std::max(1.0, total_);
        for (const auto& list : problem.covers) pairs_ += list.size();
    }

    SearchResult run() {
        std::vector<Fix> root_fix(problem_.candidates(), Fix::open);
        for (std::uint32_t c = 0; c < problem_.candidates(); ++c)
            if (problem_.is_blocked(c)) root_fix[c] = Fix::out;
        std::priority_queue<Node> queue;
        queue.push({std::numeric_limits<double>::infinity(), 0, {}});
        std::size_t created = 1;
        root_bound_ = std::numeric_limits<double>::infinity();
        while (!queue.empty()) {
            const double bound = std::max({out_.covered_weight, closed_, queue.top().bound});
            if (out_.nodes > 0 && bound - out_.covered_weight <= std::max(eps_, options_.target_gap * bound)) break;
            if (out_.nodes > 0 && work() - root_work_ >= options_.work_budget) break;
            Node node = queue.top();
            queue.pop();
            if (node.bound <= prune_level()) {
                close(node.bound);
                continue;
            }
            std::vector<Fix> fix = root_fix;
            if (!apply_decisions(problem_, node.decisions, fix)) continue;
            const bool root = out_.nodes++ == 0;
            double b = root ? bounded_root(node, fix) : bounded(node, fix, options_.node_steps);
            // Reduced-cost fixing, then a shorter descent on what is left, while it fixes anything.
            for (int round = 0; round < 3 && b > prune_level(); ++round) {
                const std::size_t before = node.decisions.size();
                if (!fix_by_reduced_cost(fix, node.decisions)) {
                    b = none;
                    break;
                }
                if (node.decisions.size() == before) break;
                b = std::min(b, bounded(node, fix, std::max<std::size_t>(1, options_.node_steps / 2)));
            }
            if (root) {
                root_fix = fix;
                node.decisions.clear();
                // What the root proves: every solution lies in a part closed so far or in the rest.
                root_bound_ = std::max({b, closed_, out_.covered_weight});
                root_work_ = work();
            }
            if (b <= prune_level()) {
                close(b);
                continue;
            }
            const std::uint32_t c = branching_candidate(fix);
            if (c == UINT32_MAX) {  // every candidate decided: the node is its own solution
                close(b);
                continue;
            }
            for (const Fix f : {Fix::in, Fix::out}) {
                Node child{b, created++, node.decisions};
                child.decisions.push_back({c, f});
                queue.push(std::move(child));
            }
        }
        // Every solution lies in a closed node or one still open: the largest of their bounds holds.
        out_.upper_bound = std::max({out_.covered_weight, closed_, queue.empty() ? none : queue.top().bound});
        out_.upper_bound = std::min(out_.upper_bound, std::max(root_bound_, out_.covered_weight));
        return out_;
    }

private:
    std::size_t work() const { return relaxation_.work() + repair_work_; }

    // Nodes whose bound is at most this are closed: they cannot beat the incumbent by more
    // than the target gap allows.
    double prune_level() const {
        const double level = out_.covered_weight + eps_;
        return options_.target_gap > 0 ? std::max(level, out_.covered_weight / (1.0 - std::min(options_.target_gap, 0.5))) : level;
    }
    void close(double bound) { closed_ = std::max(closed_, bound); }

    // With integral weights every covered weight is an integer: a bound may round down.
    double rounded(double bound) const { return integral_ && bound != none ? std::floor(bound + 1e-9 * std::max(1.0, std::abs(bound))) : bound; }

    // The node's descent, capped by its parent's bound, and a repair of what it picked. Each
    // node starts with a moderate step: the multipliers it inherits are nearly right.
    double bounded(const Node& node, const std::vector<Fix>& fix, std::size_t steps) {
        relaxation_.set_step(node_theta, node_patience);
        return descend_and_repair(node.bound, fix, steps);
    }

    // The root's long descent in chunks of `root_chunk` steps; after each, a repair (a better
    // incumbent early gives the Polyak step a better target), reduced-cost fixing, and relax
    // and cut: the clique rows among the candidates still open (once fixing has removed a
    // tenth more of them), and those the fractional picks break. -infinity: nothing feasible.
    double bounded_root(Node& node, std::vector<Fix>& fix) {
        relaxation_.set_step(root_theta, root_patience);
        double b = node.bound;
        std::size_t open_at_family = problem_.candidates();
        for (std::size_t done = 0; done < std::max<std::size_t>(1, options_.root_steps) && b > prune_level(); done += root_chunk) {
            b = descend_and_repair(b, fix, std::min(root_chunk, options_.root_steps - std::min(done, options_.root_steps)));
            if (b <= prune_level()) break;
            if (!fix_by_reduced_cost(fix, node.decisions)) return none;
            if (problem_.count < 2) continue;  // one banner: the spacing cannot bind
            std::vector<bool> allowed(problem_.candidates());
            std::size_t open = 0;
            for (std::uint32_t c = 0; c < problem_.candidates(); ++c) open += (allowed[c] = fix[c] != Fix::out) ? 1 : 0;
            std::size_t added = 0;
            if (open * 10 < open_at_family * 9) {
                added += relaxation_.add_rows(clique_family(problem_, allowed));
                open_at_family = open;
            }
            added += relaxation_.add_rows(violated_cliques(problem_, relaxation_.average_picks(), 0.05, 1000, allowed));
            // New rows change the dual: restart the step size, or the rows added late never grow
            // their multipliers (dense spacing conflicts: 1.2 % gap left instead of 0).
            if (added > 0) relaxation_.set_step(root_theta, root_patience);
        }
        return b;
    }

    double descend_and_repair(double cap, const std::vector<Fix>& fix, std::size_t steps) {
        const double b = std::min(cap, rounded(relaxation_.descend(fix, out_.covered_weight, prune_level(), steps)));
        if (b != none) repair(fix);
        return b;
    }

    // Step control: Held-Karp's theta = 2 halved after 100 idle steps at the root (within 0.1 %
    // of CBC's LP optimum after 3,000 steps on Portland, 2,000 x 20,000, K = 50, no spacing);
    // nodes refine the multipliers they inherit with smaller steps.
    static constexpr double root_theta = 2.0, node_theta = 0.5;
    static constexpr std::size_t root_patience = 100, node_patience = 10, root_chunk = 100;

    // The forced-in candidates, then the others by their average pick, each if the spacing
    // allows; the greedy fill; then the local search, once per distinct start.
    void repair(const std::vector<Fix>& fix) {
        CoverState state(problem_);
        std::vector<std::uint32_t> order;
        for (std::uint32_t c = 0; c < problem_.candidates(); ++c)
            if (fix[c] == Fix::in) state.add(c);
            else if (fix[c] == Fix::open && relaxation_.average_pick(c) > 0) order.push_back(c);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return relaxation_.average_pick(a) > relaxation_.average_pick(b);
        });
        for (const std::uint32_t c : order)
            if (state.chosen().size() < problem_.count && state.can_add(c)) state.add(c);
        lazy_greedy_fill(state);
        // The local search from each distinct start once: nodes deep in the tree repeat them.
        std::vector<std::uint32_t> start = state.chosen();
        std::sort(start.begin(), start.end());
        if (!tried_.insert(std::move(start)).second) return;
        const std::size_t swaps = fill_and_swap(state, eps_, options_.max_swaps);
        repair_work_ += (swaps + 2) * (pairs_ + problem_.candidates() * problem_.count);
        const double weight = covered_weight(problem_, state.chosen());
        if (weight > out_.covered_weight + eps_) {
            out_.covered_weight = weight;
            out_.chosen = state.chosen();
        }
    }

    // Forces out every open candidate whose forced-in child is prunable, and in every one whose
    // forced-out child is; records each such child's bound as closed. False: the node is closed.
    bool fix_by_reduced_cost(std::vector<Fix>& fix, std::vector<Decision>& decisions) {
        const double level = prune_level();
        std::vector<std::uint32_t> in;
        for (std::uint32_t c = 0; c < problem_.candidates(); ++c) {
            if (fix[c] != Fix::open) continue;
            if (relaxation_.is_picked(c)) {
                const double b = rounded(relaxation_.bound_forcing_out(c));
                if (b <= level) {
                    close(b);
                    in.push_back(c);
                }
            } else {
                const double b = rounded(relaxation_.bound_forcing_in(c));
                if (b <= level) {
                    close(b);
                    fix[c] = Fix::out;
                    decisions.push_back({c, Fix::out});
                }
            }
        }
        for (const std::uint32_t c : in) {
            if (!apply_decisions(problem_, {{c, Fix::in}}, fix)) return false;
            decisions.push_back({c, Fix::in});
        }
        return true;
    }

    // The open candidate whose average pick is nearest 1/2 (ties: the larger reduced value,
    // then the lower index); UINT32_MAX when none is open.
    std::uint32_t branching_candidate(const std::vector<Fix>& fix) const {
        std::uint32_t best = UINT32_MAX;
        double best_score = -1, best_value = none;
        for (std::uint32_t c = 0; c < problem_.candidates(); ++c) {
            if (fix[c] != Fix::open) continue;
            const double a = relaxation_.average_pick(c);
            const double score = std::min(a, 1.0 - a) + (relaxation_.is_picked(c) ? 1e-6 : 0.0);
            const double value = relaxation_.reduced_value(c);
            if (score > best_score || (score == best_score && value > best_value)) {
                best = c;
                best_score = score;
                best_value = value;
            }
        }
        return best;
    }

    const CoverageProblem& problem_;
    const SearchOptions& options_;
    LagrangianRelaxation relaxation_;
    SearchResult out_;
    double total_, eps_;
    bool integral_ = false;
    double closed_ = none;                           // the largest bound of a closed node
    double root_bound_ = 0;
    std::size_t root_work_ = 0;                      // the budget counts the work after the root
    std::size_t repair_work_ = 0;
    std::size_t pairs_ = 0;                          // candidate-incident pairs: one swap scan
    std::set<std::vector<std::uint32_t>> tried_;     // local search starts, sorted
};

}  // namespace

SearchResult lagrangian_search(const CoverageProblem& problem, const std::vector<std::uint32_t>& incumbent,
                               const SearchOptions& options) {
    return Search(problem, incumbent, options).run();
}

}  // namespace geo
