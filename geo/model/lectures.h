#pragma once
// Lectures held by the lecture team (讲师团): where, when, on what, to how many, with how many
// leaflets handed out. Kept in the workspace beside the visits (a table, not a map layer); the
// plan (geo/outreach/lecture_plan.h) spaces its venues from them and the weekly review counts them.
#include <cstdint>
#include <string>

namespace geo {

struct LectureRecord {
    std::string venue_id;        // a site's id, or "square-<neighbourhood id>"
    std::string date;            // local day, "2021-06-22"
    std::string topics;          // fraud types, "investment+health_product"
    std::int64_t attendance = 0;
    std::int64_t leaflets = 0;
    std::string source;          // "cli", "app", a CSV's name
    std::string recorded;        // when it was recorded, ISO 8601 UTC
    std::string station_id = {}; // the station whose lecture team held it (city workspace only)
    friend bool operator==(const LectureRecord&, const LectureRecord&) = default;
};

}  // namespace geo
