#pragma once
// The printed review's later parts (review_pdf.h): the early warnings by channel, the map page
// (the week's cases over the quarter's hot spots and emerging hot spots) and the actions page
// (banners near the week's cases, buildings to visit first, neighbourhoods for the lecture team,
// the officers' visits and what went up this week).
#include "geo/report/review_page.h"

namespace geo::review_page {

void draw_warning_channels(Page& page, const WeeklyReview& r, ReportLanguage language);
void draw_map_page(Page& page, const ReviewReport& report, const District& district, ReportLanguage language);
void draw_actions_page(Page& page, const ReviewReport& report, ReportLanguage language);

}  // namespace geo::review_page
