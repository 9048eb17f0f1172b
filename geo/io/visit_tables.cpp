#include "geo/io/visit_tables.h"

#include <string>

#include "geo/io/attribute_table.h"
#include "geo/io/gdal_handles.h"
#include "geo/util/error.h"

namespace geo {
namespace {

constexpr Column kPlanColumns[] = {{"officer_id", OFTString}, {"week", OFTString}, {"date", OFTString},
                                   {"stop_order", OFTInteger}, {"building_id", OFTString}, {"priority", OFTReal}};
constexpr Column kVisitColumns[] = {{"building_id", OFTString}, {"date", OFTString}, {"officer_id", OFTString},
                                    {"source", OFTString}, {"recorded", OFTString}};

}  // namespace

std::vector<PlannedVisit> read_planned_visits(GDALDataset& ds) {
    std::vector<PlannedVisit> out;
    OGRLayer* layer = ds.GetLayerByName(std::string(kVisitPlansTable).c_str());
    if (!layer) return out;
    layer->ResetReading();
    for (auto& f : *layer) {
        PlannedVisit v;
        v.officer_id = f->GetFieldAsString("officer_id");
        v.week = f->GetFieldAsString("week");
        v.date = f->GetFieldAsString("date");
        v.order = f->GetFieldAsInteger("stop_order");
        v.building_id = f->GetFieldAsString("building_id");
        v.priority = f->GetFieldAsDouble("priority");
        v.station_id = station_of(*f);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<VisitRecord> read_visit_records(GDALDataset& ds) {
    std::vector<VisitRecord> out;
    OGRLayer* layer = ds.GetLayerByName(std::string(kVisitsTable).c_str());
    if (!layer) return out;
    layer->ResetReading();
    for (auto& f : *layer) {
        VisitRecord v;
        v.building_id = f->GetFieldAsString("building_id");
        v.date = f->GetFieldAsString("date");
        v.officer_id = f->GetFieldAsString("officer_id");
        v.source = f->GetFieldAsString("source");
        v.recorded = f->GetFieldAsString("recorded");
        v.station_id = station_of(*f);
        out.push_back(std::move(v));
    }
    return out;
}

void write_visit_tables(GDALDataset& ds, const std::vector<PlannedVisit>& planned,
                        const std::vector<VisitRecord>& visits) {
    OGRLayer* plans = ensure_table(ds, kVisitPlansTable, kPlanColumns);
    OGRLayer* done = ensure_table(ds, kVisitsTable, kVisitColumns);
    clear_table(ds, kVisitPlansTable);
    clear_table(ds, kVisitsTable);
    for (const PlannedVisit& v : planned) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(plans->GetLayerDefn()));
        f->SetField("officer_id", v.officer_id.c_str());
        f->SetField("week", v.week.c_str());
        f->SetField("date", v.date.c_str());
        f->SetField("stop_order", v.order);
        f->SetField("building_id", v.building_id.c_str());
        f->SetField("priority", v.priority);
        set_station(*f, v.station_id);
        add_row(*plans, *f, kVisitPlansTable);
    }
    for (const VisitRecord& v : visits) {
        OgrFeaturePtr f(OGRFeature::CreateFeature(done->GetLayerDefn()));
        f->SetField("building_id", v.building_id.c_str());
        f->SetField("date", v.date.c_str());
        f->SetField("officer_id", v.officer_id.c_str());
        f->SetField("source", v.source.c_str());
        f->SetField("recorded", v.recorded.c_str());
        set_station(*f, v.station_id);
        add_row(*done, *f, kVisitsTable);
    }
}

}  // namespace geo
