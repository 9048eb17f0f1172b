// patrolmap import's mapping flags: one per line, "FLAG TEXT" with FLAG one of field, set,
// map-values, lonlat. Property: an accepted flag is in the options as written (the text up to
// the first separator is the name, the rest is the value).
#include <sstream>

#include "geo/io/import_args.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream lines(fuzz::text_of(data, size));
    std::string line;
    geo::ImportOptions options;
    while (std::getline(lines, line)) {
        const auto space = line.find(' ');
        if (space == std::string::npos) continue;
        const std::string flag = line.substr(0, space), text = line.substr(space + 1);
        if (flag == "field") {
            if (fuzz::accepts([&] { geo::add_field_mapping(options, text); })) {
                const auto eq = text.find('=');
                fuzz::require(options.field_map.at(text.substr(0, eq)) == text.substr(eq + 1), "--field as written");
            }
        } else if (flag == "set") {
            if (fuzz::accepts([&] { geo::add_constant(options, text); })) {
                const auto eq = text.find('=');
                fuzz::require(options.constants.at(text.substr(0, eq)) == text.substr(eq + 1), "--set as written");
            }
        } else if (flag == "map-values") {
            if (fuzz::accepts([&] { geo::add_value_map(options, text); })) {
                const auto colon = text.find(':');
                const std::string rule = text.substr(colon + 1);
                const auto eq = rule.find('=');
                fuzz::require(options.value_map.at(text.substr(0, colon)).at(rule.substr(0, eq)) == rule.substr(eq + 1),
                              "--map-values as written");
            }
        } else if (flag == "lonlat") {
            if (fuzz::accepts([&] { geo::set_lonlat_columns(options, text); }))
                fuzz::require(!options.lonlat_x.empty() && options.lonlat_x + "," + options.lonlat_y == text,
                              "--lonlat as written");
        }
    }
    return 0;
}
