#include "geo/report/review_pdf.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "geo/report/pdf_text.h"
#include "geo/report/review_page.h"
#include "geo/report/review_pdf_pages.h"
#include "geo/util/time_parse.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace geo {
namespace {

using namespace review_page;

// The words of the page in each language; vocabulary values keep their stored names in English.
struct Words {
    const char* title;
    const char* rows[3];
    const char* columns[11];
    const char* footnote;
    const char* chart;
    const char* chart_note;
    const char* by_rate;
    const char* rate_columns[4];
    const char* by_type;
    const char* by_source;
    const char* repeats;
    const char* repeats_none;
    const char* knox;
    const char* knox_note;
    const char* rise;
    const char* fall;
    const char* na;
};

const Words kZh = {"反诈周会商",
                   {"本周", "近4周", "今年累计"},
                   {"", "案件", "对比期", "变化", "p值", "", "损失（元）", "预警", "劝阻", "止付", "挽回（元）"},
                   "▲/▼：变化超出随机波动（两个泊松计数的条件检验，二项精确检验，双侧，p < 0.05）；"
                   "“—”：对比期早于数据起点。预警、劝阻、止付、挽回：预警图层（银行、物业、话务、信息拦截、上门劝阻等）。",
                   "近26周案件数",
                   "灰带：前8周均值 ± 2 倍标准差；红点：超出灰带的周。",
                   "小区发案率（每千人）",
                   {"小区", "责任民警", "案件", "每千人"},
                   "诈骗类型 × 受害人年龄段",
                   "案件来源",
                   "重复受害地点（本周案件所在楼栋一年内曾发案）",
                   "本周无重复受害地点。",
                   "近重复效应（近一年案件，Knox 检验）：观测/期望",
                   "* p < 0.05（时间随机置换 {} 次）。比值大于 1：案发后该距离、该时间内再次发案多于随机。",
                   "▲ 上升",
                   "▼ 下降",
                   "—"};
const Words kEn = {"Weekly fraud review",
                   {"This week", "Last 4 weeks", "Year to date"},
                   {"", "Cases", "Before", "Change", "p", "", "Loss (¥)", "Warnings", "Dissuaded", "Stopped", "Kept (¥)"},
                   "▲/▼: a change beyond chance (conditional test of two Poisson counts, exact binomial, two-sided, "
                   "p < 0.05); \"—\": the comparison period precedes the data. Warnings, dissuaded, stopped and kept: the "
                   "warnings layer (banks, property managers, calls, SMS interception, door visits ...).",
                   "Cases, last 26 weeks",
                   "Grey band: mean ± 2 sd of the 8 weeks before; red: weeks above the band.",
                   "Neighbourhoods by rate (per 1,000 people)",
                   {"Neighbourhood", "Officer", "Cases", "Per 1,000"},
                   "Fraud type × victim age band",
                   "Source",
                   "Repeat places (this week's cases at a building hit in the year before)",
                   "No repeat places this week.",
                   "Near repeats (the year's cases, Knox test): observed / expected",
                   "* p < 0.05 ({} time shuffles). A ratio above 1: more cases this close, this soon after one "
                   "another than chance.",
                   "▲ rise",
                   "▼ fall",
                   "—"};

std::string pct_change(std::int64_t now, std::int64_t before) {
    if (before == 0) return now == 0 ? "0%" : "—";
    return fmt::format("{:+.1f}%", 100.0 * (static_cast<double>(now) - static_cast<double>(before)) / static_cast<double>(before));
}

void draw_chart(Page& page, const std::vector<WeekPoint>& series, const Words& w) {
    page.heading(w.chart, 11);
    cairo_t* cr = page.cr();
    const double x0 = kMargin + 24, x1 = kPageW - kMargin, top = page.y, h = 150, bottom = top + h;
    double max_v = 1;
    for (const auto& p : series) max_v = std::max({max_v, static_cast<double>(p.cases), p.high.value_or(0)});
    max_v = std::ceil(max_v / 10) * 10;
    const double step = (x1 - x0) / std::max<std::size_t>(1, series.size());
    auto xat = [&](std::size_t k) { return x0 + step * (static_cast<double>(k) + 0.5); };
    auto yat = [&](double v) { return bottom - h * v / max_v; };
    // The expected band.
    cairo_set_source_rgba(cr, 0.6, 0.6, 0.6, 0.35);
    bool open = false;
    std::vector<std::size_t> banded;
    for (std::size_t k = 0; k < series.size(); ++k)
        if (series[k].high) banded.push_back(k);
    if (!banded.empty()) {
        for (std::size_t k : banded) {
            if (!open) cairo_move_to(cr, xat(k), yat(*series[k].high)), open = true;
            else cairo_line_to(cr, xat(k), yat(*series[k].high));
        }
        for (auto it = banded.rbegin(); it != banded.rend(); ++it) cairo_line_to(cr, xat(*it), yat(*series[*it].low));
        cairo_close_path(cr);
        cairo_fill(cr);
    }
    // Axes and grid.
    cairo_set_line_width(cr, 0.4);
    for (int g = 0; g <= 4; ++g) {
        const double v = max_v * g / 4;
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_move_to(cr, x0, yat(v));
        cairo_line_to(cr, x1, yat(v));
        cairo_stroke(cr);
        page.text().draw(fmt::format("{:g}", v), kMargin, yat(v) - 5, 7, 0, false, 0.4, 0.4, 0.4);
    }
    // The counts.
    cairo_set_source_rgb(cr, 0.12, 0.35, 0.65);
    cairo_set_line_width(cr, 1.4);
    for (std::size_t k = 0; k < series.size(); ++k) {
        if (k == 0) cairo_move_to(cr, xat(k), yat(static_cast<double>(series[k].cases)));
        else cairo_line_to(cr, xat(k), yat(static_cast<double>(series[k].cases)));
    }
    cairo_stroke(cr);
    for (std::size_t k = 0; k < series.size(); ++k) {
        if (series[k].spike) cairo_set_source_rgb(cr, 0.8, 0.1, 0.1);
        else cairo_set_source_rgb(cr, 0.12, 0.35, 0.65);
        cairo_arc(cr, xat(k), yat(static_cast<double>(series[k].cases)), series[k].spike ? 3.2 : 1.8, 0, 2 * M_PI);
        cairo_fill(cr);
        if (k % 4 == series.size() % 4 || k + 1 == series.size())
            page.text().draw(series[k].label.substr(5), xat(k) - 10, bottom + 3, 6.5, 0, false, 0.4, 0.4, 0.4);
    }
    page.y = bottom + 14;
    page.note(w.chart_note);
}

}  // namespace

void write_review_pdf(const ReviewReport& report, const District& district, ReportLanguage language,
                      const std::filesystem::path& out) {
    const WeeklyReview& r = report.review;
    const Words& w = language == ReportLanguage::zh ? kZh : kEn;
    PendingFile pending(out);
    {
        std::unique_ptr<cairo_surface_t, CairoDeleter> surface(cairo_pdf_surface_create(pending.path().c_str(), kPageW, kPageH));
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw IoError("cannot write " + out.string());
        std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
        Page page(cr.get());

        page.heading(fmt::format("{}  {}", w.title, r.week_label), 16);
        page.note(fmt::format("{}    {}", report.district_name, report.period));
        // Headline.
        const std::vector<double> xs = {kMargin,       kMargin + 56,  kMargin + 92,  kMargin + 130, kMargin + 172, kMargin + 206,
                                        kMargin + 248, kMargin + 310, kMargin + 350, kMargin + 392, kMargin + 428};
        const std::vector<bool> right = {false, true, true, true, true, false, true, true, true, true, true};
        page.row(std::vector<std::string>(std::begin(w.columns), std::end(w.columns)), xs, right, true, 8);
        page.rule();
        for (std::size_t k = 0; k < r.headline.size() && k < 3; ++k) {
            const HeadlineRow& h = r.headline[k];
            const std::string mark = !h.available ? "" : h.cases.significant_rise ? w.rise : h.cases.significant_fall ? w.fall : "";
            const Ink mark_colour = h.cases.significant_rise ? Ink{0.75, 0.1, 0.1} : Ink{0.1, 0.45, 0.2};
            page.row({w.rows[k], std::to_string(h.now.cases), h.available ? std::to_string(h.before.cases) : w.na,
                      h.available ? pct_change(h.now.cases, h.before.cases) : w.na,
                      h.available ? fmt::format("{:.3f}", h.cases.p_value) : w.na, mark, money(h.now.loss_yuan),
                      std::to_string(h.warned_now.warnings), std::to_string(h.warned_now.dissuaded),
                      std::to_string(h.warned_now.payment_stopped), money(h.warned_now.protected_yuan)},
                     xs, right, false, 8, {kInk, kInk, kInk, kInk, kInk, mark_colour});
        }
        page.rule();
        page.note(w.footnote);
        page.y += 4;
        draw_chart(page, r.series, w);

        // Neighbourhoods by rate: the ten highest.
        page.heading(w.by_rate, 11);
        const std::vector<double> nx = {kMargin, kMargin + 150, kMargin + 260, kMargin + 320};
        const std::vector<bool> nr = {false, false, true, true};
        page.row({w.rate_columns[0], w.rate_columns[1], w.rate_columns[2], w.rate_columns[3]}, nx, nr, true);
        page.rule();
        for (std::size_t k = 0; k < std::min<std::size_t>(10, r.neighbourhoods.size()); ++k) {
            const NeighbourhoodRow& n = r.neighbourhoods[k];
            page.row({n.name.empty() ? n.id : n.name, n.officer, std::to_string(n.cases),
                      n.per_1000 ? fmt::format("{:.2f}", *n.per_1000) : w.na},
                     nx, nr);
        }
        cairo_show_page(cr.get());

        // Page 2: the tables.
        page.y = kMargin;
        page.heading(w.by_type, 11);
        std::vector<double> tx = {kMargin};
        for (std::size_t b = 0; b <= EnumNames<AgeBand>::names.size(); ++b) tx.push_back(kMargin + 100 + 62 * static_cast<double>(b));
        std::vector<bool> tr(tx.size(), true);
        tr[0] = false;
        std::vector<std::string> head = {""};
        for (const auto& b : EnumNames<AgeBand>::names) head.push_back(name_in(b, language));
        head.push_back(language == ReportLanguage::zh ? "合计" : "Total");
        page.row(head, tx, tr, true);
        page.rule();
        for (std::size_t t = 0; t < r.type_age.cases.size(); ++t) {
            std::vector<std::string> cells = {name_in(EnumNames<FraudType>::names[t], language)};
            std::int64_t sum = 0;
            for (const std::int64_t v : r.type_age.cases[t]) cells.push_back(std::to_string(v)), sum += v;
            cells.push_back(std::to_string(sum));
            page.row(cells, tx, tr);
        }
        page.y += 6;
        page.heading(w.by_source, 11);
        for (std::size_t s = 0; s < r.sources.size(); ++s)
            page.row({name_in(EnumNames<IncidentSource>::names[s], language), std::to_string(r.sources[s])}, {kMargin, kMargin + 100},
                     {false, true});
        page.y += 6;
        draw_warning_channels(page, r, language);
        page.y += 6;
        page.heading(w.repeats, 11);
        if (r.repeats.empty()) page.note(w.repeats_none);
        for (std::size_t k = 0; k < std::min<std::size_t>(8, r.repeats.size()); ++k)
            page.row({r.repeats[k].building_id.empty() ? "—" : r.repeats[k].building_id, std::to_string(r.repeats[k].earlier),
                      fmt::format("{}", fmt::join(r.repeats[k].cases, ", "))},
                     {kMargin, kMargin + 80, kMargin + 120, kPageW - kMargin + 4}, {false, true, false});
        page.y += 6;
        page.heading(w.knox, 11);
        std::vector<double> kx = {kMargin};
        for (std::size_t c = 0; c < r.knox.time_bands_days.size(); ++c) kx.push_back(kMargin + 80 + 70 * static_cast<double>(c));
        std::vector<bool> kr(kx.size(), true);
        kr[0] = false;
        std::vector<std::string> khead = {""};
        for (double t : r.knox.time_bands_days) khead.push_back(fmt::format(fmt::runtime(language == ReportLanguage::zh ? "≤{:g}天" : "≤{:g} d"), t));
        page.row(khead, kx, kr, true);
        page.rule();
        for (std::size_t d = 0; d < r.knox.distance_bands_m.size() && d < r.knox.cells.size(); ++d) {
            std::vector<std::string> cells = {fmt::format(fmt::runtime(language == ReportLanguage::zh ? "≤{:g}米" : "≤{:g} m"), r.knox.distance_bands_m[d])};
            for (std::size_t c = 0; c < r.knox.time_bands_days.size(); ++c) {
                const KnoxCell& cell = r.knox.cells[d][c];
                cells.push_back(fmt::format("{:.2f}{}", cell.ratio, cell.p_value < 0.05 ? "*" : ""));
            }
            page.row(cells, kx, kr);
        }
        page.note(fmt::format(fmt::runtime(w.knox_note), r.knox.permutations));
        if (r.knox_year_cases > r.knox.cases)
            page.note(fmt::format(fmt::runtime(language == ReportLanguage::zh ? "（近一年 {} 起案件中最近的 {} 起，自 {}。）"
                                                                              : "(the latest {1} of the year's {0} cases, from {2}.)"),
                                  r.knox_year_cases, r.knox.cases, format_local(r.knox_window.from, district.metadata.timezone, "%Y-%m-%d")));
        cairo_show_page(cr.get());
        draw_map_page(page, report, district, language);
        cairo_show_page(cr.get());
        page.y = kMargin;
        draw_actions_page(page, report, language);
        cairo_show_page(cr.get());
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw IoError("cannot write " + out.string());
    }
    pending.commit();
}

}  // namespace geo
