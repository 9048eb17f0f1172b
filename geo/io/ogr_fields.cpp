#include "geo/io/ogr_fields.h"

#include <chrono>

#include <date/date.h>

namespace geo {
namespace {
void set_time(OGRFeature& f, int index, Timestamp t) {
    const auto day = std::chrono::floor<date::days>(t);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss hms{t - day};
    f.SetField(index, static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
               static_cast<int>(unsigned(ymd.day())), static_cast<int>(hms.hours().count()),
               static_cast<int>(hms.minutes().count()),
               static_cast<float>(hms.seconds().count()), 100 /* UTC */);
}
}  // namespace

OGRFieldType storage_type(const FieldValue& value) {
    if (std::holds_alternative<std::int64_t>(value)) return OFTInteger64;
    if (std::holds_alternative<double>(value)) return OFTReal;
    if (std::holds_alternative<Timestamp>(value)) return OFTDateTime;
    return OFTString;
}

void set_value(OGRFeature& f, int index, const FieldValue& value) {
    std::visit(
        [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) f.SetFieldNull(index);
            else if constexpr (std::is_same_v<V, std::int64_t>) f.SetField(index, static_cast<GIntBig>(v));
            else if constexpr (std::is_same_v<V, double>) f.SetField(index, v);
            else if constexpr (std::is_same_v<V, std::string>) f.SetField(index, v.c_str());
            else set_time(f, index, v);
        },
        value);
}

FieldValue get_value(OGRFeature& f, int index) {
    if (!f.IsFieldSetAndNotNull(index)) return std::monostate{};
    switch (f.GetFieldDefnRef(index)->GetType()) {
        case OFTInteger:
        case OFTInteger64: return static_cast<std::int64_t>(f.GetFieldAsInteger64(index));
        case OFTReal: return f.GetFieldAsDouble(index);
        case OFTDate:
        case OFTDateTime: {
            int y, mo, d, h, mi, tz;
            float s;
            f.GetFieldAsDateTime(index, &y, &mo, &d, &h, &mi, &s, &tz);
            const auto day = date::sys_days{date::year{y} / mo / d};
            auto t = std::chrono::time_point_cast<std::chrono::seconds>(
                day + std::chrono::hours{h} + std::chrono::minutes{mi} +
                std::chrono::seconds{static_cast<int>(s + 0.5f)});
            if (tz > 1) t -= std::chrono::minutes{(tz - 100) * 15};
            return Timestamp{t};
        }
        default: return std::string(f.GetFieldAsString(index));
    }
}

}  // namespace geo
