#include "geo/io/stop_list_csv.h"

#include <fstream>
#include <unordered_set>

#include <fmt/format.h>

#include "geo/io/gdal_handles.h"
#include "geo/io/ogr_fields.h"
#include "geo/util/error.h"

namespace geo {
namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

constexpr const char* utf8_bom = "\xEF\xBB\xBF";

bool is_header(const std::string& cell) {
    return EQUAL(cell.c_str(), "building_id") || EQUAL(cell.c_str(), "building") || cell == "楼栋编号";
}

}  // namespace

std::vector<ListedStop> read_stop_list_csv(const std::filesystem::path& csv, const District& district) {
    const std::string file = csv.string();
    std::ifstream in(csv);
    if (!in) throw BadInput(file + ": no such file");
    std::unordered_set<std::string> buildings, listed;
    for (const Building& b : district.buildings) buildings.insert(b.id);
    std::vector<ListedStop> out;
    // `field`: the column's name, empty for a file of bare ids.
    const auto add = [&](const std::string& id, const std::string& where, const std::string& field) {
        const std::string in_field = field.empty() ? "" : " field " + field + ":";
        if (!buildings.count(id))
            throw BadInput(fmt::format("{}:{} '{}' is not a building of this workspace", where, in_field, id));
        if (listed.insert(id).second) out.push_back({id, where});
    };

    // GDAL's CSV driver does not open a file of one column, so a file without a separator on its
    // first line is read here: one id per line, under an optional header naming the column.
    std::string first;
    std::getline(in, first);
    if (first.find_first_of(",;\t") == std::string::npos) {
        if (first.rfind(utf8_bom, 0) == 0) first.erase(0, std::string(utf8_bom).size());
        std::string line = first;
        int number = 1;
        do {
            const std::string id = trimmed(line);
            if (!id.empty() && !(number == 1 && is_header(id))) add(id, fmt::format("{} line {}", file, number), "");
            ++number;
        } while (std::getline(in, line));
        return out;
    }

    GdalDatasetPtr ds = open_csv_table(file);
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn& defn = *layer->GetLayerDefn();
    const int building_col = find_column(defn, {"building_id", "building", "楼栋编号"});
    if (building_col < 0) {
        std::string found;
        for (int i = 0; i < defn.GetFieldCount(); ++i) found += (i ? ", " : "") + std::string(defn.GetFieldDefn(i)->GetNameRef());
        throw BadInput(fmt::format("{}: needs a building_id column (found: {})", file, found.empty() ? "none" : found));
    }
    const std::string field = defn.GetFieldDefn(building_col)->GetNameRef();
    layer->ResetReading();
    for (auto& f : *layer) {
        // GDAL numbers CSV rows from 1; the header is line 1 of the file.
        const std::string where = fmt::format("{} line {}", file, f->GetFID() + 1);
        const std::string id = trimmed(f->GetFieldAsString(building_col));
        if (id.empty()) {
            bool blank = true;  // a line with nothing in any column
            for (int i = 0; i < defn.GetFieldCount(); ++i) blank = blank && trimmed(f->GetFieldAsString(i)).empty();
            if (blank) continue;
            throw BadInput(where + ": field " + field + " is empty");
        }
        add(id, where, field);
    }
    return out;
}

}  // namespace geo
