#include "geo/routing/tsp/tsplib.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace geo::tsp {
namespace {

constexpr int kMaxTsplibDimension = 20000;

struct Token {
    std::string text;
    int line = 0;
};

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

class Parser {
public:
    Parser(const std::string& text, const std::string& file) : file_(file) {
        std::istringstream in(text);
        std::string line;
        while (std::getline(in, line)) lines_.push_back(line);
    }

    TsplibInstance parse() {
        std::string format = "FULL_MATRIX";
        bool have_type = false, have_weight_type = false;
        for (line_ = 0; line_ < static_cast<int>(lines_.size()); ++line_) {
            const std::string text = trim(lines_[static_cast<std::size_t>(line_)]);
            if (text.empty()) continue;
            const auto colon = text.find(':');
            const std::string key = trim(colon == std::string::npos ? text : text.substr(0, colon));
            const std::string value = colon == std::string::npos ? std::string() : trim(text.substr(colon + 1));
            if (key == "EOF") break;
            // Each keyword once: a DIMENSION or EDGE_WEIGHT_TYPE after the data was read would
            // leave an instance whose sections do not match it (found by fuzzing).
            if (key != "COMMENT" && !seen_.insert(key).second) fail(fmt::format("{} appears twice", key));
            if (key == "NAME") instance_.name = value;
            else if (key == "COMMENT") instance_.comment += (instance_.comment.empty() ? "" : " ") + value;
            else if (key == "TYPE") {
                if (value != "TSP") fail(fmt::format("TYPE '{}' is not supported (only TSP)", value));
                have_type = true;
            } else if (key == "DIMENSION") {
                instance_.dimension = to_int(value, "DIMENSION");
                if (instance_.dimension < 1) fail("DIMENSION must be at least 1");
                // The solver keeps a full distance matrix (8 bytes a pair): 20,000 nodes are
                // 3.2 GB. TSPLIB's largest symmetric instances are beyond any patrol; a huge
                // DIMENSION is refused here rather than as a failed allocation (found by fuzzing).
                if (instance_.dimension > kMaxTsplibDimension)
                    fail(fmt::format("DIMENSION {} is more than the {} nodes a distance matrix is made for", instance_.dimension,
                                     kMaxTsplibDimension));
            } else if (key == "EDGE_WEIGHT_TYPE") {
                have_weight_type = true;
                if (value == "EUC_2D") instance_.weight_type = EdgeWeightType::euc_2d;
                else if (value == "CEIL_2D") instance_.weight_type = EdgeWeightType::ceil_2d;
                else if (value == "ATT") instance_.weight_type = EdgeWeightType::att;
                else if (value == "GEO") instance_.weight_type = EdgeWeightType::geo;
                else if (value == "EXPLICIT") instance_.weight_type = EdgeWeightType::explicit_matrix;
                else fail(fmt::format("EDGE_WEIGHT_TYPE '{}' is not supported (EUC_2D, CEIL_2D, ATT, GEO or EXPLICIT)", value));
            } else if (key == "EDGE_WEIGHT_FORMAT") {
                format = value;
            } else if (key == "NODE_COORD_TYPE" || key == "DISPLAY_DATA_TYPE" || key == "CAPACITY") {
                // Descriptive only.
            } else if (key == "NODE_COORD_SECTION") {
                need_dimension(key);
                read_coords();
            } else if (key == "EDGE_WEIGHT_SECTION") {
                need_dimension(key);
                read_weights(format);
            } else if (key == "DISPLAY_DATA_SECTION") {
                need_dimension(key);
                skip_lines(instance_.dimension);
            } else if (key == "FIXED_EDGES_SECTION") {
                while (line_ + 1 < static_cast<int>(lines_.size()) && trim(lines_[static_cast<std::size_t>(line_ + 1)]) != "-1") ++line_;
                ++line_;
            } else {
                fail(fmt::format("unknown keyword '{}'", key));
            }
        }
        line_ = static_cast<int>(lines_.size()) - 1;
        if (!have_type) fail("no TYPE line");
        if (instance_.dimension == 0) fail("no DIMENSION line");
        if (!have_weight_type) fail("no EDGE_WEIGHT_TYPE line");
        if (instance_.weight_type == EdgeWeightType::explicit_matrix) {
            if (instance_.explicit_weights.size() == 0) fail("EDGE_WEIGHT_TYPE EXPLICIT without an EDGE_WEIGHT_SECTION");
        } else if (instance_.coords.empty()) {
            fail("no NODE_COORD_SECTION");
        }
        if (instance_.weight_type == EdgeWeightType::explicit_matrix
                ? instance_.explicit_weights.size() != static_cast<std::size_t>(instance_.dimension)
                : instance_.coords.size() != static_cast<std::size_t>(instance_.dimension))
            fail(fmt::format("the sections do not hold DIMENSION {} nodes", instance_.dimension));
        return instance_;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw BadInput(fmt::format("{} line {}: {}", file_, line_ + 1, what));
    }

    int to_int(const std::string& text, const std::string& what) const {
        try {
            std::size_t used = 0;
            const long v = std::stol(text, &used);
            if (used == text.size() && v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max())
                return static_cast<int>(v);
        } catch (const std::exception&) {
        }
        fail(fmt::format("{} '{}' is not an integer", what, text));
    }

    double to_double(const std::string& text, const std::string& what) const {
        try {
            std::size_t used = 0;
            const double v = std::stod(text, &used);
            // Beyond ±10¹² no TSPLIB instance goes, and distances would leave every integer type.
            if (used == text.size() && std::isfinite(v) && std::fabs(v) <= 1e12) return v;
        } catch (const std::exception&) {
        }
        fail(fmt::format("{} '{}' is not a number within ±10¹²", what, text));
    }

    void need_dimension(const std::string& section) const {
        if (instance_.dimension == 0) fail(section + " before DIMENSION");
    }

    std::vector<std::string> words(int line) const {
        std::istringstream in(lines_[static_cast<std::size_t>(line)]);
        std::vector<std::string> out;
        for (std::string w; in >> w;) out.push_back(w);
        return out;
    }

    void read_coords() {
        const int n = instance_.dimension;
        instance_.coords.assign(static_cast<std::size_t>(n), {});
        std::vector<bool> seen(static_cast<std::size_t>(n), false);
        for (int read = 0; read < n;) {
            if (++line_ >= static_cast<int>(lines_.size())) fail(fmt::format("NODE_COORD_SECTION ends after {} of {} nodes", read, n));
            const auto w = words(line_);
            if (w.empty()) continue;
            if (w.size() != 3) fail(fmt::format("node line needs 'number x y', found {} fields", w.size()));
            const int id = to_int(w[0], "node number");
            if (id < 1 || id > n) fail(fmt::format("node number {} is outside 1..{}", id, n));
            if (seen[static_cast<std::size_t>(id - 1)]) fail(fmt::format("node {} appears twice", id));
            seen[static_cast<std::size_t>(id - 1)] = true;
            instance_.coords[static_cast<std::size_t>(id - 1)] = {to_double(w[1], "x"), to_double(w[2], "y")};
            ++read;
        }
    }

    void skip_lines(int count) {
        for (int read = 0; read < count && line_ + 1 < static_cast<int>(lines_.size());)
            if (!words(++line_).empty()) ++read;
    }

    // The numbers of the section, in file order, however they are split over lines.
    std::vector<double> read_numbers(std::size_t count) {
        std::vector<double> out;
        out.reserve(count);
        while (out.size() < count) {
            if (++line_ >= static_cast<int>(lines_.size()))
                fail(fmt::format("EDGE_WEIGHT_SECTION ends after {} of {} weights", out.size(), count));
            for (const auto& w : words(line_)) {
                if (out.size() == count) fail("more weights than the EDGE_WEIGHT_FORMAT holds");
                out.push_back(to_double(w, "weight"));
            }
        }
        return out;
    }

    void read_weights(const std::string& format) {
        const std::size_t n = static_cast<std::size_t>(instance_.dimension);
        DistanceMatrix m(n);
        // Triangular formats list row i's entries j > i (UPPER), j < i (LOWER), with the diagonal
        // for *_DIAG_*; *_COL formats are the transposed *_ROW ones, the same for a symmetric matrix.
        bool upper = false, diagonal = false;
        if (format == "FULL_MATRIX") {
            const auto v = read_numbers(n * n);
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j) m.at(i, j) = v[i * n + j];
            instance_.explicit_weights = std::move(m);
            return;
        } else if (format == "UPPER_ROW" || format == "LOWER_COL") upper = true;
        else if (format == "LOWER_ROW" || format == "UPPER_COL") upper = false;
        else if (format == "UPPER_DIAG_ROW" || format == "LOWER_DIAG_COL") upper = true, diagonal = true;
        else if (format == "LOWER_DIAG_ROW" || format == "UPPER_DIAG_COL") diagonal = true;
        else fail(fmt::format("EDGE_WEIGHT_FORMAT '{}' is not supported", format));
        const std::size_t count = diagonal ? n * (n + 1) / 2 : n * (n - 1) / 2;
        const auto v = read_numbers(count);
        std::size_t k = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t from = upper ? (diagonal ? i : i + 1) : 0;
            const std::size_t to = upper ? n : (diagonal ? i + 1 : i);
            for (std::size_t j = from; j < to; ++j) {
                m.at(i, j) = v[k];
                m.at(j, i) = v[k];
                ++k;
            }
        }
        instance_.explicit_weights = std::move(m);
    }

    std::string file_;
    std::set<std::string> seen_;  // keywords read
    std::vector<std::string> lines_;
    int line_ = 0;
    TsplibInstance instance_;
};

// TSPLIB's nint, (int)(x + 0.5) for the non-negative distances it rounds, without the cast: a
// distance above INT_MAX is a valid double, not undefined behaviour (found by fuzzing).
double nint(double x) { return std::floor(x + 0.5); }

// TSPLIB95 section 2.4: DDD.MM to radians, with PI = 3.141592 as the reference code has it.
double geo_radians(double ddd_mm) {
    constexpr double pi = 3.141592;
    const double degrees = std::trunc(ddd_mm);  // truncation, as Concorde and the optima use
    const double minutes = ddd_mm - degrees;
    return pi * (degrees + 5.0 * minutes / 3.0) / 180.0;
}

}  // namespace

TsplibInstance parse_tsplib(const std::string& text, const std::string& file_name) {
    return Parser(text, file_name).parse();
}

TsplibInstance read_tsplib(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BadInput(fmt::format("{}: cannot open the TSPLIB file", path.string()));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_tsplib(text.str(), path.filename().string());
}

double tsplib_distance(EdgeWeightType type, const TsplibCoord& a, const TsplibCoord& b) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    switch (type) {
    case EdgeWeightType::euc_2d: return nint(std::sqrt(dx * dx + dy * dy));
    case EdgeWeightType::ceil_2d: return std::ceil(std::sqrt(dx * dx + dy * dy));
    case EdgeWeightType::att: {
        const double r = std::sqrt((dx * dx + dy * dy) / 10.0);
        const double t = nint(r);
        return t < r ? t + 1 : t;
    }
    case EdgeWeightType::geo: {
        constexpr double rrr_km = 6378.388;
        const double lat_a = geo_radians(a.x), lon_a = geo_radians(a.y);
        const double lat_b = geo_radians(b.x), lon_b = geo_radians(b.y);
        const double q1 = std::cos(lon_a - lon_b);
        const double q2 = std::cos(lat_a - lat_b);
        const double q3 = std::cos(lat_a + lat_b);
        const double cos_angle = std::clamp(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3), -1.0, 1.0);
        return std::floor(rrr_km * std::acos(cos_angle) + 1.0);
    }
    case EdgeWeightType::explicit_matrix: break;
    }
    throw InternalError("tsplib_distance called for EXPLICIT weights");
}

DistanceMatrix tsplib_matrix(const TsplibInstance& instance) {
    if (instance.weight_type == EdgeWeightType::explicit_matrix) return instance.explicit_weights;
    const auto& c = instance.coords;
    return DistanceMatrix(c.size(), [&](std::size_t i, std::size_t j) {
        return tsplib_distance(instance.weight_type, c[i], c[j]);
    });
}

void write_tsplib_tour(const std::filesystem::path& path, const std::string& name,
                       const std::vector<int>& order, double length) {
    std::ostringstream out;
    out << "NAME : " << name << ".tour\n"
        << "COMMENT : Length " << fmt::format("{}", length) << " (PatrolMap)\n"
        << "TYPE : TOUR\n"
        << "DIMENSION : " << order.size() << "\nTOUR_SECTION\n";
    for (const int node : order) out << node + 1 << '\n';
    out << "-1\nEOF\n";
    write_file_atomically(path, out.str());
}

}  // namespace geo::tsp
