#pragma once
// The text of `patrolmap import`'s mapping flags, read into ImportOptions. Kept here rather
// than in the command so that the parsing is tested and fuzzed without the command line.
//   --field ours=theirs      --set ours=VALUE      --map-values FIELD:FROM=TO      --lonlat X,Y
// Each throws geo::BadInput naming the flag and the text when the text is not in that form
// (a missing separator, or an empty name before it).
#include <string>

#include "geo/io/import_options.h"

namespace geo {

void add_field_mapping(ImportOptions& options, const std::string& text);  // --field
void add_constant(ImportOptions& options, const std::string& text);       // --set
void add_value_map(ImportOptions& options, const std::string& text);      // --map-values
void set_lonlat_columns(ImportOptions& options, const std::string& text); // --lonlat

}  // namespace geo
