#include "geo/report/review_page.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace geo::review_page {
namespace {

const std::map<std::string, std::string, std::less<>> kZhNames = {
    {"investment", "投资理财"},     {"health_product", "保健品"},   {"online_shopping", "网络购物"},
    {"order_brushing", "刷单返利"}, {"impersonation_police", "冒充公检法"}, {"loan", "网络贷款"},
    {"romance", "网络交友"},        {"other", "其他"},             {"under_25", "25岁以下"},
    {"25_44", "25–44岁"},           {"45_59", "45–59岁"},          {"60_plus", "60岁以上"},
    {"unknown", "未知"},            {"report", "报案"},            {"bank_warning", "银行预警"},
    {"property_warning", "物业预警"}, {"patrol", "巡查"},          {"bank", "银行"},
    {"property", "物业"},           {"phone_call", "话务劝阻"},    {"sms_intercept", "信息拦截"},
    {"door_visit", "上门劝阻"},     {"app_alert", "APP预警"}};

}  // namespace

void Page::heading(const std::string& s, double size) { y += text_.draw(s, kMargin, y, size, kPageW - 2 * kMargin, true) + 4; }

void Page::note(const std::string& s) { y += text_.draw(s, kMargin, y, 7.5, kPageW - 2 * kMargin, false, 0.35, 0.35, 0.35) + 6; }

void Page::row(const std::vector<std::string>& cells, const std::vector<double>& xs, const std::vector<bool>& right, bool bold,
               double size, std::vector<Ink> colours) {
    need(size * 2.5);  // a row never runs off the page
    double h = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const double w = (i + 1 < xs.size() ? xs[i + 1] : xs[i] + 56) - xs[i] - 4;
        const double tw = (text_.measure(cells[i], size, 0, bold), text_.last_width());
        const double x = right[i] ? xs[i] + w - tw : xs[i];
        const Ink c = i < colours.size() ? colours[i] : kInk;
        h = std::max(h, text_.draw(cells[i], x, y, size, right[i] ? 0 : w, bold, c[0], c[1], c[2]));
    }
    y += h + 2;
}

void Page::rule() {
    cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kMargin, y);
    cairo_line_to(cr_, kPageW - kMargin, y);
    cairo_stroke(cr_);
    y += 3;
}

void Page::need(double needed) {
    if (y + needed <= kPageH - kMargin) return;
    cairo_show_page(cr_);
    y = kMargin;
}

std::string name_in(std::string_view stored, ReportLanguage lang) {
    if (lang == ReportLanguage::zh)
        if (const auto it = kZhNames.find(stored); it != kZhNames.end()) return it->second;
    return std::string(stored);
}

std::string money(double yuan) {
    std::string digits = fmt::format("{:.0f}", yuan);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace geo::review_page
