#pragma once
// The Lectures tab (讲座, issue 12): the lecture team's plan from geo::plan_lectures for the weeks
// and teams typed (the CLI's `patrolmap lectures` with the same settings gives the same plan), a
// table of it (a click flies the map to the venue), the venues on the map coloured by week, and a
// "held" tick per lecture that records it in the workspace through geo::commit_lectures, the
// function `lectures --record` uses. What is ticked is read back from the district.
#include <string>

#include "app/gui/app_state.h"

namespace gui {

void draw_lectures_panel(AppState& state);

// "2021-W25..2021-W30": the six weeks after the week of the workspace's latest case (the next
// weeks to plan on data up to now); "" without cases.
std::string default_lecture_weeks(const geo::District& district);

// Plans with the tab's settings, on this thread (the sample's six weeks take milliseconds; see
// LectureReview::plan_ms). Throws geo::BadInput for bad weeks or settings, as the CLI would.
void plan_lectures_now(AppState& state);

// The record of planned lecture k held on its day at its venue, or null.
const geo::LectureRecord* held_record(const AppState& state, std::size_t k);
// Planned lecture k's day, "2021-06-22" (local).
const std::string& lecture_date(const AppState& state, std::size_t k);

// Opens the "held" dialog for planned lecture k (what ticking its box does): how many came, with
// the venue's audience (or what was recorded) to start from.
void ask_lecture_held(AppState& state, std::size_t k);

// Records planned lecture k as held (its venue, day and topics; source "app") in the workspace
// at once, one transaction, and in the district. Throws geo::BadInput for a day still ahead or an
// attendance out of 0..100,000 (leaflets 0..1,000,000), as `lectures --record` does; geo::IoError
// when the write fails, nothing written then.
void record_lecture_held(AppState& state, std::size_t k, std::int64_t attendance, std::int64_t leaflets);

}  // namespace gui
