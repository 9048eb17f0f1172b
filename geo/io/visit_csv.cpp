#include "geo/io/visit_csv.h"

#include <array>
#include <cstdio>
#include <unordered_set>

#include <cpl_vsi.h>
#include <fmt/format.h>

#include "geo/io/gdal_handles.h"
#include "geo/io/ogr_fields.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

std::string column_list(OGRFeatureDefn& defn) {
    std::string out;
    for (int i = 0; i < defn.GetFieldCount(); ++i) out += (i ? ", " : "") + std::string(defn.GetFieldDefn(i)->GetNameRef());
    return out.empty() ? "none" : out;
}

std::string trimmed(std::string s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// "2021/6/15" -> "2021-06-15"; anything else unchanged (parse_iso8601 judges it).
std::string dashed_date(const std::string& text) {
    int y = 0, m = 0, d = 0, used = 0;
    if (std::sscanf(text.c_str(), "%4d/%2d/%2d%n", &y, &m, &d, &used) == 3 && used == static_cast<int>(text.size()))
        return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    return text;
}

}  // namespace

std::vector<VisitRecord> read_visit_csv(const std::filesystem::path& csv, const District& district, Timestamp now,
                                        const std::string& recorded) {
    const std::string file = csv.string();
    // VSIStatL rather than std::filesystem: GDAL's virtual paths (/vsizip/, /vsimem/) count too.
    VSIStatBufL stat;
    if (VSIStatL(file.c_str(), &stat) != 0) throw BadInput(file + ": no such file");
    GdalDatasetPtr ds = open_csv_table(file);
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn& defn = *layer->GetLayerDefn();
    const int building_col = find_column(defn, {"building_id", "building", "楼栋编号"});
    const int date_col = find_column(defn, {"date", "visited_on", "日期"});
    const int officer_col = find_column(defn, {"officer_id", "officer", "民警"});
    if (building_col < 0 || date_col < 0)
        throw BadInput(fmt::format("{}: needs a {} column (found: {})", file, building_col < 0 ? "building_id" : "date",
                                   column_list(defn)));

    std::unordered_set<std::string> buildings, officers;
    for (const Building& b : district.buildings) buildings.insert(b.id);
    for (const Officer& o : district.officers) officers.insert(o.id);
    const std::string& zone = district.metadata.timezone;
    const std::string today = format_local(now, zone, "%Y-%m-%d");
    const std::string source = csv.filename().string();

    std::vector<VisitRecord> out;
    layer->ResetReading();
    for (auto& f : *layer) {
        // GDAL numbers CSV rows from 1; the header is line 1 of the file.
        const std::string where = fmt::format("{} line {}", file, f->GetFID() + 1);
        VisitRecord v;
        v.building_id = trimmed(f->GetFieldAsString(building_col));
        const std::string when = trimmed(f->GetFieldAsString(date_col));
        if (v.building_id.empty() && when.empty()) continue;  // a blank line
        if (v.building_id.empty()) throw BadInput(where + ": field " + defn.GetFieldDefn(building_col)->GetNameRef() + " is empty");
        if (!buildings.count(v.building_id))
            throw BadInput(fmt::format("{}: field {}: '{}' is not a building of this workspace", where,
                                       defn.GetFieldDefn(building_col)->GetNameRef(), v.building_id));
        const std::optional<Timestamp> t = parse_iso8601(dashed_date(when), zone);
        const std::string date_field = defn.GetFieldDefn(date_col)->GetNameRef();
        if (!t) throw BadInput(fmt::format("{}: field {}: '{}' is not a date (write 2021-06-15)", where, date_field, when));
        v.date = format_local(*t, zone, "%Y-%m-%d");
        if (v.date > today) throw BadInput(fmt::format("{}: field {}: {} is in the future", where, date_field, v.date));
        if (v.date < "2000-01-01") throw BadInput(fmt::format("{}: field {}: {} is before 2000", where, date_field, v.date));
        if (officer_col >= 0) {
            v.officer_id = trimmed(f->GetFieldAsString(officer_col));
            if (!v.officer_id.empty() && !officers.count(v.officer_id))
                throw BadInput(fmt::format("{}: field {}: '{}' is not an officer of this workspace", where,
                                           defn.GetFieldDefn(officer_col)->GetNameRef(), v.officer_id));
        }
        v.source = source;
        v.recorded = recorded;
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace geo
