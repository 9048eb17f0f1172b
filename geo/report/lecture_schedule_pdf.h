#pragma once
// The lecture team's printed schedule (讲师团宣讲安排): A4, Chinese, week by week: team, day,
// venue, who is in the room, the topics and why the venue was chosen (the recent cases it
// speaks to per 1,000 people, or a neighbourhood not reached for weeks).
#include <filesystem>

#include "geo/model/district.h"
#include "geo/outreach/lecture_plan.h"

namespace geo {

// Written atomically (PendingFile). IoError when it cannot be.
void write_lecture_schedule_pdf(const LecturePlan& plan, const District& district, const std::filesystem::path& out);

}  // namespace geo
