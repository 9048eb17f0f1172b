#include "app/gui/text_format.h"

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

}  // namespace gui
