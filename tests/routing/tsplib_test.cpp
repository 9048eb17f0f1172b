// TSPLIB reading: every supported distance type with TSPLIB's own rounding, the explicit
// matrix formats, and errors that name the file and line.
#include "geo/routing/tsp/tsplib.h"

#include <doctest/doctest.h>

#include "geo/util/error.h"
#include "tests/common/fixtures.h"

using geo::tsp::EdgeWeightType;
using geo::tsp::parse_tsplib;
using geo::tsp::read_tsplib;
using geo::tsp::tsplib_matrix;

TEST_CASE("EUC_2D distances are rounded to the nearest integer (berlin52)") {
    const auto instance = read_tsplib(test::external("tsplib/berlin52.tsp"));
    CHECK(instance.name == "berlin52");
    CHECK(instance.dimension == 52);
    CHECK(instance.weight_type == EdgeWeightType::euc_2d);
    const auto d = tsplib_matrix(instance);
    // (565, 575) to (25, 185): sqrt(540² + 390²) = 666.11 -> 666
    CHECK(d(0, 1) == 666);
    CHECK(d(1, 0) == 666);
}

TEST_CASE("ATT distances are pseudo-Euclidean, rounded up (att48)") {
    const auto d = tsplib_matrix(read_tsplib(test::external("tsplib/att48.tsp")));
    // (6734, 1453) to (2233, 10): sqrt((4501² + 1443²) / 10) = 1494.70 -> nint 1495
    CHECK(d(0, 1) == 1495);
    // (6734, 1453) to (5530, 1424): sqrt((1204² + 29²) / 10) = 380.85 -> nint 381
    CHECK(d(0, 2) == 381);
}

TEST_CASE("GEO distances use DDD.MM coordinates, PI = 3.141592 and RRR = 6378.388 (ulysses22)") {
    const auto instance = read_tsplib(test::external("tsplib/ulysses22.tsp"));
    CHECK(instance.weight_type == EdgeWeightType::geo);
    const auto d = tsplib_matrix(instance);
    CHECK(d(0, 1) == 509);
    CHECK(d(0, 2) == 501);
}

TEST_CASE("CEIL_2D distances are rounded up") {
    const auto instance = parse_tsplib(
        "NAME: ceil\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: CEIL_2D\nNODE_COORD_SECTION\n"
        "1 0 0\n2 3 4.5\n3 3 4\nEOF\n",
        "ceil.tsp");
    const auto d = tsplib_matrix(instance);
    CHECK(d(0, 1) == 6);  // 5.41 -> 6
    CHECK(d(0, 2) == 5);  // exactly 5
}

TEST_CASE("Explicit matrices read the same in every stored format") {
    // The symmetric 4 x 4 matrix
    //   0 1 2 3
    //   1 0 4 5
    //   2 4 0 6
    //   3 5 6 0
    const std::string head = "NAME: m\nTYPE: TSP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EXPLICIT\n";
    const char* const sections[][2] = {
        {"FULL_MATRIX", "0 1 2 3\n1 0 4 5\n2 4 0 6\n3 5 6 0\n"},
        {"UPPER_ROW", "1 2 3\n4 5\n6\n"},
        {"LOWER_ROW", "1\n2 4\n3 5 6\n"},
        {"UPPER_DIAG_ROW", "0 1 2 3\n0 4 5\n0 6\n0\n"},
        {"LOWER_DIAG_ROW", "0\n1 0\n2 4 0\n3 5 6 0\n"},
        {"UPPER_ROW", "1 2 3 4 5 6\n"},  // numbers may run over lines freely
    };
    for (const auto& [format, numbers] : sections) {
        CAPTURE(format);
        const auto instance = parse_tsplib(head + "EDGE_WEIGHT_FORMAT: " + format + "\nEDGE_WEIGHT_SECTION\n" + numbers + "EOF\n", "m.tsp");
        const auto d = tsplib_matrix(instance);
        REQUIRE(d.size() == 4);
        CHECK(d(0, 1) == 1);
        CHECK(d(0, 3) == 3);
        CHECK(d(1, 2) == 4);
        CHECK(d(3, 2) == 6);
        CHECK(d(2, 2) == 0);
        CHECK(d.is_symmetric());
    }
}

TEST_CASE("A malformed TSPLIB file is bad input naming the file and line") {
    const std::string head = "NAME: bad\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n";
    CHECK_THROWS_WITH_AS(parse_tsplib(head + "1 0 0\n2 x 4\n3 1 1\n", "bad.tsp"),
                         "bad.tsp line 7: x 'x' is not a number within ±10¹²", geo::BadInput);
    // Found by fuzzing: a coordinate of 10⁶² made a distance beyond int, cast without a check.
    CHECK_THROWS_WITH_AS(parse_tsplib(head + "1 0 0\n2 3" + std::string(62, '7') + " 0\n3 1 1\n", "bad.tsp"),
                         doctest::Contains("bad.tsp line 7: x '"), geo::BadInput);
    CHECK(tsplib_distance(geo::tsp::EdgeWeightType::euc_2d, {0, 0}, {4e11, 3e11}) == 5e11);
    // Found by fuzzing: a second DIMENSION after the coordinates left 1 coordinate for 202 nodes.
    CHECK_THROWS_WITH_AS(parse_tsplib(head + "1 0 0\n2 1 1\n3 2 2\nDIMENSION: 202\n", "bad.tsp"),
                         "bad.tsp line 9: DIMENSION appears twice", geo::BadInput);
    // And a DIMENSION whose matrix would not fit in memory is refused before anything is allocated.
    CHECK_THROWS_WITH_AS(parse_tsplib("NAME: u\nTYPE: TSP\nDIMENSION: 4888888\nEDGE_WEIGHT_TYPE: EXPLICIT\n", "u.tsp"),
                         doctest::Contains("DIMENSION 4888888 is more than the 20000 nodes"), geo::BadInput);
    CHECK_THROWS_WITH_AS(parse_tsplib(head + "1 0 0\n2 1 1\n", "bad.tsp"),
                         "bad.tsp line 8: NODE_COORD_SECTION ends after 2 of 3 nodes", geo::BadInput);
    CHECK_THROWS_WITH_AS(parse_tsplib(head + "1 0 0\n4 1 1\n", "bad.tsp"),
                         "bad.tsp line 7: node number 4 is outside 1..3", geo::BadInput);
    CHECK_THROWS_WITH_AS(parse_tsplib("NAME: a\nTYPE: ATSP\n", "a.tsp"),
                         "a.tsp line 2: TYPE 'ATSP' is not supported (only TSP)", geo::BadInput);
    CHECK_THROWS_WITH_AS(parse_tsplib("NAME: a\nTYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: MAN_3D\n", "a.tsp"),
                         "a.tsp line 4: EDGE_WEIGHT_TYPE 'MAN_3D' is not supported (EUC_2D, CEIL_2D, ATT, GEO or EXPLICIT)",
                         geo::BadInput);
    CHECK_THROWS_AS(read_tsplib("/nonexistent/x.tsp"), geo::BadInput);
}
