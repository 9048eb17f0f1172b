#include "geo/planning/talking_points.h"

#include <algorithm>

namespace geo {

const char* fraud_type_zh(FraudType type) {
    switch (type) {
        case FraudType::investment: return "投资理财诈骗";
        case FraudType::health_product: return "保健品诈骗";
        case FraudType::online_shopping: return "网购退款诈骗";
        case FraudType::order_brushing: return "刷单返利诈骗";
        case FraudType::impersonation_police: return "冒充公检法诈骗";
        case FraudType::loan: return "网络贷款诈骗";
        case FraudType::romance: return "网络交友诈骗";
        case FraudType::other: return "其他诈骗";
    }
    return "其他诈骗";
}

VisitBrief visit_brief(const Building& b, bool has_poster, bool has_contact_card, double young_share,
                       const std::vector<FraudType>& recent_types) {
    VisitBrief brief;
    auto add_point = [&](const std::string& point) {
        if (std::find(brief.talking_points.begin(), brief.talking_points.end(), point) == brief.talking_points.end())
            brief.talking_points.push_back(point);
    };
    // Only what the visit needs: a past case is named as such, never with its details.
    if (b.flags.past_victim) brief.reasons.push_back("曾有住户受骗，回访");
    if (b.flags.elderly_alone) brief.reasons.push_back("有独居老人");
    if (b.flags.no_app) brief.reasons.push_back("有住户未装国家反诈中心APP");
    if (!has_poster) brief.reasons.push_back("未张贴反诈海报");
    if (!has_contact_card) brief.reasons.push_back("未张贴警民联系牌");
    if (!recent_types.empty()) brief.reasons.push_back("附近近期发案");

    if (b.flags.elderly_alone) {
        add_point("投资理财：高收益、保本理财都是骗局");
        add_point("保健品：免费讲座、礼品推销要警惕");
    }
    if (young_share >= 0.35) {
        add_point("网购退款：客服主动联系退款是骗局");
        add_point("刷单返利：先垫付再返利都是诈骗");
    }
    // The two most frequent recent types: a sheet row stays short enough to read at the door.
    std::string recent;
    for (std::size_t k = 0; k < recent_types.size() && k < 2; ++k)
        recent += (recent.empty() ? "" : "、") + std::string(fraud_type_zh(recent_types[k]));
    if (!recent.empty()) add_point("近期高发：" + recent);
    if (b.flags.no_app) add_point("现场协助安装国家反诈中心APP");
    if (!has_poster || !has_contact_card) add_point("张贴海报和警民联系牌");
    if (brief.talking_points.empty()) add_point("冒充公检法：公安机关不会电话办案、不设安全账户");
    return brief;
}

}  // namespace geo
