#pragma once
// The Lectures tab's view state (讲座, issue 12): the settings the planner typed, the plan
// geo::plan_lectures made with them, which rows the map shows, and the "held" question being
// asked; and the contact cards being printed from the inspector. The plan and every figure in it
// come from geo/outreach; what was held is read from the district (the patrolmap_lectures table).
#include <optional>
#include <string>
#include <vector>

#include "geo/outreach/lecture_plan.h"

namespace gui {

struct LectureReview {
    // The settings: the CLI's defaults (geo::LecturePlanOptions); the weeks default to the six
    // after the week of the latest case (default_lecture_weeks), filled in when a workspace opens.
    char weeks[40] = "";
    int teams = geo::LecturePlanOptions{}.teams;
    int per_team_week = geo::LecturePlanOptions{}.per_team_week;
    int min_gap_weeks = geo::LecturePlanOptions{}.min_gap_weeks;

    std::optional<geo::LecturePlan> plan;
    geo::LecturePlanOptions planned_options;  // what `plan` was made with
    std::vector<std::string> dates;           // per planned lecture, its day "2021-06-22" (local)
    double plan_ms = 0;                       // how long geo took, on this thread (for --report)
    int shown_week = -1;                      // table and map: one week of the plan (index), -1 all
    int selected = -1;                        // the lecture (index into plan->lectures) ringed on the map
    // "Held": the lecture whose attendance is being asked (index), with the dialog's fields.
    int asking = -1;
    bool open_dialog = false;  // opened at the panel's level: the table's rows are another ID scope
    int attendance = 0, leaflets = 0;
    std::string message;  // the last error or what was recorded
    bool shown = false;   // the tab was drawn last frame (the side panel widens for the table)
    int click_row = 0;    // --layer-state lecture_row=K: row K of the table (from 1) clicked when drawn
};

// "Print cards" for the selected neighbourhood (inspector): where to and what kind.
struct CardsPrint {
    bool poster = false;     // an A4 poster instead of the A6 contact cards
    char path[512] = "";     // filled with a default beside the workspace when the dialog opens
    std::string message;     // where it wrote, or why not
    std::string neighbourhood_id;  // the neighbourhood the message is about
    bool failed = false;
    bool open_dialog = false;      // --layer-state cards_ask=N01: the dialog opens on the first frame
};

}  // namespace gui
