#include "geo/planning/iso_week.h"

#include <chrono>
#include <regex>

#include "geo/util/time_parse.h"

namespace geo {

std::optional<TimeWindow> parse_iso_week(const std::string& label, const std::string& zone) {
    static const std::regex pattern(R"((\d{4})-W(\d{2}))");
    std::smatch m;
    if (!std::regex_match(label, m, pattern)) return std::nullopt;
    const int year = std::stoi(m[1].str());
    const int week = std::stoi(m[2].str());
    if (week < 1 || week > 53) return std::nullopt;
    // Week 1 is the week holding 4 January (ISO 8601), so its Monday is 4 January minus the
    // days since Monday.
    using namespace std::chrono;
    const sys_days jan4{std::chrono::year{year} / January / 4};
    const sys_days monday = jan4 - (weekday{jan4} - Monday) + weeks{week - 1};
    const year_month_day ymd{monday};
    const Timestamp local_noon = from_local_fields(static_cast<int>(ymd.year()), static_cast<int>(unsigned{ymd.month()}),
                                                   static_cast<int>(unsigned{ymd.day()}), 12, 0, 0, zone);
    const TimeWindow window = window_containing(local_noon, TimeStep::week, zone);
    // W53 of a 52-week year lands in W01 of the next: not the week asked for.
    if (window_label(window, TimeStep::week, zone) != label) return std::nullopt;
    return window;
}

}  // namespace geo
