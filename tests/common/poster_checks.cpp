#include "tests/common/poster_checks.h"

#include <doctest/doctest.h>

namespace test {

void check_same_posters(const std::vector<geo::Poster>& got, const std::vector<geo::Poster>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].id == want[i].id);
        CHECK(got[i].kind == want[i].kind);
        CHECK(got[i].installed == want[i].installed);
        CHECK(got[i].removed == want[i].removed);
        CHECK(got[i].building_id == want[i].building_id);
        CHECK(got[i].location == want[i].location);
        CHECK(got[i].extras == want[i].extras);
    }
}

}  // namespace test
