#pragma once
// Poster edits as JSON, for the crash journal (autosave.h). Lossless: coordinates are written
// as shortest round-trip decimals (nlohmann-json), times as ISO 8601 UTC, and every extra field
// keeps its type. One edit reads:
//
//   {"op": "add",    "poster": POSTER}                  (+ "index": N when inserting)
//   {"op": "move",   "id": "PST-0003", "from": {"x": 40500123.5, "y": 3197000.25}, "to": {...}}
//   {"op": "delete", "poster": POSTER, "index": 17}
//
//   POSTER = {"id": "BAN-0007", "kind": "banner", "installed": "2021-05-03T06:20:00Z" | null,
//             "removed": ... | null, "building_id": "B0012", "location": {"x": .., "y": ..},
//             "extras": {"NAME": VALUE, ...}}
//   VALUE  = null | {"integer": 5} | {"real": 2.5} | {"text": "..."} | {"time": "...Z"}
//            (a real that is not finite is written as the text "nan", "inf" or "-inf")
#include <string>

#include <nlohmann/json.hpp>

#include "geo/edit/poster_edits.h"

namespace geo {

nlohmann::json edit_to_json(const PosterEdit& edit);

// BadInput for anything that is not an edit as written above; the message starts with
// `context` ("ws.gpkg.journal.json edit 3") and names the field ("field poster.kind 'flag' is
// not one of poster, contact_card or banner").
PosterEdit edit_from_json(const nlohmann::json& value, const std::string& context);

}  // namespace geo
