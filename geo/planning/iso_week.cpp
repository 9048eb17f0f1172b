#include "geo/planning/iso_week.h"

#include <regex>

#include <date/iso_week.h>

#include "geo/util/time_parse.h"

namespace geo {

std::optional<TimeWindow> parse_iso_week(const std::string& label, const std::string& zone) {
    static const std::regex pattern(R"((\d{4})-W(\d{2}))");
    std::smatch m;
    if (!std::regex_match(label, m, pattern)) return std::nullopt;
    const int year = std::stoi(m[1].str());
    const unsigned week = static_cast<unsigned>(std::stoi(m[2].str()));
    // Howard Hinnant's iso_week calendar (libhowardhinnant-date-dev) knows which years have a
    // week 53; its Monday converts to a civil date.
    const iso_week::year_weeknum_weekday monday{iso_week::year{year}, iso_week::weeknum{week}, iso_week::mon};
    if (!monday.ok()) return std::nullopt;
    const date::year_month_day ymd{date::sys_days{monday}};
    const Timestamp local_noon = from_local_fields(static_cast<int>(ymd.year()), static_cast<int>(unsigned{ymd.month()}),
                                                   static_cast<int>(unsigned{ymd.day()}), 12, 0, 0, zone);
    return window_containing(local_noon, TimeStep::week, zone);
}

}  // namespace geo
