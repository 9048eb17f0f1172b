#pragma once
// Turning a density surface into a rate per 1,000 people.
//
// Each neighbourhood's people (residents + transients) are taken as spread evenly over its area,
// so the population density anywhere in neighbourhood n is
//
//   ρ_n = (residents_n + transients_n) / area_n      people per km² (area_n in km²)
//
// and a cell whose centre lies in n gets
//
//   rate = 1000 · λ / ρ_n                             per 1,000 people
//
// where λ is the kernel density of incidents there (incidents per km²): the incidents expected
// on a km² around the cell for every 1,000 people living on a km² there. Cells whose centre lies
// in no neighbourhood, or in one with no people, get 0 (no people, no rate).
#include <vector>

#include "geo/density/grid.h"
#include "geo/model/district.h"

namespace geo {

// ρ at each cell centre of `grid` (rows north first): people per km², 0 outside every
// neighbourhood. Which neighbourhood holds a centre follows neighbourhood_of_points.
std::vector<double> population_density_per_km2(const District& district, const Grid& grid);

// 1000·density/ρ where ρ > 0, else 0, cell by cell. Both vectors in the same grid order.
std::vector<double> rate_per_1000_people(const std::vector<double>& density_per_km2,
                                         const std::vector<double>& people_per_km2);

}  // namespace geo
