#include "geo/density/per_capita.h"

#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"

namespace geo {

std::vector<double> population_density_per_km2(const District& district, const Grid& grid) {
    std::vector<double> people_per_km2_of(district.neighbourhoods.size(), 0.0);
    for (std::size_t n = 0; n < district.neighbourhoods.size(); ++n) {
        const Neighbourhood& hood = district.neighbourhoods[n];
        const double area_km2 = area_m2(hood.area) / 1e6;
        const double people = static_cast<double>(hood.residents + hood.transients);
        if (area_km2 > 0) people_per_km2_of[n] = people / area_km2;
    }
    std::vector<XY> centres;
    centres.reserve(grid.cell_count());
    for (int row = 0; row < grid.height; ++row)
        for (int col = 0; col < grid.width; ++col) centres.push_back({grid.centre_x(col), grid.centre_y(row)});
    const std::vector<std::int32_t> holder = neighbourhood_of_points(district, centres);
    std::vector<double> out(grid.cell_count(), 0.0);
    for (std::size_t c = 0; c < out.size(); ++c)
        if (holder[c] >= 0) out[c] = people_per_km2_of[static_cast<std::size_t>(holder[c])];
    return out;
}

std::vector<double> rate_per_1000_people(const std::vector<double>& density_per_km2,
                                         const std::vector<double>& people_per_km2) {
    if (density_per_km2.size() != people_per_km2.size())
        throw InternalError("rate_per_1000_people: surfaces of different sizes");
    std::vector<double> out(density_per_km2.size(), 0.0);
    for (std::size_t c = 0; c < out.size(); ++c)
        if (people_per_km2[c] > 0) out[c] = 1000.0 * density_per_km2[c] / people_per_km2[c];
    return out;
}

}  // namespace geo
