#include "geo/routing/tsp/distance_matrix.h"

namespace geo::tsp {

DistanceMatrix::DistanceMatrix(std::size_t n, const std::function<double(std::size_t, std::size_t)>& distance)
    : DistanceMatrix(n) {
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) values_[i * n + j] = i == j ? 0.0 : distance(i, j);
}

bool DistanceMatrix::is_symmetric() const {
    for (std::size_t i = 0; i < n_; ++i)
        for (std::size_t j = i + 1; j < n_; ++j)
            if ((*this)(i, j) != (*this)(j, i)) return false;
    return true;
}

DistanceMatrix DistanceMatrix::symmetrised() const {
    DistanceMatrix out(n_);
    for (std::size_t i = 0; i < n_; ++i)
        for (std::size_t j = 0; j < n_; ++j) out.at(i, j) = ((*this)(i, j) + (*this)(j, i)) / 2;
    return out;
}

}  // namespace geo::tsp
