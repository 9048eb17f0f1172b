// Emerging hot-spot classes: the stated rules on synthetic hot/not-hot weeks, and the whole
// cube (weekly counts -> weekly Gi* -> Mann-Kendall -> class) on small synthetic districts.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>

#include "geo/change/emerging.h"

namespace {

using geo::TrendClass;

std::vector<bool> weeks(const char* pattern) {  // "..HH" -> hot where 'H'
    std::vector<bool> out;
    for (const char* c = pattern; *c; ++c) out.push_back(*c == 'H');
    return out;
}

geo::MannKendall trend(double z) {
    geo::MannKendall mk;
    mk.z = z;
    mk.p = std::erfc(std::fabs(z) / std::sqrt(2.0));
    return mk;
}

TrendClass classify(const char* pattern, double z = 0) { return geo::classify_trend(weeks(pattern), trend(z), {}); }

// Monday 2021-03-01 00:00 in Shanghai (UTC+8) is 2021-02-28T16:00Z; + `week` weeks + 1 day.
geo::Timestamp in_week(int week) {
    using namespace std::chrono;
    return geo::Timestamp{sys_days{year{2021} / 2 / 28}} + hours{16} + days{7 * week + 1};
}

// A 10 x 10 grid of 100 m cells over (0,0)-(1000,1000); cell (col, row from the south).
geo::XY cell_centre(int col, int row) { return {col * 100.0 + 50, row * 100.0 + 50}; }

void add_cases(geo::District& d, int col, int row, int week, int count) {
    for (int k = 0; k < count; ++k) {
        geo::Incident i;
        i.location = cell_centre(col, row);
        i.time = in_week(week);
        d.incidents.push_back(i);
    }
}

geo::EmergingOptions ten_by_ten() {
    geo::EmergingOptions o;
    o.cell_m = 100;
    o.weights = geo::DistanceBand{100};  // the cell and its four edge neighbours
    o.extent = geo::Envelope{0, 0, 1000, 1000};
    return o;
}

std::vector<std::uint32_t> all_of(const geo::District& d) {
    std::vector<std::uint32_t> out(d.incidents.size());
    for (std::uint32_t i = 0; i < out.size(); ++i) out[i] = i;
    return out;
}

// Raster index (north row first) of cell (col, row from the south) in the 10 x 10 grid.
std::size_t index_of(int col, int row) { return static_cast<std::size_t>((9 - row) * 10 + col); }

}  // namespace

TEST_CASE("trend classes follow the stated rules") {
    CHECK(classify("..........") == TrendClass::none);
    CHECK(classify(".........H") == TrendClass::new_spot);
    CHECK(classify("......HHHH") == TrendClass::new_spot);            // one run to the end: just emerged
    CHECK(classify("HHHHHHHHHH", 2.5) == TrendClass::intensifying);
    CHECK(classify("HHHHHHHHHH", 0.5) == TrendClass::persistent);      // trend not significant
    CHECK(classify(".HHHHHHHHH", -2.5) == TrendClass::diminishing);   // 9 of 10 is 90%: mostly hot
    CHECK(classify("HHHHHHHHH.", 0.0) == TrendClass::diminishing);    // mostly hot, not any more
    CHECK(classify("H.H.H.H..H") == TrendClass::sporadic);
    CHECK(classify("H......HHH") == TrendClass::sporadic);            // hot before the final run
    CHECK(classify("HH.HHHH...") == TrendClass::none);                // hot before, not now, not mostly
    CHECK(classify("..HHHHHHHH", 2.5) == TrendClass::new_spot);       // 8 of 10 < 90%: still new
}

TEST_CASE("a cell whose weekly cases rise every week is intensifying") {
    // Cell (4,4): 1, 2, ..., 10 cases in weeks 0..9, nothing elsewhere. Each week its Gi* (one
    // non-zero cell c among n = 100; W = 5, the cell and its 4 neighbours) is
    //   X̄ = c/100, S = c·√(1/100 − 1/100²) = 0.0994987c
    //   z = (c − 5c/100) / (S·√((100·5 − 25)/99)) = 0.95c / 0.2179449c = 4.358899
    // p = 1.3e-5, and its 4 neighbours have the same z; BH over 100 cells: q = p·100/5 = 2.6e-4.
    // Hot every week; Mann-Kendall S = 45 > 0, significant: intensifying.
    geo::District d;
    for (int w = 0; w < 10; ++w) add_cases(d, 4, 4, w, w + 1);
    const geo::EmergingHotspots r = geo::emerging_hotspots(d, all_of(d), ten_by_ten());
    REQUIRE(r.weeks.size() == 10);
    REQUIRE(r.cells.size() == 100);
    const geo::CellTrend& cell = r.cells[index_of(4, 4)];
    CHECK(cell.incidents == 55);
    CHECK(cell.hot_weeks == 10);
    CHECK(cell.trend.s == 45);
    CHECK(cell.trend_class == TrendClass::intensifying);
    // Its edge neighbours are hot with it but their own counts stay 0: persistent.
    CHECK(r.cells[index_of(4, 5)].hot_weeks == 10);
    CHECK(r.cells[index_of(4, 5)].trend_class == TrendClass::persistent);
    // A cell two rows away is never hot.
    CHECK(r.cells[index_of(4, 6)].trend_class == TrendClass::none);
}

TEST_CASE("a cell with cases only in the final week is new, one that stops is diminishing") {
    // Weeks 0..9. Cell (0,9), the north-west corner: 2 cases in the final week only. Cell (9,0),
    // the south-east corner: 3 cases every week but the last, so mostly hot and then not.
    // A corner's Gi* with one non-zero cell (W = 3): z = 0.97c / (0.0994987c·√((300 − 9)/99))
    // = 5.686, hot with or without the FDR correction.
    geo::District d;
    add_cases(d, 0, 9, 9, 2);
    for (int w = 0; w < 9; ++w) add_cases(d, 9, 0, w, 3);
    const geo::EmergingHotspots r = geo::emerging_hotspots(d, all_of(d), ten_by_ten());
    REQUIRE(r.weeks.size() == 10);
    CHECK(r.cells[index_of(0, 9)].hot_weeks == 1);
    CHECK(r.cells[index_of(0, 9)].hot_final_week);
    CHECK(r.cells[index_of(0, 9)].trend_class == TrendClass::new_spot);
    CHECK(r.cells[index_of(9, 0)].hot_weeks == 9);
    CHECK(r.cells[index_of(9, 0)].trend_class == TrendClass::diminishing);
    CHECK(r.cells[index_of(4, 4)].trend_class == TrendClass::none);
}

TEST_CASE("without the FDR correction more cells count as hot") {
    // 5 x 5 grid, one cell with c cases in every week: z = 0.8c/0.4c = 2 for it and its 4
    // neighbours (n = 25), p = 0.0455 <= 0.10 raw, but q = 0.0455·25/5 = 0.23 after BH.
    geo::District d;
    for (int w = 0; w < 4; ++w) add_cases(d, 2, 2, w, 2);
    geo::EmergingOptions o = ten_by_ten();
    o.extent = geo::Envelope{0, 0, 500, 500};
    const std::size_t centre = 2 * 5 + 2;
    CHECK(geo::emerging_hotspots(d, all_of(d), o).cells[centre].hot_weeks == 0);
    o.rules.fdr = false;
    const geo::EmergingHotspots raw = geo::emerging_hotspots(d, all_of(d), o);
    CHECK(raw.cells[centre].hot_weeks == 4);
    CHECK(raw.cells[centre].trend_class == TrendClass::persistent);
}
