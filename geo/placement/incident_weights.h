#pragma once
// What one incident is worth to a banner: recency decay x (loss, 1, or a numeric field).
//   weight = base * 0.5^(age_days / half_life_days), age = reference - incident time (>= 0),
// with no decay when half_life_days is 0.
#include <optional>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct IncidentWeighting {
    enum class Base { none, loss, field } base = Base::none;
    std::string field;          // extras field name, with Base::field
    double half_life_days = 0;  // 0 = no decay
};

// "none", "loss" or an extras field name. BadInput naming --weight for an empty text.
IncidentWeighting::Base parse_weight_base(const std::string& text, std::string& field);

struct WeightedIncidents {
    std::vector<double> weights;           // per incident given
    std::size_t without_field_value = 0;   // Base::field: incidents weighing 0 for lack of a number
};

// BadInput naming --half-life when negative or not finite, and --weight when no incident
// carries the field as a number.
WeightedIncidents weigh_incidents(const std::vector<const Incident*>& incidents, const IncidentWeighting& weighting,
                                  Timestamp reference);

}  // namespace geo
