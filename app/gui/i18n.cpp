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
        {"Neighbourhoods", "小区"}, {"Buildings", "楼栋"}, {"Roads", "道路"}, {"Officer areas", "民警责任区"},
        {"Hot spots and clusters", "热点与聚类"}, {"Gi* hot spots, grid", "Gi*热点（网格）"},
        {"Gi* hot spots, neighbourhoods", "Gi*热点（小区）"}, {"DBSCAN clusters", "DBSCAN聚类"},
        {"Emerging hot spots (weekly)", "新兴热点（按周）"}, {"eps (m)", "邻域半径（米）"}, {"min points", "最少点数"},
        {"cell (m)", "网格（米）"}, {"distance band (m)", "距离阈值（米）"}, {"False discovery rate correction", "错误发现率校正"},
        {"Hot spot, 99% confidence", "热点，置信度99%"}, {"Hot spot, 95% confidence", "热点，置信度95%"},
        {"Hot spot, 90% confidence", "热点，置信度90%"}, {"Cold spot, 90% confidence", "冷点，置信度90%"},
        {"Cold spot, 95% confidence", "冷点，置信度95%"}, {"Cold spot, 99% confidence", "冷点，置信度99%"},
        {"Cluster (cases · main fraud type)", "聚类（案件数·主要类型）"}, {"Cases outside any cluster", "未成簇案件"},
        {"new", "新增热点"}, {"intensifying", "加剧热点"}, {"persistent", "持续热点"}, {"diminishing", "减弱热点"},
        {"sporadic", "零星热点"},
        {"Routes", "走访路线"}, {"Not an ISO week (e.g. 2021-W24):", "周次格式应如 2021-W24："}, {"No officers in this workspace", "工作区内没有民警"}, {"ISO week", "周次"},
        {"planning…", "规划中…"}, {"Plan the week", "规划本周走访"}, {"Priority visited", "覆盖优先级"},
        {"Re-plan", "重新规划"}, {"locked", "处已锁定"}, {"Unlock all", "全部解锁"}, {"Issue without printing", "下发（不打印）"}, {"Zoom to the route", "缩放到路线"},
        {"Plan issued: the progress board counts it", "计划已下发，进度表将据此统计"},
        {"Tick a visit when done; lock or drag a stop onto a day, then re-plan", "走访完成后勾选；可锁定某处或将其拖到某一天，再重新规划"},
        {"Done", "已访"}, {"Address", "地址"}, {"Arrive", "到达"}, {"Lock", "锁定"}, {"Day", "日期"},
        {"drop on a day", "拖到某一天"}, {"households", "户"}, {"Progress this week", "本周走访进度"},
        {"Done / planned", "已访 / 计划"}, {"Off plan", "计划外"}, {"no plan issued", "未下发计划"},
        {"lower-priority buildings wait for later weeks", "栋较低优先级楼栋留待以后各周"}, {"All days", "全部日期"},
        {"stops", "处"}, {"Print the sheets (PDF, GPX, GeoJSON)", "打印路线单（PDF、GPX、GeoJSON）"}, {"wrote", "已写出"},
        {"Banners", "横幅布点"}, {"Export accepted for the crew (PDF + GeoJSON)", "导出已采纳横幅清单（PDF和GeoJSON）"}, {"Reach (m)", "覆盖半径（米）"}, {"Minimum spacing (m)", "最小间距（米）"},
        {"Suggest banner sites", "推荐横幅位置"}, {"Cases within reach of banners", "横幅覆盖案件"},
        {"All suggestions cover", "全部建议覆盖"}, {"bound", "上界"}, {"cases", "起"}, {"Accept", "采纳"}, {"Reject", "否决"},
        {"moved", "已移动"}, {"Click the map…", "请点击地图…"}, {"cases in reach", "起案件在覆盖范围内"}, {"weight", "权重"},
        {"of them not yet in reach of a banner", "起尚无横幅覆盖"}, {"Drag its marker on the map to move it", "在地图上拖动其标记可移动位置"},
        {"Mark cases out of reach", "标出未覆盖案件"}, {"Undo reject/move", "撤销否决/移动"}, {"Redo reject/move", "重做否决/移动"},
        {"Click the map to place suggestion", "点击地图放置建议点"}, {"accepted", "已采纳"}, {"Restore", "恢复"},
        {"Basemap", "底图"}, {"Heatmap", "热力图"}, {"Bandwidth (m)", "带宽（米）"}, {"Kernel", "核函数"},
        {"Weight by loss", "按损失加权"}, {"Automatic range", "自动范围"}, {"Maximum (per km²)", "上限（每平方千米）"},
        {"Opacity", "不透明度"}, {"Cases per km²", "每平方千米案件数"}, {"Loss (yuan) per km²", "每平方千米损失（元）"}, {"Basemap...", "底图…"},
        {"Offline basemap: a GeoTIFF, MBTiles or any raster GDAL opens", "离线底图：GeoTIFF、MBTiles或GDAL可读的任意栅格"},
        {"Posters, cards, banners", "海报、联系牌、横幅"}, {"Sites", "场所"}, {"Fraud cases", "警情"},
        {"Residents + transients", "常住+流动人口"},
        {"Incidents per 1,000 people", "每千人警情数"},
        {"Quantiles", "分位数"},
        {"Natural breaks (Jenks)", "自然断点（Jenks）"},
        {"Equal interval", "等间距"},
        {"Neighbourhood fill", "小区填色"},
        {"%d classes", "%d 级"},
        {"by fraud type", "按诈骗类型"},
        {"by outcome", "按处置结果"},
        {"Size by loss", "按损失大小"},
        {"Labels", "标注"},
        {"officer_areas", "民警责任区"},
        {"Legend", "图例"},
        {"no data", "无数据"},
        {"Size: loss (yuan)", "大小：损失（元）"},
        {"Poster", "宣传海报"},
        {"Police contact card", "警民联系牌"},
        {"Warning banner", "警示横幅"},
        {"One officer's neighbourhoods", "同一民警负责的小区"},
        {"No incidents", "无警情"},
        {"All time", "全部时间"},
        {"Pause", "暂停"},
        {"Play", "播放"},
        {"from", "从"},
        {"to", "至"},
        {"Victim age", "受害人年龄"},
        {"Source", "线索来源"},
        {"Id", "编号"},
        {"Officer", "责任民警"},
        {"Incidents in the window", "时段内警情"},
        {"Previous window", "上一时段"},
        {"Liaison", "反诈联络群"},
        {"Incident", "警情"},
        {"Time", "时间"},
        {"Fraud type", "诈骗类型"},
        {"Outcome", "处置结果"},
        {"Installed", "张贴时间"},
        {"Removed", "撤除时间"},
        {"Building", "楼栋"},
        {"Kind", "类别"},
        {"Phone", "电话"},
        {"Click a feature on the map", "点击地图上的要素"},
        {"Search names, addresses, ids", "搜索名称、地址、编号"},
        {"Nothing found", "未找到"},
        {"Workspace file (.gpkg)", "工作区文件（.gpkg）"},
        {"Open", "打开"},
        {"Cancel", "取消"},
        {"Import a GDAL source into the workspace (all or nothing)", "导入GDAL数据源到工作区（全部成功或不导入）"},
        {"file, /vsizip/archive.zip or PG:...", "文件、/vsizip/压缩包.zip 或 PG:..."},
        {"field mapping: ours=theirs ours=theirs ...", "字段映射：本系统=来源 ..."},
        {"lon,lat columns (CSV)", "经度,纬度列（CSV）"},
        {"Replace the layer", "替换图层"},
        {"Skip invalid features", "跳过无效要素"},
        {"Imported", "已导入"},
        {"skipped", "已跳过"},
        {"Import", "导入"},
        {"Close", "关闭"},
        {"Export the current map view as PNG", "导出当前地图为PNG"},
        {"Export", "导出"},
        {"Unsaved edits were found, but the workspace has changed since:", "发现未保存的编辑，但工作区此后已更改："},
        {"They are kept in that file and not applied.", "编辑保留在该文件中，不会应用。"},
        {"OK", "确定"},
        {"Unsaved edits from the last session", "上次未保存的编辑"},
        {"Recover", "恢复"},
        {"Discard", "放弃"},
        {"Save your edits before closing?", "关闭前保存编辑吗？"},
        {"Save", "保存"},
        {"File", "文件"},
        {"Open workspace...", "打开工作区…"},
        {"Saved", "已保存"},
        {"Reloaded: another program changed the workspace", "已重新载入：其他程序修改了工作区"},
        {"Import...", "导入…"},
        {"Export view as PNG...", "导出视图为PNG…"},
        {"Quit", "退出"},
        {"Edit", "编辑"},
        {"Undo", "撤销"},
        {"Redo", "重做"},
        {"View", "视图"},
        {"Fit the district", "缩放至辖区"},
        {"unsaved edits", "有未保存的编辑"},
        {"Placement", "布点"},
        {"Select", "选择"},
        {"Add poster", "添加海报"},
        {"Add contact card", "添加联系牌"},
        {"Add banner", "添加横幅"},
        {"Move", "移动"},
        {"Delete selected", "删除所选"},
        {"Inspector", "属性"},
        {"Filters", "筛选"},
        {"Summary", "概况"},
        {"Victim age band", "受害人年龄段"},
        {"under_25", "25岁以下"},
        {"25_44", "25–44岁"},
        {"45_59", "45–59岁"},
        {"60_plus", "60岁以上"},
        {"report", "报警"},
        {"bank_warning", "银行预警"},
        {"property_warning", "物业预警"},
        {"patrol", "巡逻发现"},
        {"police_station", "派出所"},
        {"bank", "银行"},
        {"property_office", "物业"},
        {"school", "学校"},
        {"enterprise", "企业"},
        {"village_committee", "村委会"},
        {"community_centre", "社区中心"},
        {"poster", "宣传海报"},
        {"contact_card", "警民联系牌"},
        {"banner", "警示横幅"},
        // The Dashboard tab (会商看板) and the filtered Summary.
        {"Dashboard", "会商看板"}, {"Week", "周次"}, {"Previous week", "上一周"}, {"Next week", "下一周"},
        {"Back to the time window", "回到时间轴所选周"}, {"Cases counted", "统计范围"}, {"all cases", "全部案件"},
        {"Period", "时段"}, {"this week", "本周"}, {"last 4 weeks", "近4周"}, {"year to date", "年初至今"},
        {"Before", "上期"}, {"Change %", "变化"}, {"Loss (¥)", "损失（元）"}, {"Warnings", "预警"},
        {"Dissuaded", "劝阻"}, {"Stopped", "止付"}, {"Protected (¥)", "挽回（元）"}, {"n/a", "无可比"},
        {"▲/▼: a rise or fall beyond chance (two-sided exact test of two Poisson counts, p < 0.05). "
         "Year to date: against the same weeks a year earlier.",
         "▲/▼：升降超出随机波动（两个泊松计数的双侧精确检验，p < 0.05）。本周比上周，近4周比此前4周，年初至今比上年同期各周。"},
        {"No early-warning layer in this workspace: the warning columns are empty.", "本工作区尚无预警图层，预警各列为空。"},
        {"No early-warning layer in this workspace", "本工作区尚无预警图层"},
        {"Cases per week, last 26 weeks", "近26周每周案件数"}, {"Expected", "预期"},
        {"Expected: too few weeks before", "预期：此前周数不足"}, {"above the expected band", "超出预期区间"},
        {"Spike", "异常高发"}, {"warnings", "预警"}, {"Warnings (right axis)", "预警（右轴）"}, {"Expected band (mean ± 2 sd of the 8 weeks before)", "预期区间（前8周均值±2倍标准差）"},
        {"Tables for", "下表统计"}, {"Highest rates per 1,000 people", "每千人发案率最高的小区"},
        {"Neighbourhood", "小区"}, {"Per 1,000", "每千人"}, {"Click to show it on the map", "点击在地图上定位"},
        {"Fraud type × victim age", "诈骗类型 × 受害人年龄"}, {"Total", "合计"}, {"No cases", "无案件"},
        {"Cases by source", "案件来源"}, {"Warnings by channel", "预警渠道"}, {"Channel", "渠道"},
        {"property", "物业"}, {"phone_call", "电话劝阻"}, {"sms_intercept", "信息拦截"}, {"door_visit", "上门劝阻"},
        {"app_alert", "APP预警"},
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
        {"under_25", "under 25"}, {"25_44", "25–44"}, {"45_59", "45–59"}, {"60_plus", "60 and over"},
        {"report", "report"}, {"bank_warning", "bank warning"}, {"property_warning", "property warning"},
        {"patrol", "patrol"}, {"police_station", "police station"}, {"bank", "bank"},
        {"property_office", "property office"}, {"school", "school"}, {"enterprise", "enterprise"},
        {"village_committee", "village committee"}, {"community_centre", "community centre"},
        {"poster", "poster"}, {"contact_card", "police contact card"}, {"banner", "warning banner"},
        {"property", "property manager"}, {"phone_call", "phone call"}, {"sms_intercept", "SMS interception"},
        {"door_visit", "door visit"}, {"app_alert", "app alert"},
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
