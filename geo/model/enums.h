#pragma once
// The closed vocabularies of the workspace (fraud types, outcomes, ...), with their stored names.
// Stored names are lower-case ASCII so that files stay portable; the UI translates them.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace geo {

enum class FraudType { investment, health_product, online_shopping, order_brushing,
                       impersonation_police, loan, romance, other };
enum class AgeBand { under_25, age_25_44, age_45_59, age_60_plus, unknown };
enum class Outcome { lost, dissuaded, payment_stopped, recovered, unknown };
enum class IncidentSource { report, bank_warning, property_warning, patrol, unknown };
enum class PosterKind { poster, contact_card, banner };
// camera: a public-security camera (天网); police_box: a police box or service point (警务室/岗亭).
enum class SiteKind { police_station, bank, property_office, school, enterprise,
                      village_committee, community_centre, other, camera, police_box };
enum class RoadClass { provincial, arterial, local, alley, path };
// Early warnings (预警): how the warning reached the person, and what came of it.
enum class WarningChannel { bank, property, phone_call, sms_intercept, door_visit, app_alert, other };
enum class WarningOutcome { dissuaded, payment_stopped, lost, unknown };
// How a GPS track was made: an officer on foot (a phone) or a patrol car.
enum class TrackMode { walking, driving };
// A vehicle's registered use (使用性质): private (非营运), commercial passenger transport (营运)
// or a school bus (校车).
enum class VehicleUse { non_commercial, commercial, school_bus };

template <class E> struct EnumNames;
template <> struct EnumNames<FraudType> {
    static constexpr std::array<std::string_view, 8> names = {
        "investment", "health_product", "online_shopping", "order_brushing",
        "impersonation_police", "loan", "romance", "other"};
};
template <> struct EnumNames<AgeBand> {
    static constexpr std::array<std::string_view, 5> names = {
        "under_25", "25_44", "45_59", "60_plus", "unknown"};
};
template <> struct EnumNames<Outcome> {
    static constexpr std::array<std::string_view, 5> names = {
        "lost", "dissuaded", "payment_stopped", "recovered", "unknown"};
};
template <> struct EnumNames<IncidentSource> {
    static constexpr std::array<std::string_view, 5> names = {
        "report", "bank_warning", "property_warning", "patrol", "unknown"};
};
template <> struct EnumNames<PosterKind> {
    static constexpr std::array<std::string_view, 3> names = {"poster", "contact_card", "banner"};
};
template <> struct EnumNames<SiteKind> {
    static constexpr std::array<std::string_view, 10> names = {
        "police_station", "bank", "property_office", "school", "enterprise",
        "village_committee", "community_centre", "other", "camera", "police_box"};
};
template <> struct EnumNames<RoadClass> {
    static constexpr std::array<std::string_view, 5> names = {
        "provincial", "arterial", "local", "alley", "path"};
};

template <> struct EnumNames<WarningChannel> {
    static constexpr std::array<std::string_view, 7> names = {
        "bank", "property", "phone_call", "sms_intercept", "door_visit", "app_alert", "other"};
};
template <> struct EnumNames<WarningOutcome> {
    static constexpr std::array<std::string_view, 4> names = {
        "dissuaded", "payment_stopped", "lost", "unknown"};
};

template <> struct EnumNames<TrackMode> {
    static constexpr std::array<std::string_view, 2> names = {"walking", "driving"};
};
template <> struct EnumNames<VehicleUse> {
    static constexpr std::array<std::string_view, 3> names = {"non_commercial", "commercial", "school_bus"};
};

template <class E> constexpr std::string_view name_of(E value) {
    return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

// Exact match on the stored name; nullopt when the text is not one of them.
template <class E> std::optional<E> parse_enum(std::string_view text) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

// "a, b or c": for messages that list the allowed values.
template <class E> std::string allowed_names() {
    std::string out;
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += (i + 1 == names.size()) ? " or " : ", ";
        out += names[i];
    }
    return out;
}

// Default speeds by road class (km/h) when a source gives none: urban Chinese practice
// (provincial roads 60, arterials 50, local streets 30, alleys 15, footpaths walked at 5).
double default_speed_kmh(RoadClass road_class);

}  // namespace geo
