#pragma once
// Find a neighbourhood, building, site or officer by name, address or id: the search box's
// results, which the map then flies to.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/district.h"
#include "geo/model/layer_schema.h"

namespace geo {

struct SearchHit {
    LayerKind layer;     // neighbourhoods, buildings, sites or officers
    std::size_t index;   // into that layer's vector in the District
    std::string label;   // "金城小区 (N01)": name or address, then the id
    XY location;         // where to show it, workspace CRS (metres)
};

// Case-insensitive substring search (ASCII letters folded; Chinese and other UTF-8 text matched
// byte for byte, which for valid UTF-8 is matching whole characters) over
//   neighbourhoods: name, name_en, id   (located at the area's centroid)
//   buildings:      address, id          (at Building::location)
//   sites:          name, id             (at Site::location)
//   officers:       name, id             (at the post; else the post site; else the centroid of
//                                          the first neighbourhood they answer for; else left out)
// Order: an exact id match first, then an exact name or address, then a field starting with the
// query, then one containing it; ties in layer order (neighbourhoods, officers, buildings, sites),
// then by index. One hit per record, at most `limit`. A query that is empty after trimming
// ASCII spaces finds nothing.
std::vector<SearchHit> search(const District& district, std::string_view query,
                              std::size_t limit = 20);

}  // namespace geo
