#include "geo/placement/incident_weights.h"

#include <algorithm>
#include <cmath>

#include "geo/util/error.h"

namespace geo {

IncidentWeighting::Base parse_weight_base(const std::string& text, std::string& field) {
    if (text.empty()) throw BadInput("--weight is empty: give loss, none or the name of a numeric field");
    if (text == "none") return IncidentWeighting::Base::none;
    if (text == "loss") return IncidentWeighting::Base::loss;
    field = text;
    return IncidentWeighting::Base::field;
}

WeightedIncidents weigh_incidents(const std::vector<const Incident*>& incidents, const IncidentWeighting& weighting,
                                  Timestamp reference) {
    if (!(weighting.half_life_days >= 0) || !std::isfinite(weighting.half_life_days))
        throw BadInput("--half-life " + std::to_string(weighting.half_life_days) + " is not a number of days >= 0");
    WeightedIncidents out;
    out.weights.reserve(incidents.size());
    for (const Incident* incident : incidents) {
        double w = 1.0;
        if (weighting.base == IncidentWeighting::Base::loss) {
            w = std::max(0.0, incident->loss_yuan);
        } else if (weighting.base == IncidentWeighting::Base::field) {
            w = 0;
            const auto it = incident->extras.find(weighting.field);
            if (it == incident->extras.end()) {
                ++out.without_field_value;
            } else if (const auto* i = std::get_if<std::int64_t>(&it->second)) {
                w = static_cast<double>(*i);
            } else if (const auto* d = std::get_if<double>(&it->second)) {
                w = std::isfinite(*d) ? *d : 0.0;
            } else {
                ++out.without_field_value;
            }
            w = std::max(0.0, w);
        }
        if (weighting.half_life_days > 0) {
            const double age_days = std::max(0.0, std::chrono::duration<double>(reference - incident->time).count() / 86400.0);
            w *= std::exp2(-age_days / weighting.half_life_days);
        }
        out.weights.push_back(w);
    }
    if (weighting.base == IncidentWeighting::Base::field && !incidents.empty() &&
        out.without_field_value == incidents.size())
        throw BadInput("--weight " + weighting.field + ": no incident has a number in field " + weighting.field);
    return out;
}

}  // namespace geo
