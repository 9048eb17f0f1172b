// Lectures held counted by period: what the weekly review, the Dashboard and the Lectures tab
// show, on literal records in Shanghai time.
#include <doctest/doctest.h>

#include "geo/outreach/lectures_held.h"
#include "geo/planning/iso_week.h"

using namespace geo;

namespace {

District with_lectures() {
    District d;
    d.metadata.timezone = "Asia/Shanghai";
    // 2021-W24 is Monday 2021-06-14 to Sunday 06-20 (local).
    d.lectures = {{"S1", "2021-06-13", "investment", 40, 10, "cli", ""},   // Sunday before: W23
                  {"S1", "2021-06-14", "investment", 120, 200, "app", ""}, // Monday: W24's first day
                  {"S2", "2021-06-20", "loan", 35, 0, "app", ""},          // Sunday: W24's last day
                  {"S3", "2021-06-21", "romance", 80, 5, "cli", ""},       // next Monday: W25
                  {"S4", "not a day", "other", 999, 999, "csv", ""}};      // counts nowhere
    return d;
}

}  // namespace

TEST_CASE("lectures held in a week: its Monday to its Sunday in local time, attendance and leaflets summed") {
    const District d = with_lectures();
    const auto w24 = parse_iso_week("2021-W24", d.metadata.timezone);
    REQUIRE(w24);
    const LecturesHeld held = lectures_held_in(d, *w24);
    CHECK(held.lectures == 2);
    CHECK(held.attendance == 155);
    CHECK(held.leaflets == 200);
    const auto w25 = parse_iso_week("2021-W25", d.metadata.timezone);
    REQUIRE(w25);
    CHECK(lectures_held_in(d, *w25).lectures == 1);
    CHECK(lectures_held_in(d, {w24->from, w25->to}).attendance == 235);
}

TEST_CASE("lectures held: none recorded counts zero") {
    District d;
    d.metadata.timezone = "Asia/Shanghai";
    const auto w24 = parse_iso_week("2021-W24", d.metadata.timezone);
    REQUIRE(w24);
    const LecturesHeld held = lectures_held_in(d, *w24);
    CHECK(held.lectures == 0);
    CHECK(held.attendance == 0);
    CHECK(held.leaflets == 0);
}
