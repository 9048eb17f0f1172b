#include "geo/evaluate/field_condition.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "geo/io/row.h"
#include "geo/util/error.h"

namespace geo {
namespace {

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

// The value's text, or nullopt when the incident has no such field.
std::optional<std::string> field_text(const Incident& incident, const std::string& field) {
    if (same_name(field, "fraud_type")) return std::string(name_of(incident.fraud_type));
    if (same_name(field, "victim_age_band")) return std::string(name_of(incident.victim_age_band));
    if (same_name(field, "outcome")) return std::string(name_of(incident.outcome));
    if (same_name(field, "source")) return std::string(name_of(incident.source));
    for (const auto& [name, value] : incident.extras)
        if (same_name(name, field)) return to_text(value);
    return std::nullopt;
}

bool is_vocabulary_field(const std::string& field) {
    return same_name(field, "fraud_type") || same_name(field, "victim_age_band") || same_name(field, "outcome") ||
           same_name(field, "source");
}

}  // namespace

FieldCondition parse_field_condition(std::string_view text) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw BadInput("--where '" + std::string(text) + "' must look like FIELD=VALUE (e.g. CATEGORY=BURGLARY)");
    return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

bool matches_all(const Incident& incident, const std::vector<FieldCondition>& conditions) {
    for (const auto& c : conditions) {
        const auto text = field_text(incident, c.field);
        if (!text || *text != c.value) return false;
    }
    return true;
}

void require_known_fields(const District& district, const std::vector<FieldCondition>& conditions) {
    for (const auto& c : conditions) {
        if (is_vocabulary_field(c.field)) continue;
        const bool known = std::any_of(district.incidents.begin(), district.incidents.end(), [&](const Incident& i) {
            return std::any_of(i.extras.begin(), i.extras.end(), [&](const auto& e) { return same_name(e.first, c.field); });
        });
        if (!known)
            throw BadInput("--where " + c.field + "=" + c.value + ": no incident in the workspace has a field " + c.field);
    }
}

}  // namespace geo
