#include "geo/io/lecture_table.h"

#include <algorithm>
#include <string>

#include "geo/io/attribute_table.h"
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
        l.station_id = station_of(*f);
        out.push_back(std::move(l));
    }
    return out;
}

void write_lecture_table(GDALDataset& ds, const std::vector<LectureRecord>& lectures) {
    static constexpr Column kColumns[] = {{"venue_id", OFTString},    {"date", OFTString},     {"topics", OFTString},
                                          {"attendance", OFTInteger64}, {"leaflets", OFTInteger64}, {"source", OFTString},
                                          {"recorded", OFTString}};
    OGRLayer* layer = ensure_table(ds, kLecturesTable, kColumns);
    clear_table(ds, kLecturesTable);
    for (const LectureRecord& l : lectures) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("venue_id", l.venue_id.c_str());
        f->SetField("date", l.date.c_str());
        f->SetField("topics", l.topics.c_str());
        f->SetField("attendance", static_cast<GIntBig>(l.attendance));
        f->SetField("leaflets", static_cast<GIntBig>(l.leaflets));
        f->SetField("source", l.source.c_str());
        f->SetField("recorded", l.recorded.c_str());
        set_station(*f, l.station_id);
        add_row(*layer, *f, kLecturesTable);
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
