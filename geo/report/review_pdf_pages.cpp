#include "geo/report/review_pdf_pages.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "geo/report/page_map.h"

namespace geo::review_page {
namespace {

bool zh(ReportLanguage l) { return l == ReportLanguage::zh; }
const char* say(ReportLanguage l, const char* zh_text, const char* en_text) { return zh(l) ? zh_text : en_text; }

// Gi* bins 1..3 (90, 95, 99% hot): the hot-spot GeoJSON's and the app's reds.
Ink hot_colour(int bin) {
    switch (bin) {
        case 3: return {0.70, 0.09, 0.17};
        case 2: return {0.94, 0.40, 0.29};
        default: return {0.99, 0.73, 0.63};
    }
}

void fill_square(cairo_t* cr, const PageFrame& frame, const Envelope& e) {
    const auto [x0, y0] = frame.to_page({e.min_x, e.max_y});
    const auto [x1, y1] = frame.to_page({e.max_x, e.min_y});
    cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
}

void draw_legend_box(Page& page, double x, double y, const Ink& fill, bool outline, const std::string& label) {
    cairo_t* cr = page.cr();
    cairo_rectangle(cr, x, y + 1, 10, 8);
    cairo_set_source_rgb(cr, fill[0], fill[1], fill[2]);
    if (outline) {
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
    } else {
        cairo_fill(cr);
    }
    page.text().draw(label, x + 14, y, 7.5);
}

}  // namespace

void draw_warning_channels(Page& page, const WeeklyReview& r, ReportLanguage language) {
    page.heading(say(language, "预警渠道（本周）", "Early warnings by channel (this week)"), 11);
    const std::vector<double> xs = {kMargin, kMargin + 100, kMargin + 160, kMargin + 220, kMargin + 280, kMargin + 340};
    const std::vector<bool> right = {false, true, true, true, true, true};
    page.row({"", say(language, "预警", "Warnings"), say(language, "劝阻", "Dissuaded"), say(language, "止付", "Stopped"),
              say(language, "被骗", "Lost"), say(language, "挽回（元）", "Kept (¥)")},
             xs, right, true);
    page.rule();
    for (std::size_t c = 0; c < r.channels.size(); ++c) {
        const WarningTotals& t = r.channels[c];
        if (t.warnings == 0) continue;
        page.row({name_in(EnumNames<WarningChannel>::names[c], language), std::to_string(t.warnings), std::to_string(t.dissuaded),
                  std::to_string(t.payment_stopped), std::to_string(t.lost), money(t.protected_yuan)},
                 xs, right);
    }
    page.rule();
    const WarningTotals all = r.headline.empty() ? WarningTotals{} : r.headline[0].warned_now;  // the week's, every channel
    page.row({say(language, "合计", "Total"), std::to_string(all.warnings), std::to_string(all.dissuaded),
              std::to_string(all.payment_stopped), std::to_string(all.lost), money(all.protected_yuan)},
             xs, right, true);
}

void draw_map_page(Page& page, const ReviewReport& report, const District& district, ReportLanguage language) {
    const WeeklyReview& r = report.review;
    const ReviewMap& m = r.map;
    page.y = kMargin;
    page.heading(fmt::format("{}  {}", say(language, "本周案件与热点", "This week's cases over the hot spots"), r.week_label), 13);
    page.note(fmt::format(fmt::runtime(say(language,
                                           "热点：近{}周（{} 起案件）的 Getis-Ord Gi* 热点（100 米格网，300 米邻域）；"
                                           "新出现或加剧的热点（200 米格网，逐周 Gi* 与 Mann-Kendall 趋势）加框。黑点：本周 {} 起案件。",
                                           "Hot spots: Getis-Ord Gi* over the last {} weeks ({} cases; 100 m cells, 300 m band); "
                                           "new or intensifying hot spots (200 m cells, weekly Gi* and Mann-Kendall trend) framed. "
                                           "Black dots: this week's {} cases.")),
                          (r.map.quarter.to - r.map.quarter.from) / std::chrono::hours(24 * 7), m.quarter_cases, m.week_cases.size()));
    if (m.extent.empty()) {
        page.note(say(language, "工作区没有小区或案件，无法绘图。", "The workspace has no neighbourhoods or cases to map."));
        return;
    }
    const Envelope shown = m.extent.grown(150);
    const double x0 = kMargin, w = kPageW - 2 * kMargin, top = page.y + 4;
    const double h = std::min(kPageH - kMargin - 60 - top, w * shown.height() / std::max(shown.width(), 1.0));
    const PageFrame frame(shown, x0, top, w, h);
    cairo_t* cr = page.cr();
    begin_page_map(cr, x0, top, w, h);
    draw_streets(cr, district, frame);
    // Hot cells over the streets, translucent so that the streets still read.
    for (int bin = 1; bin <= 3; ++bin) {
        for (const auto& c : m.hot)
            if (c.bin == bin) fill_square(cr, frame, c.square);
        const Ink ink = hot_colour(bin);
        cairo_set_source_rgba(cr, ink[0], ink[1], ink[2], 0.75);
        cairo_fill(cr);
    }
    // Neighbourhood boundaries.
    for (const auto& n : district.neighbourhoods)
        for (const auto& poly : n.area) {
            for (std::size_t i = 0; i < poly.outer.size(); ++i) {
                const auto [x, y] = frame.to_page(poly.outer[i]);
                i ? cairo_line_to(cr, x, y) : cairo_move_to(cr, x, y);
            }
            cairo_close_path(cr);
        }
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.45);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    for (const auto& c : m.emerging) fill_square(cr, frame, c.square);
    cairo_set_source_rgb(cr, 0.45, 0.0, 0.55);
    cairo_set_line_width(cr, 1.4);
    cairo_stroke(cr);
    // Neighbourhood names at their centres on a pale label, under the cases.
    for (const auto& n : district.neighbourhoods) {
        if (n.area.empty()) continue;
        const auto [x, y] = frame.to_page(centroid(n.area));
        const std::string name = n.name.empty() ? n.id : n.name;
        const double th = page.text().measure(name, 6.5), tw = page.text().last_width();
        cairo_rectangle(cr, x - tw / 2 - 1.5, y - 4, tw + 3, th);
        cairo_set_source_rgba(cr, 1, 1, 1, 0.7);
        cairo_fill(cr);
        page.text().draw(name, x - tw / 2, y - 4, 6.5, 0, false, 0.2, 0.2, 0.3);
    }
    for (const auto& p : m.week_cases) {
        const auto [x, y] = frame.to_page(p);
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, 1.8, 0, 2 * M_PI);
    }
    cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    cairo_restore(cr);
    // Legend.
    double ly = top + h + 8;
    double lx = kMargin;
    const char* bins[3] = {say(language, "热点 90%", "Hot 90%"), say(language, "热点 95%", "Hot 95%"), say(language, "热点 99%", "Hot 99%")};
    for (int bin = 1; bin <= 3; ++bin, lx += 80) draw_legend_box(page, lx, ly, hot_colour(bin), false, bins[bin - 1]);
    draw_legend_box(page, lx, ly, {0.45, 0.0, 0.55}, true, say(language, "新出现/加剧热点", "New / intensifying"));
    lx += 110;
    cairo_arc(cr, lx + 5, ly + 5, 2, 0, 2 * M_PI);
    cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
    cairo_fill(cr);
    page.text().draw(say(language, "本周案件", "This week's cases"), lx + 14, ly, 7.5);
    page.y = ly + 16;
    page.note(fmt::format(fmt::runtime(say(language, "热点格 {} 个，新出现或加剧热点格 {} 个。", "{} hot cells, {} new or intensifying.")),
                          m.hot.size(), m.emerging.size()));
}

void draw_actions_page(Page& page, const ReviewReport& report, ReportLanguage language) {
    const WeeklyReview& r = report.review;
    const ReviewActions& a = r.actions;
    page.heading(fmt::format("{}  {}", say(language, "下周工作建议", "Actions for next week"), r.week_label), 13);

    page.heading(say(language, "一、在本周案发点附近悬挂警示横幅", "1. Warning banners near this week's cases"), 11);
    if (a.banners.empty()) {
        page.note(a.week_cases == 0 ? say(language, "本周无案件，无需新增横幅。", "No cases this week: no new banners.")
                                    : say(language, "本周案件均已在悬挂横幅范围内。", "Every case of the week is within reach of a banner already hanging."));
    } else {
        const std::vector<double> xs = {kMargin, kMargin + 24, kMargin + 250, kMargin + 380};
        const std::vector<bool> right = {false, false, false, true};
        page.row({"", say(language, "位置", "Where"), say(language, "小区", "Neighbourhood"), say(language, "覆盖本周案件", "Cases in reach")},
                 xs, right, true);
        page.rule();
        for (std::size_t k = 0; k < a.banners.size(); ++k) {
            const BannerAction& b = a.banners[k];
            page.row({std::to_string(k + 1), b.place.empty() ? fmt::format("({:.0f}, {:.0f})", b.at.x, b.at.y) : b.place,
                      b.neighbourhood, std::to_string(b.cases_in_reach)},
                     xs, right);
        }
        page.note(fmt::format(fmt::runtime(say(language, "本周 {} 起案件中，{} 起已在悬挂横幅 {:.0f} 米内；建议新增 {} 幅，覆盖本周案件 {} 起。",
                                               "Of this week's {} cases, {} are within {:.0f} m of a banner already hanging; "
                                               "these {} new banners reach {} of the week's cases.")),
                              a.week_cases, a.week_cases_covered_before, a.banner_radius_m, a.banners.size(), a.week_cases_in_reach));
    }

    page.need(80);
    page.heading(say(language, "二、优先走访楼栋", "2. Buildings to visit first"), 11);
    {
        // One more edge than columns: the reasons, the longest text, run to the right margin.
        const std::vector<double> xs = {kMargin, kMargin + 150, kMargin + 195, kMargin + 240, kPageW - kMargin + 4};
        const std::vector<bool> right = {false, false, true, false};
        page.row({say(language, "楼栋", "Building"), say(language, "民警", "Officer"), say(language, "优先度", "Priority"),
                  say(language, "原因", "Why")},
                 xs, right, true);
        page.rule();
        for (const auto& v : a.visits)
            page.row({v.address.empty() ? v.building_id : v.address + "（" + v.building_id + "）", v.officer,
                      fmt::format("{:.1f}", v.priority), fmt::format("{}", fmt::join(v.reasons, "；"))},
                     xs, right, false, 7.5);
        if (a.visits.empty()) page.note(say(language, "没有需要走访的楼栋。", "No building to visit."));
    }
    page.y += 4;

    page.need(80);
    page.heading(say(language, "三、反诈讲师团宣讲小区（近4周发案率最高）", "3. Neighbourhoods for the lecture team (highest rate, last 4 weeks)"), 11);
    {
        const std::vector<double> xs = {kMargin,       kMargin + 90,  kMargin + 150, kMargin + 190,
                                        kMargin + 240, kMargin + 370, kPageW - kMargin + 4};
        const std::vector<bool> right = {false, false, true, true, false, false};
        page.row({say(language, "小区", "Neighbourhood"), say(language, "民警", "Officer"), say(language, "案件", "Cases"),
                  say(language, "每千人", "Per 1,000"), say(language, "主要类型", "Main types"), say(language, "主要年龄段", "Main ages")},
                 xs, right, true);
        page.rule();
        for (const auto& l : a.lectures) {
            std::vector<std::string> types, ages;
            for (FraudType t : l.top_types) types.push_back(name_in(name_of(t), language));
            for (AgeBand b : l.top_ages) ages.push_back(name_in(name_of(b), language));
            page.row({l.neighbourhood, l.officer, std::to_string(l.cases), l.per_1000 ? fmt::format("{:.2f}", *l.per_1000) : "—",
                      fmt::format("{}", fmt::join(types, "、")), fmt::format("{}", fmt::join(ages, "、"))},
                     xs, right);
        }
        page.note(say(language, "宣讲内容按听众：老年人讲投资理财、保健品诈骗，年轻人讲网络购物、刷单返利诈骗。",
                      "Tailor the talk: investment and health-product scams for the elderly, online shopping and order brushing "
                      "for the young."));
    }
    page.y += 4;

    page.need(120);
    page.heading(say(language, "四、本周民警走访与宣传", "4. Officers' visits and publicity this week"), 11);
    {
        const std::vector<double> xs = {kMargin, kMargin + 90, kMargin + 150, kMargin + 210};
        const std::vector<bool> right = {false, true, true, true};
        page.row({say(language, "民警", "Officer"), say(language, "计划", "Planned"), say(language, "完成", "Done"),
                  say(language, "计划外", "Off plan")},
                 xs, right, true);
        page.rule();
        bool any = false;
        for (const auto& v : r.visits) {
            if (!v.issued && v.off_plan == 0) continue;
            any = true;
            page.row({v.officer_name.empty() ? v.officer_id : v.officer_name, std::to_string(v.planned), std::to_string(v.done),
                      std::to_string(v.off_plan)},
                     xs, right);
        }
        if (!any) page.note(say(language, "本周没有下发的走访计划或走访记录。", "No visit plan issued and no visit recorded this week."));
        page.note(fmt::format(fmt::runtime(say(language, "本周新张贴：海报 {} 张、警民联系牌 {} 张、横幅 {} 幅。",
                                               "Put up this week: {} posters, {} contact cards, {} banners.")),
                              r.put_up[0], r.put_up[1], r.put_up[2]));
        page.note(fmt::format(fmt::runtime(say(language, "本周反诈宣讲 {} 场，听众 {} 人，发放资料 {} 份。",
                                               "Lectures held this week: {}, {} people, {} leaflets.")),
                              r.lectures_held, r.lecture_attendance, r.leaflets));
    }
}

}  // namespace geo::review_page
