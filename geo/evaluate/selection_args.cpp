#include "geo/evaluate/selection_args.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {

Timestamp parse_time_flag(const std::string& text, const std::string& zone, const std::string& flag) {
    if (const auto t = parse_iso8601(text, zone)) return *t;
    throw BadInput(flag + " '" + text + "' is not an ISO 8601 date or time (e.g. 2021-06-01)");
}

Selection parse_selection(const SelectionArgs& args, const std::string& zone) {
    Selection s;
    if (!args.from.empty() || !args.to.empty()) {
        TimeWindow w{Timestamp::min(), Timestamp::max()};
        if (!args.from.empty()) w.from = parse_time_flag(args.from, zone, "--from");
        if (!args.to.empty()) {
            w.to = parse_time_flag(args.to, zone, "--to");
            // A date alone (YYYY-MM-DD) means through the end of that day, local time.
            if (args.to.size() == 10) w.to += std::chrono::days{1};
        }
        if (!(w.from < w.to)) throw BadInput("--from " + args.from + " is not before --to " + args.to);
        s.filter.window = w;
    }
    for (const auto& name : args.types) {
        const auto type = parse_enum<FraudType>(name);
        if (!type) throw BadInput("--type '" + name + "' is not one of " + allowed_names<FraudType>());
        s.filter.fraud_types.insert(*type);
    }
    for (const auto& text : args.where) s.where.push_back(parse_field_condition(text));
    return s;
}

std::vector<std::uint32_t> select_incidents(const District& district, const Selection& selection) {
    require_known_fields(district, selection.where);
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < district.incidents.size(); ++i)
        if (selection.filter.matches(district.incidents[i]) && matches_all(district.incidents[i], selection.where))
            out.push_back(static_cast<std::uint32_t>(i));
    return out;
}

std::chrono::seconds parse_duration(const std::string& text, const std::string& flag) {
    long long amount = 0;
    const char* end = text.data() + text.size();
    const auto [rest, ec] = std::from_chars(text.data(), end, amount);
    const std::string unit(rest, end);
    const long long per_unit = unit == "d" ? 86400 : unit == "w" ? 7 * 86400 : unit == "h" ? 3600 : 0;
    if (ec != std::errc{} || amount <= 0 || per_unit == 0 || amount > 100000)
        throw BadInput(flag + " '" + text + "' must be a positive whole number of days, weeks or hours: 30d, 4w, 12h");
    return std::chrono::seconds{amount * per_unit};
}

Envelope parse_extent(const std::string& text) {
    Envelope e;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &e.min_x, &e.min_y, &e.max_x, &e.max_y, &tail) != 4 ||
        !std::isfinite(e.min_x) || !std::isfinite(e.min_y) || !std::isfinite(e.max_x) || !std::isfinite(e.max_y) ||
        e.min_x > e.max_x || e.min_y > e.max_y)
        throw BadInput("--extent '" + text + "' must be minx,miny,maxx,maxy in the workspace CRS (metres), min <= max");
    return e;
}

}  // namespace geo
