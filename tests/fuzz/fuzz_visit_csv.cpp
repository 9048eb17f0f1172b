// The CSV of visits done (visit_csv.h) through GDAL's CSV driver, from an in-memory file,
// against the sample's buildings and officers.
// Property: every record read names a building of the district and a date not after `now`.
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal.h>

#include "geo/io/visit_csv.h"
#include "geo/io/workspace_store.h"
#include "geo/util/time_parse.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);
    (void)fuzz::sample_district();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string content = fuzz::text_of(data, size);
    const char* path = "/vsimem/visits.csv";
    VSIFCloseL(VSIFileFromMemBuffer(path, reinterpret_cast<GByte*>(content.data()),
                                     static_cast<vsi_l_offset>(content.size()), FALSE));
    const geo::Timestamp now = *geo::parse_iso8601("2021-07-01T12:00:00Z", "UTC");
    fuzz::accepts([&] {
        for (const geo::VisitRecord& v : geo::read_visit_csv(path, fuzz::sample_district(), now, "fuzz")) {
            bool known = false;
            for (const auto& b : fuzz::sample_district().buildings) known = known || b.id == v.building_id;
            fuzz::require(known, "a visit names a building of the district");
        }
    });
    VSIUnlink(path);
    return 0;
}
