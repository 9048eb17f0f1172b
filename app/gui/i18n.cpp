#include "app/gui/i18n.h"

#include <cstdlib>
#include <map>

namespace gui {
namespace {

Language g_language = Language::en;  // UI state only; geo/ holds no language

const std::map<std::string_view, const char*>& chinese() {
    static const std::map<std::string_view, const char*> table = {
        {"PatrolMap", "反诈巡防图"},
        {"Workspace", "工作区"},
        {"Name", "名称"},
        {"synthetic data", "合成数据"},
        {"CRS", "坐标系"},
        {"Time zone", "时区"},
        {"Updated", "更新时间"},
        {"Layers", "图层"},
        {"Layer", "图层"},
        {"Features", "要素数"},
        {"neighbourhoods", "小区"},
        {"officers", "民警"},
        {"incidents", "警情"},
        {"posters", "宣传海报"},
        {"buildings", "楼栋"},
        {"sites", "场所"},
        {"roads", "道路"},
        {"Totals", "合计"},
        {"Residents", "常住人口"},
        {"Transients", "流动人口"},
        {"Households", "户数"},
        {"Incidents", "警情数"},
        {"Loss (yuan)", "损失（元）"},
        {"Recovered (yuan)", "追回（元）"},
        {"App adoption", "反诈APP安装率"},
        {"Outcomes", "处置结果"},
        {"Fraud types", "诈骗类型"},
        {"Incidents by month", "月度警情"},
        {"Month", "月份"},
        {"Cases", "案件数"},
        {"Change", "环比"},
        {"Language", "语言"},
        {"No workspace open", "未打开工作区"},
        {"investment", "投资理财"},
        {"health_product", "保健品"},
        {"online_shopping", "网络购物"},
        {"order_brushing", "刷单返利"},
        {"impersonation_police", "冒充公检法"},
        {"loan", "网络贷款"},
        {"romance", "网络交友"},
        {"other", "其他"},
        {"lost", "被骗"},
        {"dissuaded", "劝阻成功"},
        {"payment_stopped", "紧急止付"},
        {"recovered", "追回"},
        {"unknown", "未知"},
    };
    return table;
}

}  // namespace

Language language_from(const std::string& flag) {
    if (flag == "zh" || flag == "zh-CN") return Language::zh;
    if (flag == "en") return Language::en;
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) return std::string(v).rfind("zh", 0) == 0 ? Language::zh : Language::en;
    }
    return Language::en;
}

void set_language(Language language) { g_language = language; }
Language current_language() { return g_language; }

const char* tr(const char* english) {
    if (g_language == Language::en) return english;
    auto it = chinese().find(english);
    return it == chinese().end() ? english : it->second;
}

const char* tr_value(std::string_view stored_name) {
    static const std::map<std::string_view, const char*> english = {
        {"health_product", "health products"}, {"impersonation_police", "police impersonation"},
        {"online_shopping", "online shopping"}, {"order_brushing", "order brushing"},
        {"payment_stopped", "payment stopped"}, {"romance", "romance"},
        {"investment", "investment"}, {"loan", "loans"}, {"other", "other"},
        {"lost", "lost"}, {"dissuaded", "dissuaded"}, {"recovered", "recovered"},
        {"unknown", "unknown"},
    };
    const auto& table = g_language == Language::zh ? chinese() : english;
    auto it = table.find(stored_name);
    return it == table.end() ? "?" : it->second;
}

std::string all_translations() {
    std::string out;
    for (const auto& [en, zh] : chinese()) out += zh;
    return out;
}

}  // namespace gui
