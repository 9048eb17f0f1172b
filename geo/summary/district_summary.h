#pragma once
// What `patrolmap info` reports: layer counts, CRS and extent, population totals, and
// incidents by month (in the workspace's time zone) with the month-on-month change.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"
#include "geo/query/incident_filter.h"

namespace geo {

struct MonthlyIncidents {
    int year = 0;
    int month = 0;  // 1..12
    std::size_t incidents = 0;
    double loss_yuan = 0;
    std::optional<double> change_pct;  // against the previous calendar month, when it had any
};

struct DistrictSummary {
    Metadata metadata;
    std::vector<std::pair<std::string, std::size_t>> layer_counts;  // in schema order
    Envelope extent;                         // workspace CRS, metres; empty with no features
    std::optional<Envelope> extent_lonlat;   // degrees
    std::int64_t residents = 0;
    std::int64_t transients = 0;
    std::int64_t households = 0;
    std::optional<double> mean_app_adoption;  // plain mean over neighbourhoods that report it
    std::size_t incidents = 0;
    double loss_yuan = 0;
    double recovered_yuan = 0;
    std::map<std::string, std::size_t> incidents_by_outcome;
    std::map<std::string, std::size_t> incidents_by_type;
    std::vector<MonthlyIncidents> months;  // every calendar month from first to last incident
};

DistrictSummary summarise(const District& district);
// The same with only the incidents `filter` matches (its window, fraud types, outcomes, ages and
// sources) in the incident figures and months; layers and population stay the whole district's.
DistrictSummary summarise(const District& district, const IncidentFilter& filter);

// Percentage change from `before` to `after`, rounded by the caller; nullopt when before = 0.
std::optional<double> change_pct(double before, double after);

}  // namespace geo
