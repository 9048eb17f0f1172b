#pragma once
// The printed weekly review (会商) for the station's meeting: A4, Chinese (or English), from the
// figures of geo/review: the headline table with the Poisson marks and its footnote, the
// 26-week chart with the expected band, the neighbourhoods by rate with their officers, cases
// by fraud type and age band and by source, repeat places and the near-repeat table. Counts
// only: no victim's name, address or loss of a single case.
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/review/breakdowns.h"
#include "geo/review/knox.h"
#include "geo/review/repeats.h"
#include "geo/review/weekly_figures.h"

namespace geo {

struct ReviewReport {
    std::string district_name;
    std::string week_label;   // "2021-W24"
    std::string period;       // "2021-06-14 – 2021-06-20"
    std::vector<HeadlineRow> headline;
    std::vector<WeekPoint> series;
    std::vector<NeighbourhoodRow> neighbourhoods;
    TypeAgeTable type_age;
    std::array<std::int64_t, EnumNames<IncidentSource>::names.size()> sources{};
    std::vector<RepeatPlace> repeats;
    KnoxTable knox;
};

enum class ReportLanguage { zh, en };

// Written atomically (PendingFile). IoError when it cannot be.
void write_review_pdf(const ReviewReport& report, ReportLanguage language, const std::filesystem::path& out);

}  // namespace geo
