#pragma once
// `--where FIELD=VALUE`: keep the incidents whose field has that value. Meant for the extra
// columns an import keeps (Portland's CATEGORY after `--map-values 'fraud_type:*=other'`), and
// also accepts our vocabulary fields (fraud_type, victim_age_band, outcome, source).
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct FieldCondition {
    std::string field;  // matched case-insensitively, as import matches field names
    std::string value;  // compared with the value's text (district rows' to_text), exactly
};

// "CATEGORY=BURGLARY" (the value may be empty or hold '='; the first '=' splits).
// BadInput naming --where when there is no '=' or no field name.
FieldCondition parse_field_condition(std::string_view text);

// True when every condition holds (an incident without the field fails it).
bool matches_all(const Incident& incident, const std::vector<FieldCondition>& conditions);

// BadInput naming --where for a field no incident of the district carries.
void require_known_fields(const District& district, const std::vector<FieldCondition>& conditions);

}  // namespace geo
