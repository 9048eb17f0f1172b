#pragma once
// A partial solution of a CoverageProblem with the counts that make moves cheap to evaluate:
// how many chosen candidates (or hanging banners) reach each incident, and how many chosen
// candidates each candidate is too close to.
#include <cstdint>
#include <vector>

#include "geo/placement/coverage_problem.h"

namespace geo {

class CoverState {
public:
    explicit CoverState(const CoverageProblem& problem);

    // Weight `c` would add: its incidents no one reaches yet.
    double gain(std::uint32_t c) const;
    // Weight lost by removing chosen `s`: the incidents only it reaches.
    double loss(std::uint32_t s) const;
    // Whether `c` may be added: not chosen, not blocked, no chosen candidate too close
    // (ignoring `except`, a chosen candidate about to leave).
    bool can_add(std::uint32_t c, std::int64_t except = -1) const;

    void add(std::uint32_t c);
    void remove(std::uint32_t s);

    const std::vector<std::uint32_t>& chosen() const { return chosen_; }
    bool is_chosen(std::uint32_t c) const { return in_solution_[c]; }
    std::uint32_t reach_count(std::uint32_t i) const { return reach_count_[i]; }
    double covered_weight() const { return covered_weight_; }
    const CoverageProblem& problem() const { return *problem_; }

private:
    const CoverageProblem* problem_;
    std::vector<std::uint32_t> chosen_;         // in the order added
    std::vector<bool> in_solution_;             // per candidate
    std::vector<std::uint32_t> reach_count_;    // per incident
    std::vector<std::uint32_t> conflict_count_; // per candidate: chosen candidates too close
    double covered_weight_ = 0;
};

}  // namespace geo
