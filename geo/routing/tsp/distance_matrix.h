#pragma once
// A dense, row-major distance (or travel-time) matrix between the n stops of a tour problem.
// The unit is the caller's: TSPLIB integers, metres or seconds. The TSP solver assumes it is
// symmetric; a one-way road matrix should be symmetrised first (symmetrised() below).
#include <cstddef>
#include <functional>
#include <vector>

namespace geo::tsp {

class DistanceMatrix {
public:
    DistanceMatrix() = default;
    explicit DistanceMatrix(std::size_t n) : n_(n), values_(n * n, 0.0) {}
    // Fills every entry from distance(i, j).
    DistanceMatrix(std::size_t n, const std::function<double(std::size_t, std::size_t)>& distance);

    std::size_t size() const { return n_; }
    double operator()(std::size_t i, std::size_t j) const { return values_[i * n_ + j]; }
    double& at(std::size_t i, std::size_t j) { return values_[i * n_ + j]; }
    const double* row(std::size_t i) const { return values_.data() + i * n_; }

    bool is_symmetric() const;
    // (d(i, j) + d(j, i)) / 2: what the solver searches on when the roads have one-way streets.
    DistanceMatrix symmetrised() const;

private:
    std::size_t n_ = 0;
    std::vector<double> values_;
};

}  // namespace geo::tsp
