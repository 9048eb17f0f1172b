// Poster edits to JSON and back, as the crash journal stores them: nothing lost, bad text refused.
#include <cmath>
#include <limits>

#include <doctest/doctest.h>

#include "geo/edit/edit_json.h"
#include "geo/util/error.h"

using namespace geo;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

// A poster with every optional part filled, and awkward numbers: 0.1 + 0.2 has no short
// decimal form, so only a shortest-round-trip writer brings it back bit for bit.
Poster full_poster() {
    Poster p;
    p.id = "BAN-0007";
    p.kind = PosterKind::banner;
    p.installed = Timestamp{1'620'022'800s};  // 2021-05-03T06:20:00Z
    p.removed = Timestamp{1'625'097'599s};
    p.building_id = "B0012";
    p.location = {503000.1 + 0.2, 3197000.0000000005};
    p.extras = {
        {"note", std::string("江南街道 反诈宣传 \"quoted\" \\ /")},
        {"floor", std::int64_t{-3}},
        {"big", std::numeric_limits<std::int64_t>::max()},
        {"small", std::numeric_limits<std::int64_t>::min()},
        {"width_m", 0.1 + 0.2},
        {"tiny", 5e-324},
        {"checked", Timestamp{0s}},
        {"empty", std::monostate{}},
        {"blank", std::string()},
    };
    return p;
}

Poster bare_poster() {
    Poster p;
    p.id = "PST-0001";
    p.location = {-1.5, 0};
    return p;
}

void check_same_poster(const Poster& got, const Poster& want) {
    CHECK(got.id == want.id);
    CHECK(got.kind == want.kind);
    CHECK(got.installed == want.installed);
    CHECK(got.removed == want.removed);
    CHECK(got.building_id == want.building_id);
    CHECK(got.location == want.location);
    CHECK(got.extras == want.extras);
}

// Through text, as the journal file does.
PosterEdit round_trip(const PosterEdit& edit) {
    return edit_from_json(json::parse(edit_to_json(edit).dump()), "journal edit 1");
}

}  // namespace

TEST_CASE("Every edit kind round-trips through JSON text, times and typed extras included") {
    SUBCASE("add, appended") {
        const auto back = std::get<AddPoster>(round_trip(AddPoster{full_poster(), std::nullopt}));
        check_same_poster(back.poster, full_poster());
        CHECK_FALSE(back.index.has_value());
    }
    SUBCASE("add at an index, without optional times or extras") {
        const auto back = std::get<AddPoster>(round_trip(AddPoster{bare_poster(), 4}));
        check_same_poster(back.poster, bare_poster());
        CHECK(back.index == std::optional<std::size_t>(4));
    }
    SUBCASE("move") {
        const auto back = std::get<MovePoster>(
            round_trip(MovePoster{"CC-0003", {503040.1 + 0.2, 3197000.7}, {-0.0, 1e15 / 3}}));
        CHECK(back.id == "CC-0003");
        CHECK(back.from == XY{503040.1 + 0.2, 3197000.7});
        CHECK(back.to == XY{-0.0, 1e15 / 3});
    }
    SUBCASE("delete") {
        const auto back = std::get<DeletePoster>(round_trip(DeletePoster{full_poster(), 17}));
        check_same_poster(back.poster, full_poster());
        CHECK(back.index == 17);
    }
}

TEST_CASE("Times are written as ISO 8601 UTC") {
    const json j = edit_to_json(AddPoster{full_poster(), std::nullopt});
    CHECK(j["poster"]["installed"] == "2021-05-03T06:20:00Z");
    CHECK(j["poster"]["extras"]["checked"]["time"] == "1970-01-01T00:00:00Z");
    CHECK(j["poster"]["removed"].is_string());
    CHECK(edit_to_json(AddPoster{bare_poster(), std::nullopt})["poster"]["installed"].is_null());
}

TEST_CASE("A real extra that is not finite survives as text") {
    Poster p = bare_poster();
    p.extras = {{"nan", std::numeric_limits<double>::quiet_NaN()},
                {"inf", -std::numeric_limits<double>::infinity()}};
    const auto back = std::get<AddPoster>(round_trip(AddPoster{p, std::nullopt}));
    CHECK(std::isnan(std::get<double>(back.poster.extras.at("nan"))));
    CHECK(std::get<double>(back.poster.extras.at("inf")) ==
          -std::numeric_limits<double>::infinity());
}

TEST_CASE("Malformed edits are bad input naming the journal, the edit and the field") {
    const json good = edit_to_json(DeletePoster{full_poster(), 2});
    auto read = [](const json& j) { return edit_from_json(j, "j.json edit 3"); };

    json j = good;
    j["poster"]["kind"] = "flag";
    CHECK_THROWS_WITH_AS(read(j),
                         "j.json edit 3: field poster.kind 'flag' is not one of poster, "
                         "contact_card or banner",
                         BadInput);
    j = good;
    j["poster"]["installed"] = "3 May 2021";
    CHECK_THROWS_WITH_AS(read(j),
                         "j.json edit 3: field poster.installed '3 May 2021' is not an ISO 8601 time",
                         BadInput);
    j = good;
    j.erase("index");
    CHECK_THROWS_WITH_AS(read(j), "j.json edit 3: field index is missing", BadInput);
    j = good;
    j["index"] = -1;
    CHECK_THROWS_AS(read(j), BadInput);
    j = good;
    j["op"] = "rotate";
    CHECK_THROWS_WITH_AS(read(j), "j.json edit 3: field op 'rotate' is not one of add, move or delete",
                         BadInput);
    j = good;
    j["poster"]["location"] = {{"x", "503000"}, {"y", 1}};
    CHECK_THROWS_AS(read(j), BadInput);
    j = good;
    j["poster"]["extras"]["floor"] = {{"colour", 1}};
    CHECK_THROWS_AS(read(j), BadInput);
    j = good;
    j["poster"]["extras"]["floor"] = {{"integer", 1.5}};
    CHECK_THROWS_AS(read(j), BadInput);
    j = good;
    j["poster"]["extras"]["floor"] = {{"integer", 18446744073709551615ull}};
    CHECK_THROWS_AS(read(j), BadInput);
    CHECK_THROWS_AS(read(json::array()), BadInput);
    CHECK_THROWS_AS(read(json("add")), BadInput);
}
