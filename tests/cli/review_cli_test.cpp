// patrolmap review on the sample: the week's figures equal change --json and a direct count,
// and June's fall is flagged as beyond chance.
#include <doctest/doctest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"
#include "tests/common/workspace_builders.h"

TEST_CASE("review --week 2021-W24 --json matches change --json and a direct count") {
    const std::string ws = (test::source_dir() / "data" / "jiangnan.gpkg").string();
    const auto r = test::run_patrolmap({"review", ws, "--week", "2021-W24", "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    const auto c = test::run_patrolmap({"change", ws, "--step", "week", "--json"});
    REQUIRE(c.exit_code == 0);
    const auto change = nlohmann::json::parse(c.out);
    std::int64_t from_change = -1, last_week = -1;
    for (const auto& p : change["district"]) {
        if (p["period"] == "2021-W24") from_change = p["incidents"].get<std::int64_t>();
        if (p["period"] == "2021-W23") last_week = p["incidents"].get<std::int64_t>();
    }
    const geo::District d = geo::read_district(ws);
    const auto week = geo::parse_iso_week("2021-W24", d.metadata.timezone);
    std::int64_t direct = 0, dissuaded = 0;
    for (const auto& i : d.incidents)
        if (week->contains(i.time)) ++direct, dissuaded += i.outcome == geo::Outcome::dissuaded;
    const auto& row = j["headline"][0];
    CHECK(row["row"] == "this week");
    CHECK(row["now"]["cases"].get<std::int64_t>() == direct);
    CHECK(row["now"]["cases"].get<std::int64_t>() == from_change);
    CHECK(row["before"]["cases"].get<std::int64_t>() == last_week);
    CHECK(row["now"]["dissuaded"].get<std::int64_t>() == dissuaded);
    // June's fall: the four weeks to W24 against the four before.
    CHECK(j["headline"][1]["significant_fall"].get<bool>());
    CHECK(j["series"].size() == 26);
    CHECK(j["series"].back()["cases"].get<std::int64_t>() == direct);
    std::int64_t by_source = 0;
    for (const auto& [name, n] : j["by_source"].items()) by_source += n.get<std::int64_t>();
    CHECK(by_source == direct);
    // The near-repeat table holds every pair of the year's cases, once.
    const std::int64_t n = j["knox"]["cases"].get<std::int64_t>();
    std::int64_t pairs = 0;
    for (const auto& row : j["knox"]["cells"])
        for (const auto& cell : row) pairs += cell["observed"].get<std::int64_t>();
    CHECK(pairs == n * (n - 1) / 2);
    CHECK(j["repeats"].size() > 0);  // the sample plants repeat victims
    for (const auto& r : j["repeats"]) CHECK(r["earlier"].get<int>() >= 1);
    CHECK(test::run_patrolmap({"review", ws, "--week", "2021-W99"}).exit_code == 2);
    // The early warnings of the week, by a direct count, and by channel adding up to them.
    std::int64_t warnings = 0, warned_dissuaded = 0;
    double kept = 0;
    for (const auto& w : d.warnings)
        if (week->contains(w.time)) ++warnings, warned_dissuaded += w.outcome == geo::WarningOutcome::dissuaded, kept += w.amount_protected_yuan;
    CHECK(warnings > 0);
    CHECK(row["warnings_now"]["warnings"].get<std::int64_t>() == warnings);
    CHECK(row["warnings_now"]["dissuaded"].get<std::int64_t>() == warned_dissuaded);
    CHECK(row["warnings_now"]["protected_yuan"].get<double>() == doctest::Approx(kept));
    std::int64_t by_channel = 0;
    for (const auto& [name, t] : j["warnings_by_channel"].items()) by_channel += t["warnings"].get<std::int64_t>();
    CHECK(by_channel == warnings);
    CHECK(j["series"].back()["warnings"].get<std::int64_t>() == warnings);
    // The actions: three banners for the week's cases, ten buildings, three neighbourhoods.
    CHECK(j["actions"]["banners"].size() == 3);
    CHECK(j["actions"]["week_cases"].get<std::int64_t>() == direct);
    CHECK(j["actions"]["visits"].size() == 10);
    CHECK(j["actions"]["lectures"].size() == 3);
    CHECK(j["map"]["week_cases"].get<std::int64_t>() == direct);
}

TEST_CASE("review --out writes the A4 review in Chinese, its totals those of --json") {
    test::ScratchDir dir;
    const std::string ws = (test::source_dir() / "data" / "jiangnan.gpkg").string();
    const std::string pdf = (dir / "review.pdf").string(), text = (dir / "review.txt").string();
    const auto r = test::run_patrolmap({"review", ws, "--week", "2021-W24", "--out", pdf, "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(std::system(("pdftotext -layout '" + pdf + "' '" + text + "'").c_str()) == 0);
    const std::string t = test::read_text(text);
    for (const char* word : {"反诈周会商", "2021-W24", "本周", "近4周", "劝阻", "近26周案件数", "责任民警", "Knox", "预警渠道",
                             "话务劝阻", "本周案件与热点", "下周工作建议", "警示横幅", "优先走访楼栋", "讲师团"}) {
        CAPTURE(word);
        CHECK(t.find(word) != std::string::npos);
    }
    // The week's row as the PDF prints it: its cases and last week's, as --json has them.
    const std::string cases = std::to_string(j["headline"][0]["now"]["cases"].get<int>());
    const std::string before = std::to_string(j["headline"][0]["before"]["cases"].get<int>());
    const auto row = t.find("本周");
    REQUIRE(row != std::string::npos);
    const std::string line = t.substr(row, t.find('\n', row) - row);
    CHECK(line.find(" " + cases + " ") != std::string::npos);
    CHECK(line.find(" " + before + " ") != std::string::npos);
    // The week's early warnings on the same line, with the money kept.
    const auto& warned = j["headline"][0]["warnings_now"];
    CHECK(line.find(" " + std::to_string(warned["warnings"].get<int>()) + " ") != std::string::npos);
    CHECK(line.find(" " + std::to_string(warned["dissuaded"].get<int>()) + " ") != std::string::npos);
    // Four pages: figures, tables, the map, the actions.
    const std::string info = (dir / "info.txt").string();
    REQUIRE(std::system(("pdfinfo '" + pdf + "' > '" + info + "'").c_str()) == 0);
    CHECK(test::read_text(info).find("Pages:           4") != std::string::npos);
    // The banners' places as --json names them.
    for (const auto& b : j["actions"]["banners"]) {
        const std::string place = b["place"].get<std::string>();
        if (!place.empty()) CHECK(t.find(place.substr(0, place.find(' '))) != std::string::npos);
    }
    // In English too.
    const auto en = test::run_patrolmap({"review", ws, "--week", "2021-W24", "--lang", "en", "--out", (dir / "en.pdf").string()});
    CHECK(en.exit_code == 0);
    CHECK(test::run_patrolmap({"review", ws, "--week", "2021-W24", "--lang", "fr", "--out", (dir / "fr.pdf").string()}).exit_code == 2);
}
