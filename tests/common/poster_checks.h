#pragma once
// Field-by-field comparison of poster lists, shared by the edit suites.
#include <vector>

#include "geo/model/district.h"

namespace test {

void check_same_posters(const std::vector<geo::Poster>& got, const std::vector<geo::Poster>& want);

}  // namespace test
