#include "app/gui/text_format.h"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "app/gui/i18n.h"

namespace gui {
namespace {

template <class E> void describe(std::string& out, const char* title, const std::set<E>& chosen) {
    if (chosen.empty()) return;
    const bool zh = current_language() == Language::zh;
    if (!out.empty()) out += zh ? "；" : "; ";
    out += std::string(tr(title)) + (zh ? "：" : ": ");
    bool first = true;
    for (E value : chosen) {
        if (!first) out += zh ? "、" : ", ";
        out += tr_value(geo::name_of(value));
        first = false;
    }
}

}  // namespace

std::string grouped(double value) {
    std::string digits = fmt::format("{:.0f}", value);
    std::string out;
    const bool negative = !digits.empty() && digits[0] == '-';
    if (negative) digits.erase(0, 1);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string filter_description(const geo::IncidentFilter& filter) {
    std::string out;
    describe(out, "Fraud types", filter.fraud_types);
    describe(out, "Outcomes", filter.outcomes);
    describe(out, "Victim age", filter.age_bands);
    describe(out, "Source", filter.sources);
    return out.empty() ? tr("all cases") : out;
}

std::string left_out_text(const geo::LeftOutReason& r) {
    return fmt::format(fmt::runtime(tr(geo::left_out_wording(r))), r.value(0), r.value(1));
}

std::string weekday_of(const std::string& date) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(date.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return {};
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return {};
    static const char* const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return tr(names[std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding() - 1]);
}

}  // namespace gui
