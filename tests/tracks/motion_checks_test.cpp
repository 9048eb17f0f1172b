// Times going backwards and jumps too fast, along one track's fixes (geo/tracks/motion_checks.h).
#include <doctest/doctest.h>

#include "geo/tracks/motion_checks.h"

using namespace geo;

namespace {

TimedFix fix(double x_m, std::int64_t t_s) { return {{x_m, 0}, Timestamp(std::chrono::seconds(1623715200 + t_s))}; }

}  // namespace

TEST_CASE("motion: one stray fix is one problem — the next fix is compared with the one before it") {
    //  0 ---- 1 ........................ 2 (stray, 5 km off) ...... 3 back near 1
    const std::vector<TimedFix> fixes = {fix(0, 0), fix(10, 10), fix(5010, 20), fix(20, 30)};
    const auto problems = check_motion(fixes, 200);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == MotionProblem::Kind::too_fast);
    CHECK(problems[0].index == 2);
    CHECK(problems[0].previous == 1);
    CHECK(problems[0].distance_m == doctest::Approx(5000).epsilon(1e-12));
    CHECK(problems[0].speed_kmh == doctest::Approx(1800).epsilon(1e-12));  // 5 km in 10 s
}

TEST_CASE("motion: an earlier time than the last kept fix goes backwards — the same time does not") {
    const std::vector<TimedFix> fixes = {fix(0, 0), fix(5, 10), fix(6, 10), fix(7, 9), fix(8, 11)};
    const auto problems = check_motion(fixes, 200);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == MotionProblem::Kind::backwards);
    CHECK(problems[0].index == 3);
    CHECK(problems[0].previous == 2);
}

TEST_CASE("motion: fixes in the same second are at most a second apart, so 50 m is 180 km/h, not infinite") {
    CHECK(check_motion({fix(0, 0), fix(50, 0)}, 200).empty());
    const auto problems = check_motion({fix(0, 0), fix(60, 0)}, 200);  // 216 km/h
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].speed_kmh == doctest::Approx(216).epsilon(1e-12));
}

TEST_CASE("motion: just under the limit is allowed, just over it is not") {
    // 200 km/h is 55.555... m/s: 555.5 m in 10 s is under it, 556 m over.
    CHECK(check_motion({fix(0, 0), fix(555.5, 10)}, 200).empty());
    CHECK(check_motion({fix(0, 0), fix(556, 10)}, 200).size() == 1);
}

TEST_CASE("motion: a stray first fix is the one refused — the rest of the track is not") {
    //  0 (stray, 8 km off) ........ 1 ---- 2 ---- 3 ---- 4
    const std::vector<TimedFix> fixes = {fix(8000, 0), fix(0, 10), fix(12, 20), fix(25, 30), fix(40, 40)};
    const auto problems = check_motion(fixes, 200);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == MotionProblem::Kind::too_fast);
    CHECK(problems[0].index == 0);
    CHECK(problems[0].previous == 1);
    // A first fix the next two agree with stays, even when the third is a stray.
    const auto later = check_motion({fix(0, 0), fix(10, 10), fix(5010, 20), fix(20, 30)}, 200);
    REQUIRE(later.size() == 1);
    CHECK(later[0].index == 2);
}
