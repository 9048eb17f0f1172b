#pragma once
// The printed route sheet an officer carries for one day (A4, Chinese): a map of the day's
// area with the route and numbered stops, the ordered stop list with why each stop and what to
// talk about, arrival times, totals, tick boxes and a signature line. cairo + pango, Noto Sans
// CJK SC. Carries no victim details beyond what the visit needs.
#include <filesystem>
#include <string>

#include "geo/model/district.h"
#include "geo/planning/day_route.h"

namespace geo {

// Writes the PDF atomically (temporary file, then rename). `district` supplies the streets and
// buildings drawn under the route. IoError when the file cannot be written.
void write_route_sheet_pdf(const DayRoute& route, const District& district, const std::filesystem::path& out);

// "10:05": `minutes_after` the route's start time ("09:00"), as the sheet prints arrivals.
std::string clock_text(const std::string& start, double minutes_after);

}  // namespace geo
