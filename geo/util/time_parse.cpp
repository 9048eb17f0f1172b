#include "geo/util/time_parse.h"

#include <cmath>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "geo/util/error.h"

namespace geo {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// Largest UTC offset accepted, as java.time's ZoneOffset allows; real zones stay within ±14 h.
constexpr int MAX_UTC_OFFSET_MINUTES = 18 * 60;

const date::time_zone* find_zone(const std::string& zone) {
    try {
        return date::locate_zone(zone);
    } catch (const std::runtime_error&) {
        throw BadInput("unknown time zone '" + zone + "'");
    }
}

// Local wall-clock time -> UTC, DST gaps and overlaps resolved as documented in the header.
Timestamp local_to_utc(date::local_seconds local, const date::time_zone* tz) {
    return tz->to_sys(local, date::choose::earliest);
}

// A small cursor over the ISO 8601 text; every read either consumes exactly what it asks for
// or fails without side effects that matter (the parse is abandoned on the first failure).
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ == text_.size(); }

    bool accept(char c) {
        if (at_end() || text_[pos_] != c) return false;
        ++pos_;
        return true;
    }

    // Exactly `count` ASCII digits.
    std::optional<int> digits(int count) {
        if (text_.size() - pos_ < static_cast<std::size_t>(count)) return std::nullopt;
        int value = 0;
        for (int i = 0; i < count; ++i) {
            const char c = text_[pos_ + i];
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + (c - '0');
        }
        pos_ += count;
        return value;
    }

    // One or more ASCII digits, returned as their count (their value is not needed).
    int skip_digits() {
        int count = 0;
        while (!at_end() && text_[pos_] >= '0' && text_[pos_] <= '9') {
            ++pos_;
            ++count;
        }
        return count;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

// "Z", "+HH", "+HHMM", "+HH:MM" (or '-'): the offset east of UTC, in minutes.
std::optional<int> parse_zone_designator(Cursor& cursor) {
    if (cursor.accept('Z') || cursor.accept('z')) return 0;
    int sign = 0;
    if (cursor.accept('+')) sign = 1;
    else if (cursor.accept('-')) sign = -1;
    else return std::nullopt;
    const auto hours = cursor.digits(2);
    if (!hours) return std::nullopt;
    int mins = 0;
    if (!cursor.at_end()) {
        cursor.accept(':');  // "+08:00" (extended) and "+0800" (basic) are both ISO 8601
        const auto m = cursor.digits(2);
        if (!m) return std::nullopt;
        mins = *m;
    }
    if (mins > 59) return std::nullopt;
    const int total = *hours * 60 + mins;
    if (total > MAX_UTC_OFFSET_MINUTES) return std::nullopt;
    return sign * total;
}

bool valid_time_fields(int hour, int minute, double second) {
    // !(x >= 0) also rejects NaN.
    return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0.0 &&
           second < 61.0;
}

// Fields -> local (or offset-free) seconds since the epoch; nullopt when they are not a date/time.
std::optional<date::local_seconds> fields_to_local(int year, int month, int day, int hour,
                                                   int minute, double second) {
    // date::year holds a short: check before converting, or year 67557 would wrap to 2021.
    if (year < static_cast<int>(date::year::min()) || year > static_cast<int>(date::year::max())) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day)}};
    if (!ymd.ok() || !valid_time_fields(hour, minute, second)) return std::nullopt;
    return date::local_days{ymd} + std::chrono::hours{hour} + minutes{minute} +
           seconds{static_cast<long long>(std::floor(second))};
}

std::string describe_fields(int year, int month, int day, int hour, int minute, double second) {
    std::ostringstream out;
    out << year << '-' << month << '-' << day << ' ' << hour << ':' << minute << ':' << second;
    return out.str();
}

}  // namespace

std::optional<Timestamp> parse_iso8601(std::string_view text, const std::string& zone) {
    const date::time_zone* tz = find_zone(zone);
    Cursor cursor{text};

    const auto year = cursor.digits(4);
    if (!year || !cursor.accept('-')) return std::nullopt;
    const auto month = cursor.digits(2);
    if (!month || !cursor.accept('-')) return std::nullopt;
    const auto day = cursor.digits(2);
    if (!day) return std::nullopt;

    int hour = 0;
    int minute = 0;
    int second = 0;
    std::optional<int> offset_minutes;
    if (!cursor.at_end()) {
        if (!(cursor.accept('T') || cursor.accept('t') || cursor.accept(' '))) return std::nullopt;
        const auto h = cursor.digits(2);
        if (!h || !cursor.accept(':')) return std::nullopt;
        const auto m = cursor.digits(2);
        if (!m) return std::nullopt;
        hour = *h;
        minute = *m;
        if (cursor.accept(':')) {
            const auto s = cursor.digits(2);
            if (!s) return std::nullopt;
            second = *s;
            if (cursor.accept('.') || cursor.accept(',')) {
                const int fraction_digits = cursor.skip_digits();
                if (fraction_digits < 1 || fraction_digits > 9) return std::nullopt;
            }
        }
        if (!cursor.at_end()) {
            offset_minutes = parse_zone_designator(cursor);
            if (!offset_minutes || !cursor.at_end()) return std::nullopt;
        }
    }
    // Leap second 60 is not accepted in text: sys_seconds cannot represent it and no source we
    // know writes it.
    if (second > 59) return std::nullopt;

    const auto local = fields_to_local(*year, *month, *day, hour, minute, second);
    if (!local) return std::nullopt;
    if (offset_minutes) {
        return Timestamp{local->time_since_epoch()} - minutes{*offset_minutes};
    }
    return local_to_utc(*local, tz);
}

namespace {

// A format's offset conversion at its end ("%z" or "%Ez"): its length, else 0.
std::size_t trailing_offset_conversion(const std::string& format) {
    for (const std::string_view tail : {std::string_view("%Ez"), std::string_view("%z")})
        if (format.size() >= tail.size() && format.compare(format.size() - tail.size(), tail.size(), tail) == 0 &&
            (format.size() == tail.size() || format[format.size() - tail.size() - 1] != '%'))
            return tail.size();
    return 0;
}

// The conversions of a format as date reads them: '%', an optional width, optional E/O
// modifiers, then one character ("%%" and "%2%" are a literal percent, and end the conversion).
struct Conversion {
    std::size_t width_digits = 0;
    bool width_starts_with_zero = false;
    std::string modifiers;  // E and O letters
    char letter = 0;
};

std::vector<Conversion> conversions(const std::string& format) {
    std::vector<Conversion> out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') continue;
        Conversion c;
        std::size_t j = i + 1;
        c.width_starts_with_zero = j < format.size() && format[j] == '0';
        while (j < format.size() && format[j] >= '0' && format[j] <= '9') ++j, ++c.width_digits;
        while (j < format.size() && (format[j] == 'E' || format[j] == 'O')) c.modifiers += format[j++];
        c.letter = j < format.size() ? format[j] : 0;
        out.push_back(c);
        i = j;
    }
    return out;
}

// date 3.0.1's format reader has undefined behaviour on odd formats, all found by fuzzing: it
// reads a width into an int without a bound ("%5555555555Y"), takes width 0 as no limit ("%0S"
// then reads 30 digits of seconds into an int64), and after some conversions ("%t", "%2%")
// goes on reading digits as a width. So a --time-format may hold only the conversions a date
// and time need, each with at most a one-digit width (1 to 9) on a numeric field.
void require_sane_widths(const std::string& format) {
    static const std::string numeric = "YmdHMSyejI", other = "bBhaApFTRz%";
    for (const Conversion& c : conversions(format)) {
        const bool known = c.letter != 0 && (numeric.find(c.letter) != std::string::npos || other.find(c.letter) != std::string::npos);
        if (!known)
            throw BadInput("time format '" + format + "': %" + std::string(c.letter ? 1 : 0, c.letter) +
                           " is not one of the conversions read (%Y %m %d %H %M %S %y %e %j %I %b %B %h %a %A %p %F %T %R %z %%)");
        // E and O modifiers: only %Ez (date then goes on in odd states: "%EEE%5555Y", fuzzed).
        if (!c.modifiers.empty() && !(c.modifiers == "E" && c.letter == 'z'))
            throw BadInput("time format '" + format + "': modifiers E and O are read only as %Ez");
        if (c.width_digits > 1 || c.width_starts_with_zero || (c.width_digits == 1 && numeric.find(c.letter) == std::string::npos))
            throw BadInput("time format '" + format + "': a width is one digit, 1 to 9, on a numeric field");
    }
}

bool has_offset_conversion(const std::string& format) {
    for (const Conversion& c : conversions(format))
        if (c.letter == 'z') return true;
    return false;
}

// "+08", "+0800", "+08:00", "-07" at the end of `text`: the offset east of UTC, with `text` cut
// before it; nullopt when the text does not end in one.
std::optional<minutes> take_trailing_offset(std::string& text) {
    static const std::regex pattern(R"(([+-])(\d{2})(?::?(\d{2}))?$)");
    std::smatch m;
    if (!std::regex_search(text, m, pattern)) return std::nullopt;
    const int h = std::stoi(m[2].str()), mm = m[3].matched ? std::stoi(m[3].str()) : 0;
    if (mm > 59) return std::nullopt;
    const minutes offset{(m[1].str() == "-" ? -1 : 1) * (h * 60 + mm)};
    text.erase(static_cast<std::size_t>(m.position(0)));
    return offset;
}

}  // namespace

std::optional<Timestamp> parse_with_format(std::string_view text, const std::string& format,
                                           const std::string& zone) {
    const date::time_zone* tz = find_zone(zone);
    if (text.empty()) return std::nullopt;

    // date 3.0.1 negates minutes::min() when %z's sign is not followed by digits (undefined
    // behaviour, found by fuzzing: "%Y %z" on "2022-..."). The offset is read here instead,
    // from the end of the text, when %z or %Ez ends the format, where every format with an
    // offset has it; elsewhere in a format it is refused.
    require_sane_widths(format);
    std::string body{text};
    std::string body_format = format;
    std::optional<minutes> parsed_offset;
    if (const std::size_t tail = trailing_offset_conversion(format)) {
        parsed_offset = take_trailing_offset(body);
        if (!parsed_offset) return std::nullopt;
        body_format.erase(body_format.size() - tail);
    }
    if (has_offset_conversion(body_format))
        throw BadInput("time format '" + format + "': %z is read only at the end of the format");

    std::istringstream in{body};
    // Parsed at long double seconds, not whole ones: date 3.0.1 (Debian 12) reads %S and %T's
    // seconds into an uninitialised long double and rounds it to the target duration before it
    // checks that the read worked, so text without digits where the seconds should be was
    // undefined behaviour (found by fuzzing: "%Y-%m-%d %T" on "2021-03-14 10:20:xx"). With a
    // floating duration that rounding is a plain copy; whole seconds are taken below.
    date::local_time<std::chrono::duration<long double>> parsed{};
    date::from_stream(in, body_format.c_str(), parsed);
    if (in.fail()) return std::nullopt;
    if (in.peek() != std::char_traits<char>::eof()) return std::nullopt;  // text left over
    const minutes offset = parsed_offset.value_or(minutes::min());
    const long double secs = parsed.time_since_epoch().count();
    if (!std::isfinite(secs) || std::fabs(secs) > 1e15L) return std::nullopt;  // beyond any date we keep
    const date::local_seconds local{seconds{static_cast<std::int64_t>(std::floor(secs))}};

    if (offset != minutes::min()) {
        if (std::chrono::abs(offset) > minutes{MAX_UTC_OFFSET_MINUTES}) return std::nullopt;
        return Timestamp{local.time_since_epoch()} - offset;
    }
    return local_to_utc(local, tz);
}

Timestamp from_local_fields(int year, int month, int day, int hour, int minute, double second,
                            const std::string& zone) {
    const date::time_zone* tz = find_zone(zone);
    const auto local = fields_to_local(year, month, day, hour, minute, second);
    if (!local) {
        throw BadInput("date/time fields " + describe_fields(year, month, day, hour, minute, second) +
                       " are not a valid date and time");
    }
    return local_to_utc(*local, tz);
}

Timestamp from_offset_fields(int year, int month, int day, int hour, int minute, double second,
                             int utc_offset_minutes) {
    const auto local = fields_to_local(year, month, day, hour, minute, second);
    if (!local) {
        throw BadInput("date/time fields " + describe_fields(year, month, day, hour, minute, second) +
                       " are not a valid date and time");
    }
    if (utc_offset_minutes < -MAX_UTC_OFFSET_MINUTES || utc_offset_minutes > MAX_UTC_OFFSET_MINUTES) {
        throw BadInput("UTC offset of " + std::to_string(utc_offset_minutes) +
                       " minutes is beyond ±18 hours");
    }
    return Timestamp{local->time_since_epoch()} - minutes{utc_offset_minutes};
}

std::string format_iso8601_utc(Timestamp t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

std::string format_local(Timestamp t, const std::string& zone, const char* strftime_format) {
    const date::zoned_seconds zoned{find_zone(zone), t};
    return date::format(strftime_format, zoned);
}

LocalDate local_date(Timestamp t, const std::string& zone) {
    const date::zoned_seconds zoned{find_zone(zone), t};
    const date::year_month_day ymd{date::floor<date::days>(zoned.get_local_time())};
    return LocalDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool is_known_zone(const std::string& zone) {
    if (zone.empty()) return false;
    try {
        date::locate_zone(zone);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

}  // namespace geo
