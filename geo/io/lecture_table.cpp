#include "geo/io/lecture_table.h"

#include <algorithm>
#include <string>

#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"

namespace geo {

std::vector<LectureRecord> read_lecture_records(GDALDataset& ds) {
    std::vector<LectureRecord> out;
    OGRLayer* layer = ds.GetLayerByName(std::string(kLecturesTable).c_str());
    if (!layer) return out;
    layer->ResetReading();
    for (auto& f : *layer) {
        LectureRecord l;
        l.venue_id = f->GetFieldAsString("venue_id");
        l.date = f->GetFieldAsString("date");
        l.topics = f->GetFieldAsString("topics");
        l.attendance = f->GetFieldAsInteger64("attendance");
        l.leaflets = f->GetFieldAsInteger64("leaflets");
        l.source = f->GetFieldAsString("source");
        l.recorded = f->GetFieldAsString("recorded");
        out.push_back(std::move(l));
    }
    return out;
}

void write_lecture_table(GDALDataset& ds, const std::vector<LectureRecord>& lectures) {
    const std::string table(kLecturesTable);
    OGRLayer* layer = ds.GetLayerByName(table.c_str());
    if (!layer) {
        layer = ds.CreateLayer(table.c_str(), nullptr, wkbNone, nullptr);
        if (!layer) throw IoError("cannot create table " + table + ": " + last_gdal_error());
        for (const auto& [name, type] : {std::pair{"venue_id", OFTString}, {"date", OFTString}, {"topics", OFTString},
                                         {"attendance", OFTInteger64}, {"leaflets", OFTInteger64}, {"source", OFTString},
                                         {"recorded", OFTString}}) {
            OGRFieldDefn defn(name, type);
            if (layer->CreateField(&defn) != OGRERR_NONE) throw IoError("cannot create field " + table + "." + name + ": " + last_gdal_error());
        }
    }
    CPLErrorReset();
    ds.ExecuteSQL(("DELETE FROM \"" + table + "\"").c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure) throw IoError("cannot clear table " + table + ": " + last_gdal_error());
    for (const LectureRecord& l : lectures) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("venue_id", l.venue_id.c_str());
        f->SetField("date", l.date.c_str());
        f->SetField("topics", l.topics.c_str());
        f->SetField("attendance", static_cast<GIntBig>(l.attendance));
        f->SetField("leaflets", static_cast<GIntBig>(l.leaflets));
        f->SetField("source", l.source.c_str());
        f->SetField("recorded", l.recorded.c_str());
        if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw IoError("cannot write to table " + table + ": " + last_gdal_error());
    }
}

std::vector<LectureRecord> merge_lectures(std::vector<LectureRecord> theirs, const std::vector<LectureRecord>& added) {
    for (const LectureRecord& l : added) {
        const auto same = std::find_if(theirs.begin(), theirs.end(),
                                       [&](const LectureRecord& t) { return t.venue_id == l.venue_id && t.date == l.date; });
        if (same != theirs.end()) *same = l;
        else theirs.push_back(l);
    }
    std::stable_sort(theirs.begin(), theirs.end(), [](const LectureRecord& a, const LectureRecord& b) {
        return a.date != b.date ? a.date < b.date : a.venue_id < b.venue_id;
    });
    return theirs;
}

}  // namespace geo
