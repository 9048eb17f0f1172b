#pragma once
// The fixes one feature of a track file gives: a point with a time field gives one; a line
// (or multi-line, its parts one after the other) with a time per vertex gives one per vertex.
// Whatever else it holds becomes one fix carrying the problem, so the import reports it.
#include <string>
#include <vector>

#include "geo/io/source_reader.h"
#include "geo/tracks/fix_fields.h"
#include "geo/tracks/source_fix.h"

namespace geo {

struct FixContext {
    FixFieldNames fields;
    std::string label_prefix;  // "" or "layer:" when the file has several layers (KML folders)
    std::string zone;          // workspace time zone, for times without one
};

std::vector<SourceFix> fixes_of(const SourceFeature& feature, const FixContext& context);

}  // namespace geo
