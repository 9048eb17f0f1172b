// The weekly review on real calls: Portland's August and September 2016 (data/external, CC0).
// Every week the review marks as a significant change must be one a direct exact computation
// marks, and the other way round: the two-sided exact binomial test of this week's count
// against last week's (equal lengths, so p = 0.5 and the test doubles the smaller tail),
// computed here in long double without geo/review.
#include <doctest/doctest.h>

#include <cmath>

#include <fmt/format.h>

#include "geo/io/importer.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/review/weekly_figures.h"
#include "tests/common/workspace_builders.h"

using namespace geo;

namespace {

std::string in_zip(const std::string& name) { return "/vsizip/" + test::external("incidents/" + name).string(); }

// One month of calls imported into its own workspace (September's FIDs restart at 1).
District month_of_calls(const test::ScratchDir& dir, const std::string& zip) {
    const auto ws = dir / (zip + ".gpkg");
    Metadata m;
    m.timezone = "America/Los_Angeles";
    create_workspace(ws, m);
    ImportOptions calls;
    calls.kind = LayerKind::incidents;
    calls.source = in_zip(zip);
    calls.field_map = {{"time", "occ_date"}, {"fraud_type", "CATEGORY"}};
    calls.value_map["fraud_type"] = {{"*", "other"}};
    calls.skip_invalid = true;
    import_layer(ws, calls);
    return read_district(ws);
}

// P(X <= k) for X ~ Binomial(n, 1/2), summed in long double.
long double lower_tail(std::int64_t k, std::int64_t n) {
    long double sum = 0;
    for (std::int64_t i = 0; i <= k; ++i)
        sum += std::exp(std::lgamma(static_cast<long double>(n) + 1) - std::lgamma(static_cast<long double>(i) + 1) -
                        std::lgamma(static_cast<long double>(n - i) + 1) - static_cast<long double>(n) * std::log(2.0L));
    return sum;
}

}  // namespace

TEST_CASE("Portland 2016: the review flags exactly the weeks a direct exact Poisson computation flags") {
    test::ScratchDir dir;
    District d = month_of_calls(dir, "portland_cfs_2016-08.zip");
    for (auto i : month_of_calls(dir, "portland_cfs_2016-09.zip").incidents) {
        i.id = "sep-" + i.id;
        d.incidents.push_back(std::move(i));
    }
    REQUIRE(d.incidents.size() > 35000);
    int flagged = 0;
    // W32 (8-14 August) is the first week with a whole week before it; W38 the last whole week.
    for (int w = 32; w <= 38; ++w) {
        const std::string label = fmt::format("2016-W{}", w);
        CAPTURE(label);
        const TimeWindow week = *parse_iso_week(label, d.metadata.timezone);
        const TimeWindow last{week.from - std::chrono::hours(24 * 7), week.from};
        std::int64_t now = 0, before = 0;
        for (const auto& i : d.incidents) now += week.contains(i.time), before += last.contains(i.time);
        const long double p = std::min(1.0L, 2 * lower_tail(std::min(now, before), now + before));
        const bool direct = p < 0.05L;
        const auto rows = headline_rows(d, IncidentFilter{}, week);
        CHECK(rows[0].now.cases == now);
        CHECK(rows[0].before.cases == before);
        CHECK(rows[0].available);
        CHECK((rows[0].cases.significant_rise || rows[0].cases.significant_fall) == direct);
        CHECK(std::abs(static_cast<long double>(rows[0].cases.p_value) - p) < 1e-9L);
        if (direct) CHECK(rows[0].cases.significant_rise == (now > before));
        flagged += direct;
    }
    MESSAGE("weeks flagged: ", flagged);
    CHECK(flagged >= 1);  // 2016-W37: 4,413 calls against 4,097
}
