#pragma once
// TSPLIB files (Reinelt 1991, "TSPLIB — a traveling salesman problem library", and its format
// description TSPLIB95): symmetric TSP instances with EUC_2D, CEIL_2D, ATT, GEO or EXPLICIT
// weights, and .tour output. Distances follow TSPLIB's own conventions exactly, so that
// lengths compare with the published optima.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/routing/tsp/distance_matrix.h"

namespace geo::tsp {

enum class EdgeWeightType { euc_2d, ceil_2d, att, geo, explicit_matrix };

struct TsplibCoord {
    double x = 0, y = 0;  // GEO: x latitude, y longitude, both DDD.MM (degrees and minutes)
};

struct TsplibInstance {
    std::string name;
    std::string comment;
    int dimension = 0;
    EdgeWeightType weight_type = EdgeWeightType::euc_2d;
    std::vector<TsplibCoord> coords;  // empty for EXPLICIT
    DistanceMatrix explicit_weights;  // filled for EXPLICIT, whatever the stored format
};

// BadInput naming the file and line for anything malformed or unsupported.
TsplibInstance read_tsplib(const std::filesystem::path& path);
// The same from text; `file_name` is used in error messages.
TsplibInstance parse_tsplib(const std::string& text, const std::string& file_name);

// TSPLIB's distance between two coordinates for a coordinate weight type:
//  EUC_2D  nint(sqrt(dx² + dy²)), nint(x) = (int)(x + 0.5)
//  CEIL_2D ceil(sqrt(dx² + dy²))
//  ATT     pseudo-Euclidean: r = sqrt((dx² + dy²) / 10); t = nint(r); t < r ? t + 1 : t
//  GEO     great circle on a sphere of RRR = 6378.388 km with PI = 3.141592, coordinates in
//          DDD.MM, (int)(RRR * acos(...) + 1.0)
double tsplib_distance(EdgeWeightType type, const TsplibCoord& a, const TsplibCoord& b);

DistanceMatrix tsplib_matrix(const TsplibInstance& instance);

// Writes a TSPLIB .tour (1-based node numbers, closed by -1 and EOF). IoError when it cannot.
void write_tsplib_tour(const std::filesystem::path& path, const std::string& name,
                       const std::vector<int>& order, double length);

}  // namespace geo::tsp
