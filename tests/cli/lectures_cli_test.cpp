// patrolmap lectures: the plan on the sample, recording a lecture held, and what the record
// changes (the plan spaces the venue, the review counts it).
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

using test::run_patrolmap;

namespace {
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("lectures: a lecture held is recorded once per venue and day, the plan spaces it, the review counts it") {
    test::ScratchDir dir;
    const auto ws = dir / "ws.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data" / "jiangnan.gpkg", ws);
    auto r = run_patrolmap({"lectures", ws.string(), "--weeks", "2021-W25..2021-W26", "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto plan = nlohmann::json::parse(r.out);
    REQUIRE(plan.size() == 40);
    // The venue the plan puts first, held the week before instead.
    const std::string venue = plan[0]["venue_id"].get<std::string>();
    r = run_patrolmap({"lectures", ws.string(), "--record", venue, "--date", "2021-06-15", "--topics", "order_brushing+loan",
                       "--attendance", "300", "--leaflets", "450"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.err, "recorded the lecture at " + venue));
    // The same venue and day again: a correction, not a second lecture.
    REQUIRE(run_patrolmap({"lectures", ws.string(), "--record", venue, "--date", "2021-06-15", "--attendance", "320"}).exit_code == 0);
    const geo::District d = geo::read_district(ws);
    REQUIRE(d.lectures.size() == 1);
    CHECK(d.lectures[0].attendance == 320);
    CHECK(d.lectures[0].source == "cli");
    // Held in W24: with the default spacing of 4 weeks it is not planned in W25 or W26.
    r = run_patrolmap({"lectures", ws.string(), "--weeks", "2021-W25..2021-W26", "--json"});
    REQUIRE(r.exit_code == 0);
    plan = nlohmann::json::parse(r.out);
    for (const auto& l : plan) CHECK(l["venue_id"] != venue);
    // The review of W24 counts it.
    r = run_patrolmap({"review", ws.string(), "--week", "2021-W24", "--json"});
    REQUIRE(r.exit_code == 0);
    const auto review = nlohmann::json::parse(r.out);
    CHECK(review["lectures"]["held"] == 1);
    CHECK(review["lectures"]["attendance"] == 320);
    // Bad records change nothing.
    const std::string before = test::read_text(ws);
    CHECK(run_patrolmap({"lectures", ws.string(), "--record", "S01", "--date", "2021-06-15", "--attendance", "5"}).exit_code == 2);
    CHECK(run_patrolmap({"lectures", ws.string(), "--record", venue, "--date", "2021-13-01", "--attendance", "5"}).exit_code == 2);
    CHECK(run_patrolmap({"lectures", ws.string(), "--record", venue, "--date", "2099-01-01", "--attendance", "5"}).exit_code == 2);
    CHECK(run_patrolmap({"lectures", ws.string(), "--record", venue, "--date", "2021-06-16", "--attendance", "5", "--topics", "magic"})
              .exit_code == 2);
    CHECK(run_patrolmap({"lectures", ws.string(), "--record", venue, "--date", "2021-06-16"}).exit_code == 2);  // no attendance
    CHECK(test::read_text(ws) == before);
    // The plan's files: CSV, GeoJSON and the printed schedule.
    r = run_patrolmap({"lectures", ws.string(), "--weeks", "2021-W25", "--out", (dir / "plan").string()});
    REQUIRE(r.exit_code == 0);
    for (const char* f : {"lectures.csv", "lectures.geojson", "lectures.pdf"}) CHECK(std::filesystem::exists(dir / "plan" / f));
    const std::string text = (dir / "plan.txt").string();
    REQUIRE(std::system(("pdftotext '" + (dir / "plan" / "lectures.pdf").string() + "' '" + text + "'").c_str()) == 0);
    CHECK(contains(test::read_text(text), "反诈讲师团宣讲安排"));
    CHECK(contains(test::read_text(text), "第1组"));
}
