#pragma once
// The printed weekly review (会商) for the station's meeting: A4, Chinese (or English), from the
// figures of geo/review: the headline table with the Poisson marks and its footnote, the
// 26-week chart with the expected band, the neighbourhoods by rate with their officers, cases
// by fraud type and age band and by source, repeat places and the near-repeat table, the early
// warnings by channel; a map of the week's cases over the quarter's hot spots; the actions
// (banners, visits, lectures) and the officers' visits. Counts only: no victim's name or loss
// of a single case.
#include <filesystem>
#include <string>

#include "geo/model/district.h"
#include "geo/review/weekly_review.h"

namespace geo {

struct ReviewReport {
    std::string district_name;
    std::string period;       // "2021-06-14 – 2021-06-20"
    WeeklyReview review;
};

enum class ReportLanguage { zh, en };

// Written atomically (PendingFile). IoError when it cannot be. The map page draws `district`'s
// streets and neighbourhoods under the week's cases.
void write_review_pdf(const ReviewReport& report, const District& district, ReportLanguage language,
                      const std::filesystem::path& out);

}  // namespace geo
