#include "geo/io/ogr_fields.h"

#include <chrono>

#include <date/date.h>

#include "geo/util/time_parse.h"

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

FieldValue get_value(OGRFeature& f, int index, const std::string& zone) {
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
            // GDAL's TZFlag: 0 unknown, 1 local time, 100 UTC, 100 ± 4·hours otherwise.
            if (tz <= 1 && !zone.empty()) return from_local_fields(y, mo, d, h, mi, s, zone);
            return from_offset_fields(y, mo, d, h, mi, s, tz <= 1 ? 0 : (tz - 100) * 15);
        }
        default: return std::string(f.GetFieldAsString(index));
    }
}

int find_column(const OGRFeatureDefn& defn, std::initializer_list<const char*> names) {
    for (const char* name : names)
        for (int i = 0; i < defn.GetFieldCount(); ++i)
            if (EQUAL(defn.GetFieldDefn(i)->GetNameRef(), name)) return i;
    return -1;
}

}  // namespace geo
