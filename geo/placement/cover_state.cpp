#include "geo/placement/cover_state.h"

#include <algorithm>

#include "geo/util/error.h"

namespace geo {

CoverState::CoverState(const CoverageProblem& problem)
    : problem_(&problem),
      in_solution_(problem.candidates(), false),
      reach_count_(problem.incidents(), 0),
      conflict_count_(problem.candidates(), 0) {
    for (std::uint32_t i = 0; i < problem.incidents(); ++i)
        if (problem.is_precovered(i)) {
            reach_count_[i] = 1;
            covered_weight_ += problem.incident_weight[i];
        }
}

double CoverState::gain(std::uint32_t c) const {
    double g = 0;
    for (const std::uint32_t i : problem_->covers[c])
        if (reach_count_[i] == 0) g += problem_->incident_weight[i];
    return g;
}

double CoverState::loss(std::uint32_t s) const {
    double l = 0;
    for (const std::uint32_t i : problem_->covers[s])
        if (reach_count_[i] == 1) l += problem_->incident_weight[i];
    return l;
}

bool CoverState::can_add(std::uint32_t c, std::int64_t except) const {
    if (in_solution_[c] || problem_->is_blocked(c)) return false;
    std::uint32_t too_close = conflict_count_[c];
    if (except >= 0 && too_close > 0) {
        const auto& near = problem_->conflicts[c];
        if (std::binary_search(near.begin(), near.end(), static_cast<std::uint32_t>(except))) --too_close;
    }
    return too_close == 0;
}

void CoverState::add(std::uint32_t c) {
    if (in_solution_[c]) throw InternalError("banner placement: candidate added twice");
    in_solution_[c] = true;
    chosen_.push_back(c);
    for (const std::uint32_t i : problem_->covers[c])
        if (reach_count_[i]++ == 0) covered_weight_ += problem_->incident_weight[i];
    for (const std::uint32_t n : problem_->conflicts[c]) ++conflict_count_[n];
}

void CoverState::remove(std::uint32_t s) {
    if (!in_solution_[s]) throw InternalError("banner placement: removing a candidate not chosen");
    in_solution_[s] = false;
    chosen_.erase(std::find(chosen_.begin(), chosen_.end(), s));
    for (const std::uint32_t i : problem_->covers[s])
        if (--reach_count_[i] == 0) covered_weight_ -= problem_->incident_weight[i];
    for (const std::uint32_t n : problem_->conflicts[s]) --conflict_count_[n];
}

}  // namespace geo
