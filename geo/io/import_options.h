#pragma once
// What `patrolmap import` asks for, as plain data.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "geo/crs/chinese_datum.h"
#include "geo/model/layer_schema.h"

namespace geo {

struct ImportOptions {
    LayerKind kind = LayerKind::incidents;
    std::string source;         // any GDAL vector source: file, /vsizip/..., PG:...
    std::string source_layer;   // --source-layer
    std::map<std::string, std::string> field_map;  // ours -> theirs (--field ours=theirs)
    std::map<std::string, std::string> constants;  // ours -> literal (--set ours=value)
    // ours -> (their value -> our value); the key "*" catches every other value (--map-values).
    std::map<std::string, std::map<std::string, std::string>> value_map;
    std::string lonlat_x, lonlat_y;  // --lonlat x,y
    std::string wkt_column;          // --wkt col
    std::string source_crs;          // --src-crs: overrides or supplies the source's CRS
    ChineseDatum datum = ChineseDatum::none;  // --datum gcj02|bd09
    std::string time_format;         // --time-format (strftime style)
    bool replace = false;            // --replace: the layer's features are replaced
    bool skip_invalid = false;       // --skip-invalid: import the valid, report the rest
    // Called now and then with (features done, total); for progress bars.
    std::function<void(std::size_t, std::size_t)> progress;
};

struct Rejection {
    std::string file;
    std::string feature;
    std::string field;   // empty for geometry or whole-feature problems
    std::string reason;

    std::string sentence() const;  // "file feature F: field X reason"
};

struct ImportResult {
    std::size_t imported = 0;
    std::size_t replaced = 0;           // features removed by --replace
    std::vector<Rejection> rejected;    // only with skip_invalid
    std::vector<std::string> repaired;  // polygons made valid, as sentences
    std::vector<std::string> notes;     // what the source reader left out, as sentences
    std::string workspace_crs;          // after the import
    bool crs_chosen = false;            // this import fixed the workspace CRS
    std::string report_path;            // where rejections were written, if any
};

}  // namespace geo
