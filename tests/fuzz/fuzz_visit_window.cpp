// Visit windows as a building's field gives them ("14:00-17:30").
// Property: an accepted window formats back to text that parses to the same window.
#include "geo/planning/visit_window.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text_of(data, size);
    fuzz::accepts([&] {
        if (auto w = geo::planning::parse_clock_window(text)) {
            fuzz::require(w->begin_min >= 0 && w->begin_min <= 24 * 60 && w->end_min >= 0 && w->end_min <= 24 * 60,
                          "window inside the day");
            const auto again = geo::planning::parse_clock_window(geo::planning::format_clock_window(*w));
            fuzz::require(again && again->begin_min == w->begin_min && again->end_min == w->end_min,
                          "window round trip");
        }
    });
    fuzz::accepts([&] {
        if (auto m = geo::planning::parse_clock_min(text)) fuzz::require(*m >= 0 && *m <= 24 * 60, "clock inside the day");
    });
    return 0;
}
