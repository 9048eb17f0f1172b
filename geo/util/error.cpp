#include "geo/util/error.h"

namespace geo {

std::string where(const std::string& file, const std::string& feature_id,
                  const std::string& field) {
    std::string out = file;
    if (!feature_id.empty()) out += " feature " + feature_id;
    if (!field.empty()) out += ": field " + field;
    return out;
}

}  // namespace geo
