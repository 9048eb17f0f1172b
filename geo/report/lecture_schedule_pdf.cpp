#include "geo/report/lecture_schedule_pdf.h"

#include <cstdlib>

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "geo/planning/talking_points.h"
#include "geo/report/review_page.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

using namespace review_page;

const char* venue_kind_zh(SiteKind k) {
    switch (k) {
        case SiteKind::school: return "学校";
        case SiteKind::enterprise: return "企业";
        case SiteKind::village_committee: return "村委会";
        case SiteKind::community_centre: return "社区中心";
        default: return "广场";
    }
}

// Who fills the room, in words: the largest of the audience's age groups.
std::string audience_zh(const LectureVenue& v) {
    static const char* groups[4] = {"青少年", "青年", "中年", "老年人"};
    std::size_t top = 0;
    for (std::size_t k = 1; k < 4; ++k)
        if (v.age_mix[k] > v.age_mix[top]) top = k;
    return fmt::format("约{}人，{}为主", v.audience, groups[top]);
}

}  // namespace

void write_lecture_schedule_pdf(const LecturePlan& plan, const District& district, const std::filesystem::path& out) {
    PendingFile pending(out);
    {
        std::unique_ptr<cairo_surface_t, CairoDeleter> surface(cairo_pdf_surface_create(pending.path().c_str(), kPageW, kPageH));
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw IoError("cannot write " + out.string());
        std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
        Page page(cr.get());
        const std::string first = plan.weeks.empty() ? "" : plan.weeks.front();
        const std::string last = plan.weeks.empty() ? "" : plan.weeks.back();
        page.heading(fmt::format("反诈讲师团宣讲安排  {} – {}", first, last), 16);
        page.note(fmt::format("{}    共 {} 场。场地按“近期案件 × 听众年龄”评分：受众越多、附近近期同龄人被骗越多越优先；"
                              "同一场地间隔不少于规定周数，久未宣讲的小区优先。",
                              district.metadata.name, plan.lectures.size()));
        const std::vector<double> xs = {kMargin, kMargin + 34, kMargin + 92, kMargin + 232, kMargin + 332, kMargin + 452,
                                        kPageW - kMargin + 4};
        const std::vector<bool> right = {false, false, false, false, false, true};
        static const char* weekday[8] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
        const std::string& zone = district.metadata.timezone;
        for (const auto& week : plan.weeks) {
            std::size_t count = 0;
            for (const auto& l : plan.lectures) count += l.week == week;
            page.need(60);
            page.y += 6;
            page.heading(week, 11);
            if (count == 0) {
                page.note("本周无可安排场地：各场地在间隔周数内均已宣讲。");
                continue;
            }
            page.row({"小组", "日期", "场地", "听众", "宣讲主题", "每千人风险"}, xs, right, true, 8);
            page.rule();
            for (const auto& l : plan.lectures) {
                if (l.week != week) continue;
                const LectureVenue& v = plan.venues[l.venue];
                std::vector<std::string> topics;
                for (FraudType t : l.why.topics) topics.push_back(fraud_type_zh(t));
                const int iso_day = std::atoi(format_local(l.day, zone, "%u").c_str());
                page.row({fmt::format("第{}组", l.team), format_local(l.day, zone, "%m-%d ") + weekday[iso_day >= 1 && iso_day <= 7 ? iso_day : 0],
                          fmt::format("{}（{}）", v.name, venue_kind_zh(v.kind)), audience_zh(v), fmt::format("{}", fmt::join(topics, "、")),
                          fmt::format("{:.2f}{}", l.why.per_1000, l.held ? " 已讲" : l.why.neglected ? " 久未宣讲" : "")},
                         xs, right, false, 7.5);
            }
            if (count < plan.slots_per_week)
                page.note(fmt::format("本周 {} 场（可排 {} 场）：其余场地在间隔周数内已宣讲。", count, plan.slots_per_week));
        }
        cairo_show_page(cr.get());
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw IoError("cannot write " + out.string());
    }
    pending.commit();
}

}  // namespace geo
