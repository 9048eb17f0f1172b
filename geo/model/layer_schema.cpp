#include "geo/model/layer_schema.h"

#include <array>

#include "geo/model/enums.h"

namespace geo {
namespace {

template <class E> constexpr std::span<const std::string_view> names() {
    return EnumNames<E>::names;
}
constexpr std::array<std::string_view, 3> kBuildingFlagNames = {"elderly_alone", "past_victim",
                                                                "no_app"};
constexpr double kMaxPeople = 10'000'000;      // no neighbourhood holds more
constexpr double kMaxYuan = 10'000'000'000.0;  // ¥10 billion: beyond any single fraud case
constexpr double kMaxHouseholds = 1'000'000;

using F = FieldKind;

// Every layer's rows belong to a station (a city workspace holds many): in PostGIS a station's
// users may write only their own rows (row-level security, workspace_store.h). Empty in a
// one-station workspace and for rows only the city's administrator writes.
constexpr FieldSpec kStationField = {"station_id", F::text, false, "", 0, 0, {},
                                     "the station whose row it is (stations.id); only its users may change it"};

constexpr std::array<FieldSpec, 4> kStationFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id (S01)"},
    {"name", F::text, false, "", 0, 0, {}, "Chinese name (江南派出所)"},
    {"name_en", F::text, false, "", 0, 0, {}, "English name"},
    {"role", F::text, false, "", 0, 0, {}, "PostgreSQL role whose members are the station's users"},
}};

constexpr std::array<FieldSpec, 14> kNeighbourhoodFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"name", F::text, false, "", 0, 0, {}, "Chinese name"},
    {"name_en", F::text, false, "", 0, 0, {}, "English alias"},
    {"residents", F::integer, true, "", 0, kMaxPeople, {}, "registered residents"},
    {"transients", F::integer, true, "", 0, kMaxPeople, {}, "transient (floating) population"},
    {"households", F::integer, false, "0", 0, kMaxHouseholds, {}, "households"},
    {"officer_id", F::text, false, "", 0, 0, {}, "the responsible officer (一小区一民警)"},
    {"app_adoption", F::real, false, "", 0, 1, {}, "share of residents with the anti-fraud app, 0..1; NULL = unknown"},
    {"liaison", F::text, false, "", 0, 0, {}, "anti-fraud liaison group or contact"},
    {"age_under_25", F::real, false, "", 0, 1, {}, "share of residents under 25, 0..1; NULL = unknown"},
    {"age_25_44", F::real, false, "", 0, 1, {}, "share aged 25-44, 0..1; NULL = unknown"},
    {"age_45_59", F::real, false, "", 0, 1, {}, "share aged 45-59, 0..1; NULL = unknown"},
    {"age_60_plus", F::real, false, "", 0, 1, {}, "share aged 60 and over, 0..1; NULL = unknown"},
    kStationField,
}};

constexpr std::array<FieldSpec, 7> kOfficerFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"name", F::text, false, "", 0, 0, {}, "name"},
    {"phone", F::text, false, "", 0, 0, {}, "phone"},
    {"post_site_id", F::text, false, "", 0, 0, {}, "site the officer starts from (or the point geometry)"},
    {"weekly_hours", F::real, false, "0", 0, 168, {}, "hours a week for visits"},
    {"photo", F::text, false, "", 0, 0, {}, "path of the officer's photo for contact cards (relative to the workspace)"},
    kStationField,
}};

constexpr std::array<FieldSpec, 9> kIncidentFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"time", F::datetime, true, "", 0, 0, {}, "when it happened (ISO 8601; no zone = workspace zone)"},
    {"fraud_type", F::enumeration, false, "other", 0, 0, names<FraudType>(), "kind of fraud"},
    {"loss_yuan", F::real, false, "0", 0, kMaxYuan, {}, "money lost, yuan"},
    {"victim_age_band", F::enumeration, false, "unknown", 0, 0, names<AgeBand>(), "victim's age band"},
    {"outcome", F::enumeration, false, "unknown", 0, 0, names<Outcome>(), "what became of it"},
    {"recovered_yuan", F::real, false, "0", 0, kMaxYuan, {}, "money recovered, yuan"},
    {"source", F::enumeration, false, "unknown", 0, 0, names<IncidentSource>(), "how the station learnt of it"},
    kStationField,
}};

constexpr std::array<FieldSpec, 6> kPosterFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"kind", F::enumeration, false, "poster", 0, 0, names<PosterKind>(), "poster, police contact card or warning banner"},
    {"installed", F::datetime, false, "", 0, 0, {}, "when it went up"},
    {"removed", F::datetime, false, "", 0, 0, {}, "when it came down; NULL while still up"},
    {"building_id", F::text, false, "", 0, 0, {}, "building it hangs in"},
    kStationField,
}};

constexpr std::array<FieldSpec, 6> kBuildingFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"neighbourhood_id", F::text, false, "", 0, 0, {}, "neighbourhood it belongs to"},
    {"address", F::text, false, "", 0, 0, {}, "address"},
    {"households", F::integer, false, "0", 0, kMaxHouseholds, {}, "households"},
    {"flags", F::flags, false, "", 0, 0, kBuildingFlagNames, "comma-separated: elderly_alone, past_victim, no_app"},
    kStationField,
}};

constexpr std::array<FieldSpec, 6> kSiteFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"kind", F::enumeration, false, "other", 0, 0, names<SiteKind>(), "kind of site"},
    {"name", F::text, false, "", 0, 0, {}, "name"},
    {"phone", F::text, false, "", 0, 0, {}, "phone"},
    {"audience", F::integer, false, "0", 0, kMaxPeople, {}, "people a talk there reaches (pupils, workers, villagers); 0 = unknown"},
    kStationField,
}};

constexpr std::array<FieldSpec, 6> kRoadFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"class", F::enumeration, false, "local", 0, 0, names<RoadClass>(), "road class"},
    {"name", F::text, false, "", 0, 0, {}, "name"},
    {"oneway", F::boolean, false, "0", 0, 1, {}, "one-way in digitised direction"},
    {"speed_kmh", F::real, false, "", 0, 200, {}, "speed; NULL = by class (60/50/30/15/5)"},
    kStationField,
}};

constexpr std::array<FieldSpec, 9> kWarningFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"time", F::datetime, true, "", 0, 0, {}, "when the warning came (ISO 8601; no zone = workspace zone)"},
    {"channel", F::enumeration, false, "other", 0, 0, names<WarningChannel>(), "how it came: bank, property manager, call, SMS interception, door visit, app"},
    {"site_id", F::text, false, "", 0, 0, {}, "the bank or property office that raised it"},
    {"neighbourhood_id", F::text, false, "", 0, 0, {}, "neighbourhood of the person warned"},
    {"outcome", F::enumeration, false, "unknown", 0, 0, names<WarningOutcome>(), "what came of it"},
    {"amount_protected_yuan", F::real, false, "0", 0, kMaxYuan, {}, "money kept from the fraudster, yuan"},
    {"officer_id", F::text, false, "", 0, 0, {}, "the officer who stepped in"},
    kStationField,
}};

// School transport (校车安全, issue 17). Seats and occupants count everyone aboard, the driver
// included, as the registration's rated occupants (核载人数) do.
constexpr double kMaxSeats = 100;  // no bus holds more

constexpr std::array<FieldSpec, 8> kVehicleFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"plate", F::text, true, "", 0, 0, {}, "number plate (personal data: never in a public export)"},
    {"seats", F::integer, true, "", 1, kMaxSeats, {}, "rated occupants, driver included (核载人数)"},
    {"use", F::enumeration, true, "", 0, 0, names<VehicleUse>(), "registered use (使用性质): non-commercial, commercial or school bus"},
    {"school_transport_licence", F::boolean, false, "0", 0, 1, {}, "licensed to carry pupils (校车使用许可)"},
    {"owner", F::text, false, "", 0, 0, {}, "owner: a person, a company or a school"},
    {"school_id", F::text, false, "", 0, 0, {}, "the school site it carries pupils for, if it is one of the sites"},
    kStationField,
}};

constexpr std::array<FieldSpec, 6> kSightingFields = {{
    {"id", F::text, true, "", 0, 0, {}, "unique id"},
    {"camera_id", F::text, true, "", 0, 0, {}, "the camera (a site of kind camera) that saw it"},
    {"plate", F::text, true, "", 0, 0, {}, "number plate read (personal data: never in a public export)"},
    {"time", F::datetime, true, "", 0, 0, {}, "when it passed (ISO 8601; no zone = workspace zone)"},
    {"occupants", F::integer, false, "", 1, kMaxSeats * 2, {}, "people counted aboard, driver included; NULL = not counted"},
    kStationField,
}};

constexpr std::array<LayerSpec, 11> kLayers = {{
    {LayerKind::neighbourhoods, "neighbourhoods", GeometryKind::polygon, kNeighbourhoodFields,
     "residential neighbourhoods (小区/村) with population"},
    {LayerKind::officers, "officers", GeometryKind::optional_point, kOfficerFields,
     "community officers and where they start"},
    {LayerKind::incidents, "incidents", GeometryKind::point, kIncidentFields,
     "fraud cases"},
    {LayerKind::posters, "posters", GeometryKind::point, kPosterFields,
     "posters, police contact cards and warning banners"},
    {LayerKind::buildings, "buildings", GeometryKind::point_or_polygon, kBuildingFields,
     "residential buildings"},
    {LayerKind::sites, "sites", GeometryKind::point, kSiteFields,
     "police station, banks, property offices, schools, enterprises ..."},
    {LayerKind::roads, "roads", GeometryKind::line, kRoadFields, "street network"},
    {LayerKind::warnings, "warnings", GeometryKind::optional_point, kWarningFields,
     "early warnings (预警) and the dissuasions and stopped payments they led to"},
    {LayerKind::vehicles, "vehicles", GeometryKind::none, kVehicleFields,
     "vehicles on the school run: plate, rated seats, registered use, school-transport licence"},
    {LayerKind::sightings, "sightings", GeometryKind::optional_point, kSightingFields,
     "vehicles seen by the cameras (at the camera; taken from the camera when the source has no point)"},
    {LayerKind::stations, "stations", GeometryKind::none, kStationFields,
     "police stations sharing a city workspace, and the database role of each one's users"},
}};

}  // namespace

const FieldSpec* LayerSpec::field(std::string_view field_name) const {
    for (const auto& f : fields)
        if (f.name == field_name) return &f;
    return nullptr;
}

const LayerSpec& layer_spec(LayerKind kind) { return kLayers[static_cast<std::size_t>(kind)]; }

std::span<const LayerSpec> all_layer_specs() { return kLayers; }

std::optional<LayerKind> parse_layer_kind(std::string_view name) {
    for (const auto& spec : kLayers)
        if (spec.name == name) return spec.kind;
    return std::nullopt;
}

std::string layer_names_list() {
    std::string out;
    for (std::size_t i = 0; i < kLayers.size(); ++i) {
        if (i) out += (i + 1 == kLayers.size()) ? " or " : ", ";
        out += kLayers[i].name;
    }
    return out;
}

}  // namespace geo
