#include "geo/io/import_args.h"

#include <utility>

#include "geo/util/error.h"

namespace geo {
namespace {

// "A<sep>B" with A not empty; B may be empty (--set note= clears a field, --map-values x:a= maps
// to nothing, which the validator then reports for a required field).
std::pair<std::string, std::string> split_once(const std::string& text, char sep, const char* flag) {
    const auto pos = text.find(sep);
    if (pos == std::string::npos || pos == 0)
        throw BadInput(std::string(flag) + " '" + text + "' must look like A" + sep + "B");
    return {text.substr(0, pos), text.substr(pos + 1)};
}

}  // namespace

void add_field_mapping(ImportOptions& options, const std::string& text) {
    auto [ours, theirs] = split_once(text, '=', "--field");
    options.field_map[ours] = theirs;
}

void add_constant(ImportOptions& options, const std::string& text) {
    auto [ours, value] = split_once(text, '=', "--set");
    options.constants[ours] = value;
}

void add_value_map(ImportOptions& options, const std::string& text) {
    auto [field, rule] = split_once(text, ':', "--map-values");
    auto [from, to] = split_once(rule, '=', "--map-values");
    options.value_map[field][from] = to;
}

void set_lonlat_columns(ImportOptions& options, const std::string& text) {
    auto [x, y] = split_once(text, ',', "--lonlat");
    options.lonlat_x = x;
    options.lonlat_y = y;
}

}  // namespace geo
