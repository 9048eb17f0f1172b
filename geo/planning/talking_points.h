#pragma once
// Why a building is visited and what to talk about there, from what the workspace knows of
// who lives in it (the lecture team's practice: the elderly hear about investment and
// health-product scams, the young about online shopping and order brushing).
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace geo {

struct VisitBrief {
    std::vector<std::string> reasons;         // Chinese, short
    std::vector<std::string> talking_points;  // Chinese, short
};

// `young_share`: transients ÷ (residents + transients) of the building's neighbourhood, a proxy
// for young working residents; `recent_types`: fraud types of recent cases near the building,
// most frequent first (the first two are named).
VisitBrief visit_brief(const Building& building, bool has_poster, bool has_contact_card, double young_share,
                       const std::vector<FraudType>& recent_types);

// 反诈 vocabulary for fraud types ("投资理财诈骗" ...).
const char* fraud_type_zh(FraudType type);

}  // namespace geo
