// Times as imports read them: ISO 8601 and --time-format (date::parse through our wrapper).
// Input: "FORMAT\nTEXT" (without a newline, TEXT alone, read as ISO 8601 only).
// Properties: an accepted ISO 8601 time prints back (format_iso8601_utc) to a text that parses
// to the same instant; the same for the formatted local time read with that format.
#include "geo/util/time_parse.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input = fuzz::text_of(data, size);
    const auto parts = fuzz::first_line(input);
    const std::string& format = parts.first;  // named, not bound: clang 14 lambdas cannot capture bindings
    const std::string& text = parts.second;
    const std::string zone = "Asia/Shanghai";

    fuzz::accepts([&] {
        if (auto t = geo::parse_iso8601(text, zone)) {
            const std::string utc = geo::format_iso8601_utc(*t);
            const auto again = geo::parse_iso8601(utc, zone);
            fuzz::require(again && *again == *t, "ISO 8601 round trip");
            (void)geo::local_date(*t, zone);
        }
    });
    if (!format.empty())
        fuzz::accepts([&] {
            if (auto t = geo::parse_with_format(text, format, "America/Los_Angeles"))
                (void)geo::format_local(*t, "America/Los_Angeles", "%Y-%m-%d %H:%M:%S");
        });
    // A zone name from the bytes: never throws.
    (void)geo::is_known_zone(format);
    return 0;
}
