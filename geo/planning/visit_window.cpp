#include "geo/planning/visit_window.h"

#include <fmt/format.h>

namespace geo::planning {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<int> parse_clock_min(std::string_view text) {
    text = trim(text);
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3) return std::nullopt;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (i != colon && !digit(text[i])) return std::nullopt;
    const int hours = colon == 1 ? text[0] - '0' : (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[colon + 1] - '0') * 10 + (text[colon + 2] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return hours * 60 + minutes;
}

std::optional<ClockWindow> parse_clock_window(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto begin = parse_clock_min(text.substr(0, dash));
    const auto end = parse_clock_min(text.substr(dash + 1));
    if (!begin || !end) return std::nullopt;
    return ClockWindow{*begin, *end};
}

std::string format_clock_window(const ClockWindow& window) {
    return fmt::format("{:02d}:{:02d}-{:02d}:{:02d}", window.begin_min / 60, window.begin_min % 60, window.end_min / 60,
                       window.end_min % 60);
}

}  // namespace geo::planning
