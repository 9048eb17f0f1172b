#pragma once
// The bundled synthetic sample district: Jiangnan subdistrict (江南街道), Yongkang, Zhejiang,
// rebuilt from the figures of the station report (shared/context/station-report-zh.txt):
// 65,000 residents, 34,000 transients, 92% anti-fraud app adoption, one officer per
// neighbourhood, fraud reports down 6.5% in May 2021 and 37.9% in June 2021 month on month.
// Every name, building and incident is invented; metadata.synthetic says so.
#include <cstdint>

#include "geo/model/district.h"

namespace sample {

// The seed of the bundled data/jiangnan.gpkg.
inline constexpr std::uint64_t kDefaultSeed = 20210101;

// Builds the whole district in EPSG:4549 metres. Pure and deterministic: the same seed gives
// the same District field by field on the same build; another seed gives other incidents
// (and another jitter of the layout). Takes a few milliseconds.
geo::District generate_jiangnan(std::uint64_t seed = kDefaultSeed);

}  // namespace sample
