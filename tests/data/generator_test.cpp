// The synthetic Jiangnan sample: deterministic, and faithful to the station report's figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "data/generator/jiangnan.h"

namespace {

using namespace std::chrono;

const geo::District& sample_district() {
    static const geo::District district = sample::generate_jiangnan();
    return district;
}

// Asia/Shanghai is UTC+8 all year (no DST since 1991).
year_month_day local_day(geo::Timestamp t) { return year_month_day{floor<days>(t + hours{8})}; }

geo::Envelope district_envelope(const geo::District& d) {
    geo::Envelope e;
    for (const auto& hood : d.neighbourhoods) e.expand(geo::envelope_of(hood.area));
    return e;
}

// Even-odd ray casting; points on the boundary may go either way, so tests keep clear of it.
bool inside(const geo::Ring& ring, const geo::XY& p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const geo::XY& a = ring[i];
        const geo::XY& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            in = !in;
    }
    return in;
}

double signed_area_m2(const geo::Ring& ring) {
    double a2 = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        a2 += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return a2 / 2;
}

double distance_m(const geo::XY& a, const geo::XY& b) { return std::hypot(a.x - b.x, a.y - b.y); }

std::string extra_string(const geo::ExtraFields& extras, const std::string& key) {
    const auto it = extras.find(key);
    if (it == extras.end() || !std::holds_alternative<std::string>(it->second)) return {};
    return std::get<std::string>(it->second);
}

template <class T>
std::map<std::string, const T*> by_id(const std::vector<T>& records) {
    std::map<std::string, const T*> out;
    for (const auto& r : records) out[r.id] = &r;
    return out;
}

// Union-find over indices.
struct Components {
    std::vector<std::size_t> parent;
    std::size_t add() {
        parent.push_back(parent.size());
        return parent.size() - 1;
    }
    std::size_t find(std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
    std::size_t count() {
        std::size_t n = 0;
        for (std::size_t i = 0; i < parent.size(); ++i) n += find(i) == i;
        return n;
    }
};

using Key = std::pair<double, double>;
Key key(const geo::XY& p) { return {p.x, p.y}; }

// Field-by-field equality of every record (the model types define no operator==).
auto fields(const geo::Neighbourhood& n) {
    return std::tie(n.id, n.name, n.name_en, n.residents, n.transients, n.households,
                    n.officer_id, n.app_adoption, n.liaison, n.area, n.extras);
}
auto fields(const geo::Officer& o) {
    return std::tie(o.id, o.name, o.phone, o.post_site_id, o.weekly_hours, o.post, o.extras);
}
auto fields(const geo::Incident& i) {
    return std::tie(i.id, i.time, i.fraud_type, i.loss_yuan, i.victim_age_band, i.outcome,
                    i.recovered_yuan, i.source, i.location, i.extras);
}
auto fields(const geo::Poster& p) {
    return std::tie(p.id, p.kind, p.installed, p.removed, p.building_id, p.location, p.extras);
}
auto fields(const geo::Building& b) {
    return std::tie(b.id, b.neighbourhood_id, b.address, b.households, b.flags, b.footprint,
                    b.location, b.extras);
}
auto fields(const geo::Site& s) {
    return std::tie(s.id, s.kind, s.name, s.phone, s.location, s.extras);
}
auto fields(const geo::Road& r) {
    return std::tie(r.id, r.road_class, r.name, r.oneway, r.speed_kmh, r.line, r.extras);
}

template <class T>
void check_same_layer(const std::vector<T>& a, const std::vector<T>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("record ", i, " id ", a[i].id);
        CHECK(fields(a[i]) == fields(b[i]));
    }
}

}  // namespace

TEST_CASE("the same seed gives the same district, field by field") {
    const geo::District a = sample::generate_jiangnan(sample::kDefaultSeed);
    const geo::District b = sample::generate_jiangnan(sample::kDefaultSeed);
    CHECK(std::tie(a.metadata.name, a.metadata.synthetic, a.metadata.crs, a.metadata.timezone,
                   a.metadata.created, a.metadata.updated, a.metadata.schema_version) ==
          std::tie(b.metadata.name, b.metadata.synthetic, b.metadata.crs, b.metadata.timezone,
                   b.metadata.created, b.metadata.updated, b.metadata.schema_version));
    check_same_layer(a.neighbourhoods, b.neighbourhoods);
    check_same_layer(a.officers, b.officers);
    check_same_layer(a.incidents, b.incidents);
    check_same_layer(a.posters, b.posters);
    check_same_layer(a.buildings, b.buildings);
    check_same_layer(a.sites, b.sites);
    check_same_layer(a.roads, b.roads);
}

TEST_CASE("another seed gives other incidents") {
    const geo::District a = sample::generate_jiangnan(sample::kDefaultSeed);
    const geo::District b = sample::generate_jiangnan(sample::kDefaultSeed + 1);
    REQUIRE(a.incidents.size() == b.incidents.size());  // the month totals are fixed
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.incidents.size(); ++i)
        differing += fields(a.incidents[i]) != fields(b.incidents[i]);
    CHECK(differing > a.incidents.size() / 2);
}

TEST_CASE("metadata marks the sample as synthetic, in EPSG:4549, with fixed dates") {
    const auto& m = sample_district().metadata;
    CHECK(m.synthetic);
    CHECK(m.crs == "EPSG:4549");
    CHECK(m.timezone == "Asia/Shanghai");
    CHECK(m.created == "2021-01-01T00:00:00Z");
    CHECK(m.updated == "2021-01-01T00:00:00Z");
    CHECK(m.schema_version == 1);
    CHECK(m.name.find("江南街道") != std::string::npos);
}

TEST_CASE("the district is 6 km by 5 km around 120.03E 28.90N in Gauss-Kruger metres") {
    // gdaltransform EPSG:4490 -> EPSG:4549 of 120.03 28.90 gives 502925.98 3198186.20.
    const geo::Envelope e = district_envelope(sample_district());
    CHECK(e.width() == doctest::Approx(6000).epsilon(1e-9));
    CHECK(e.height() == doctest::Approx(5000).epsilon(1e-9));
    CHECK(std::abs((e.min_x + e.max_x) / 2 - 502925.98) < 1.0);
    CHECK(std::abs((e.min_y + e.max_y) / 2 - 3198186.20) < 1.0);
}

TEST_CASE("population totals match the station report") {
    const auto& hoods = sample_district().neighbourhoods;
    CHECK(hoods.size() >= 30);
    CHECK(hoods.size() <= 40);
    std::int64_t residents = 0, transients = 0;
    double adoption_sum = 0;
    for (const auto& hood : hoods) {
        INFO(hood.id, " ", hood.name);
        residents += hood.residents;
        transients += hood.transients;
        REQUIRE(hood.app_adoption.has_value());
        CHECK(*hood.app_adoption >= 0.80);
        CHECK(*hood.app_adoption <= 0.99);
        adoption_sum += *hood.app_adoption;
        // Households are residents / 2.6, rounded.
        CHECK(std::abs(static_cast<double>(hood.households) -
                       static_cast<double>(hood.residents) / 2.6) <= 0.5);
    }
    CHECK(residents == 65'000);
    CHECK(transients == 34'000);
    const double mean_adoption = adoption_sum / static_cast<double>(hoods.size());
    INFO("mean adoption ", mean_adoption);
    CHECK(std::abs(mean_adoption - 0.92) <= 0.005);
}

TEST_CASE("neighbourhoods have distinct Chinese names, English aliases and liaison groups") {
    std::set<std::string> names, aliases;
    for (const auto& hood : sample_district().neighbourhoods) {
        names.insert(hood.name);
        aliases.insert(hood.name_en);
        CHECK(!hood.name_en.empty());
        CHECK(hood.liaison.rfind("江南反诈联络群-", 0) == 0);
    }
    CHECK(names.size() == sample_district().neighbourhoods.size());
    CHECK(aliases.size() == sample_district().neighbourhoods.size());
}

TEST_CASE("transients concentrate in neighbourhoods near the enterprises") {
    const auto& d = sample_district();
    double near_transients = 0, near_people = 0, far_transients = 0, far_people = 0;
    for (const auto& hood : d.neighbourhoods) {
        const geo::XY c = geo::centroid(hood.area);
        double nearest_m = INFINITY;
        for (const auto& site : d.sites)
            if (site.kind == geo::SiteKind::enterprise)
                nearest_m = std::min(nearest_m, distance_m(site.location, c));
        const double people = static_cast<double>(hood.residents + hood.transients);
        const double transients = static_cast<double>(hood.transients);
        (nearest_m < 1500 ? near_transients : far_transients) += transients;
        (nearest_m < 1500 ? near_people : far_people) += people;
    }
    REQUIRE(near_people > 0);
    REQUIRE(far_people > 0);
    CHECK(near_transients / near_people > 1.5 * far_transients / far_people);
}

TEST_CASE("neighbourhoods tile the district: shared edges, no gaps, no overlaps") {
    // Each lattice edge belongs to two cells, or to one on the district boundary; the areas
    // add up to the envelope's. Together: a tiling.
    //   +---+---+
    //   | a | b |   the edge between a and b is listed once by each
    //   +---+---+
    const auto& d = sample_district();
    const geo::Envelope e = district_envelope(d);
    std::map<std::pair<Key, Key>, int> edge_use;
    double area_sum_m2 = 0;
    for (const auto& hood : d.neighbourhoods) {
        REQUIRE(hood.area.size() == 1);
        const geo::Ring& ring = hood.area[0].outer;
        REQUIRE(ring.size() >= 4);
        CHECK(ring.front() == ring.back());
        CHECK(signed_area_m2(ring) > 0);  // counter-clockwise
        area_sum_m2 += geo::area_m2(hood.area);
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            ++edge_use[std::minmax(key(ring[i]), key(ring[i + 1]))];
    }
    CHECK(area_sum_m2 == doctest::Approx(e.width() * e.height()).epsilon(1e-9));
    for (const auto& [edge, uses] : edge_use) {
        const auto& [p, q] = edge;
        const bool on_boundary = (p.first == e.min_x && q.first == e.min_x) ||
                                 (p.first == e.max_x && q.first == e.max_x) ||
                                 (p.second == e.min_y && q.second == e.min_y) ||
                                 (p.second == e.max_y && q.second == e.max_y);
        CHECK(uses == (on_boundary ? 1 : 2));
    }
}

TEST_CASE("monthly incidents reproduce the report's May -6.5% and June -37.9%") {
    std::array<int, 13> per_month{};
    for (const auto& incident : sample_district().incidents) {
        const year_month_day day = local_day(incident.time);
        REQUIRE(day.year() == year{2021});
        ++per_month[static_cast<unsigned>(day.month())];
    }
    auto change_pct = [](int before, int after) {
        return std::round(1000.0 * (after - before) / before) / 10.0;  // one decimal
    };
    INFO("April ", per_month[4], ", May ", per_month[5], ", June ", per_month[6]);
    CHECK(change_pct(per_month[4], per_month[5]) == doctest::Approx(-6.5));
    CHECK(change_pct(per_month[5], per_month[6]) == doctest::Approx(-37.9));
    const int total = std::accumulate(per_month.begin(), per_month.end(), 0);
    CHECK(total >= 2000);
    CHECK(total <= 3500);
}

TEST_CASE("every incident lies in the district, in its victim's neighbourhood, in local 2021") {
    const auto& d = sample_district();
    const geo::Envelope e = district_envelope(d);
    const auto buildings = by_id(d.buildings);
    const auto hoods = by_id(d.neighbourhoods);
    for (const auto& incident : d.incidents) {
        INFO(incident.id);
        CHECK(e.contains(incident.location));
        CHECK(local_day(incident.time).year() == year{2021});
        const auto b = buildings.find(extra_string(incident.extras, "building_id"));
        REQUIRE(b != buildings.end());
        CHECK(distance_m(b->second->location, incident.location) < 50);
        CHECK(inside(hoods.at(b->second->neighbourhood_id)->area[0].outer, incident.location));
    }
}

TEST_CASE("incident money adds up: no negative loss, recovery only when recovered") {
    int warnings = 0, warnings_stopped = 0;
    for (const auto& incident : sample_district().incidents) {
        INFO(incident.id);
        CHECK(incident.loss_yuan >= 0);
        CHECK(incident.loss_yuan < 1e6);
        CHECK(incident.recovered_yuan <= incident.loss_yuan);
        CHECK((incident.recovered_yuan > 0) == (incident.outcome == geo::Outcome::recovered));
        const bool warned = incident.source == geo::IncidentSource::bank_warning ||
                            incident.source == geo::IncidentSource::property_warning;
        warnings += warned;
        warnings_stopped += warned && (incident.outcome == geo::Outcome::dissuaded ||
                                       incident.outcome == geo::Outcome::payment_stopped);
    }
    REQUIRE(warnings > 0);
    CHECK(static_cast<double>(warnings_stopped) / warnings > 0.75);
}

TEST_CASE("60-plus victims mostly lose to investment and health-product scams") {
    int elderly = 0, elderly_investment_or_health = 0, young = 0, young_shopping_or_brushing = 0;
    for (const auto& incident : sample_district().incidents) {
        const auto type = incident.fraud_type;
        if (incident.victim_age_band == geo::AgeBand::age_60_plus) {
            ++elderly;
            elderly_investment_or_health +=
                type == geo::FraudType::investment || type == geo::FraudType::health_product;
        }
        if (incident.victim_age_band == geo::AgeBand::under_25 ||
            incident.victim_age_band == geo::AgeBand::age_25_44) {
            ++young;
            young_shopping_or_brushing += type == geo::FraudType::online_shopping ||
                                          type == geo::FraudType::order_brushing;
        }
    }
    REQUIRE(elderly > 0);
    REQUIRE(young > 0);
    CHECK(static_cast<double>(elderly_investment_or_health) / elderly > 0.6);
    CHECK(static_cast<double>(young_shopping_or_brushing) / young > 0.5);
}

TEST_CASE("some buildings are hit again within six weeks (repeat victimisation)") {
    std::map<std::string, std::vector<geo::Timestamp>> times_at;
    for (const auto& incident : sample_district().incidents)
        times_at[extra_string(incident.extras, "building_id")].push_back(incident.time);
    int repeats = 0;
    for (auto& [building, times] : times_at) {
        std::sort(times.begin(), times.end());
        for (std::size_t i = 1; i < times.size(); ++i)
            repeats += times[i] - times[i - 1] <= days{42};
    }
    CHECK(repeats > static_cast<int>(sample_district().incidents.size()) / 20);
}

TEST_CASE("every neighbourhood has exactly one officer, and each officer's patch is adjacent") {
    const auto& d = sample_district();
    const auto officers = by_id(d.officers);
    CHECK(officers.size() == d.officers.size());
    CHECK(d.officers.size() >= 10);
    CHECK(d.officers.size() <= 14);
    std::map<std::string, std::vector<const geo::Neighbourhood*>> patch;
    for (const auto& hood : d.neighbourhoods) {
        INFO(hood.id);
        CHECK(officers.count(hood.officer_id) == 1);
        patch[hood.officer_id].push_back(&hood);
    }
    CHECK(patch.size() == d.officers.size());  // nobody without a patch
    // Within a patch, neighbourhoods sharing an edge (two vertices) are joined: one component.
    for (const auto& [officer_id, hoods] : patch) {
        INFO(officer_id);
        Components components;
        for (std::size_t i = 0; i < hoods.size(); ++i) components.add();
        for (std::size_t i = 0; i < hoods.size(); ++i)
            for (std::size_t j = i + 1; j < hoods.size(); ++j) {
                int shared = 0;
                for (std::size_t a = 0; a + 1 < hoods[i]->area[0].outer.size(); ++a)
                    for (std::size_t b = 0; b + 1 < hoods[j]->area[0].outer.size(); ++b)
                        shared += hoods[i]->area[0].outer[a] == hoods[j]->area[0].outer[b];
                if (shared >= 2) components.join(i, j);
            }
        CHECK(components.count() == 1);
    }
}

TEST_CASE("officers start from the one police station") {
    const auto& d = sample_district();
    const geo::Site* station = nullptr;
    int stations = 0;
    for (const auto& site : d.sites)
        if (site.kind == geo::SiteKind::police_station) station = &site, ++stations;
    REQUIRE(stations == 1);
    CHECK(station->name == "江南派出所");
    for (const auto& officer : d.officers) {
        INFO(officer.id);
        CHECK(officer.post_site_id == station->id);
        REQUIRE(officer.post.has_value());
        CHECK(*officer.post == station->location);
        CHECK(officer.weekly_hours == 40);
        CHECK(officer.phone.rfind("0579-8711", 0) == 0);
    }
}

TEST_CASE("roads meet at shared vertices and form one connected network") {
    // Union-find over exact vertex coordinates: consecutive vertices of a line are joined;
    // two roads connect only where they carry the very same coordinate.
    const auto& roads = sample_district().roads;
    Components components;
    std::map<Key, std::size_t> node;
    auto node_of = [&](const geo::XY& p) {
        const auto [it, fresh] = node.try_emplace(key(p), 0);
        if (fresh) it->second = components.add();
        return it->second;
    };
    std::map<Key, int> roads_through;
    for (const auto& road : roads) {
        INFO(road.id);
        REQUIRE(road.line.size() == 1);
        REQUIRE(road.line[0].size() >= 2);
        CHECK(road.speed_kmh == geo::default_speed_kmh(road.road_class));
        std::set<Key> mine;
        for (std::size_t i = 0; i < road.line[0].size(); ++i) {
            mine.insert(key(road.line[0][i]));
            if (i > 0) components.join(node_of(road.line[0][i - 1]), node_of(road.line[0][i]));
            else node_of(road.line[0][i]);
        }
        for (const auto& k : mine) ++roads_through[k];
    }
    CHECK(components.count() == 1);
    // Every road shares at least one vertex with another road.
    for (const auto& road : roads) {
        INFO(road.id);
        const bool joined =
            std::any_of(road.line[0].begin(), road.line[0].end(),
                        [&](const geo::XY& p) { return roads_through[key(p)] >= 2; });
        CHECK(joined);
    }
    std::map<geo::RoadClass, int> per_class;
    int oneway = 0, s217 = 0;
    for (const auto& road : roads) {
        ++per_class[road.road_class];
        oneway += road.oneway;
        s217 += road.name == "S217省道";
    }
    CHECK(per_class[geo::RoadClass::provincial] == 1);
    CHECK(s217 == 1);
    CHECK(per_class[geo::RoadClass::arterial] >= 2);
    CHECK(per_class[geo::RoadClass::local] > 0);
    CHECK(per_class[geo::RoadClass::alley] > 0);
    CHECK(per_class[geo::RoadClass::path] > 0);
    CHECK(oneway > 0);
    CHECK(oneway < per_class[geo::RoadClass::local]);
}

TEST_CASE("buildings lie inside their neighbourhood, with households summing to it") {
    const auto& d = sample_district();
    const auto hoods = by_id(d.neighbourhoods);
    std::map<std::string, std::int64_t> households;
    std::map<std::string, int> count;
    for (const auto& b : d.buildings) {
        INFO(b.id, " ", b.address);
        const auto hood = hoods.find(b.neighbourhood_id);
        REQUIRE(hood != hoods.end());
        REQUIRE(b.footprint.size() == 1);
        const geo::Ring& ring = b.footprint[0].outer;
        CHECK(ring.front() == ring.back());
        CHECK(signed_area_m2(ring) > 0);  // counter-clockwise
        const geo::Envelope e = geo::envelope_of(hood->second->area);
        for (const auto& p : ring) {
            CHECK(e.contains(p));
            CHECK(inside(hood->second->area[0].outer, p));
        }
        CHECK(distance_m(b.location, geo::centroid(b.footprint)) < 1e-6);
        CHECK(b.address.rfind("江南街道" + hood->second->name, 0) == 0);
        CHECK(b.households >= 1);
        households[b.neighbourhood_id] += b.households;
        ++count[b.neighbourhood_id];
    }
    for (const auto& hood : d.neighbourhoods) {
        INFO(hood.id);
        CHECK(households[hood.id] == hood.households);
        CHECK(count[hood.id] >= 5);
        CHECK(count[hood.id] < 100);
    }
}

TEST_CASE("past_victim flags exactly the buildings where incident victims lived") {
    const auto& d = sample_district();
    std::set<std::string> victims;
    for (const auto& incident : d.incidents)
        victims.insert(extra_string(incident.extras, "building_id"));
    int elderly_alone = 0, no_app = 0, past_victim = 0;
    for (const auto& b : d.buildings) {
        INFO(b.id);
        CHECK(b.flags.past_victim == (victims.count(b.id) == 1));
        elderly_alone += b.flags.elderly_alone;
        no_app += b.flags.no_app;
        past_victim += b.flags.past_victim;
    }
    // Each flag marks a minority.
    const auto n = static_cast<int>(d.buildings.size());
    CHECK(elderly_alone > 0);
    CHECK(elderly_alone < n / 2);
    CHECK(no_app > 0);
    CHECK(no_app < n / 2);
    CHECK(past_victim > 0);
    CHECK(past_victim < n / 2);
}

TEST_CASE("posters and contact cards cover most buildings, with gaps") {
    const auto& d = sample_district();
    const auto buildings = by_id(d.buildings);
    std::map<std::string, std::pair<int, int>> on;  // building -> (posters, cards)
    for (const auto& p : d.posters) {
        INFO(p.id);
        const auto b = buildings.find(p.building_id);
        REQUIRE(b != buildings.end());
        REQUIRE(p.installed.has_value());
        if (p.kind == geo::PosterKind::banner) continue;
        CHECK(distance_m(p.location, b->second->location) < 50);
        const year y = local_day(*p.installed).year();
        CHECK((y == year{2020} || y == year{2021}));
        CHECK(!p.removed.has_value());
        (p.kind == geo::PosterKind::poster ? on[p.building_id].first : on[p.building_id].second)++;
    }
    int neither = 0, one = 0, both = 0;
    for (const auto& b : d.buildings) {
        const auto [posters, cards] = on[b.id];
        CHECK(posters <= 1);
        CHECK(cards <= 1);
        (posters + cards == 0 ? neither : posters + cards == 1 ? one : both)++;
    }
    CHECK(neither > 0);
    CHECK(one > 0);
    CHECK(both > static_cast<int>(d.buildings.size()) / 2);
}

TEST_CASE("banners go up at case scenes a day or two after and come down about 30 days later") {
    const auto& d = sample_district();
    const auto incidents = by_id(d.incidents);
    int banners = 0;
    for (const auto& p : d.posters) {
        if (p.kind != geo::PosterKind::banner) continue;
        INFO(p.id);
        ++banners;
        const auto incident = incidents.find(extra_string(p.extras, "incident_id"));
        REQUIRE(incident != incidents.end());
        REQUIRE(p.installed.has_value());
        REQUIRE(p.removed.has_value());
        const auto days_after = (sys_days{local_day(*p.installed)} -
                                 sys_days{local_day(incident->second->time)}).count();
        CHECK(days_after >= 1);
        CHECK(days_after <= 2);
        const auto hanging = floor<days>(*p.removed - *p.installed).count();
        CHECK(hanging >= 25);
        CHECK(hanging <= 35);
        CHECK(distance_m(p.location, incident->second->location) < 50);
        CHECK(p.building_id == extra_string(incident->second->extras, "building_id"));
    }
    CHECK(banners > 0);
    CHECK(banners < 100);
}

TEST_CASE("sites: one police station, banks, property offices, schools, enterprises, committees, cameras, police boxes") {
    std::map<geo::SiteKind, int> per_kind;
    std::set<std::string> ids;
    for (const auto& site : sample_district().sites) {
        ++per_kind[site.kind];
        ids.insert(site.id);
        CHECK(!site.name.empty());
        if (site.kind != geo::SiteKind::camera) CHECK(site.phone.rfind("0579-", 0) == 0);  // a camera has no phone
        CHECK(district_envelope(sample_district()).contains(site.location));
    }
    CHECK(ids.size() == sample_district().sites.size());
    CHECK(per_kind[geo::SiteKind::police_station] == 1);
    CHECK(per_kind[geo::SiteKind::bank] >= 6);
    CHECK(per_kind[geo::SiteKind::bank] <= 10);
    CHECK(per_kind[geo::SiteKind::property_office] > 0);
    CHECK(per_kind[geo::SiteKind::school] > 0);
    CHECK(per_kind[geo::SiteKind::enterprise] > 0);
    CHECK(per_kind[geo::SiteKind::village_committee] > 0);
    CHECK(per_kind[geo::SiteKind::community_centre] > 0);
    CHECK(per_kind[geo::SiteKind::camera] >= 10);  // 天网 at the major corners
    CHECK(per_kind[geo::SiteKind::police_box] >= 1);
}

TEST_CASE("early warnings to the end of June reproduce the report's 5,100 dissuaded and ¥1.2 million kept") {
    // "自今年以来……经话务、信息拦截及上门劝阻等举措，成功劝阻5100余名群众被骗，挽回经济损失120余万元"
    const auto& d = sample_district();
    const auto sites = by_id(d.sites);
    const auto hoods = by_id(d.neighbourhoods);
    std::int64_t dissuaded = 0, by_call_or_sms = 0;
    double kept_yuan = 0;
    std::map<geo::WarningChannel, int> channels;
    std::set<std::string> ids;
    for (const auto& w : d.warnings) {
        INFO(w.id);
        CHECK(ids.insert(w.id).second);
        CHECK(local_day(w.time).year() == year{2021});
        REQUIRE(hoods.count(w.neighbourhood_id) == 1);
        CHECK(w.amount_protected_yuan >= 0);
        if (w.outcome == geo::WarningOutcome::lost || w.outcome == geo::WarningOutcome::unknown) CHECK(w.amount_protected_yuan == 0);
        if (w.channel == geo::WarningChannel::bank || w.channel == geo::WarningChannel::property) {
            // Raised at a bank counter or a property office: the site is named and the warning stands there.
            REQUIRE(sites.count(w.site_id) == 1);
            const geo::Site& s = *sites.at(w.site_id);
            CHECK(s.kind == (w.channel == geo::WarningChannel::bank ? geo::SiteKind::bank : geo::SiteKind::property_office));
            REQUIRE(w.location.has_value());
            CHECK(distance_m(*w.location, s.location) < 1e-6);
        }
        if (w.channel == geo::WarningChannel::sms_intercept) CHECK_FALSE(w.location.has_value());
        if (local_day(w.time).month() > month{6}) continue;
        ++channels[w.channel];
        if (w.outcome == geo::WarningOutcome::dissuaded) {
            ++dissuaded;
            by_call_or_sms += w.channel == geo::WarningChannel::phone_call || w.channel == geo::WarningChannel::sms_intercept;
        }
        kept_yuan += w.amount_protected_yuan;
    }
    INFO("dissuaded ", dissuaded, ", kept ¥", kept_yuan);
    CHECK(dissuaded >= 5100);
    CHECK(dissuaded < 5200);
    CHECK(kept_yuan >= 1.2e6);
    CHECK(kept_yuan < 1.3e6);
    CHECK(by_call_or_sms > dissuaded * 7 / 10);  // mostly by phone and SMS
    CHECK(channels[geo::WarningChannel::bank] > 0);
    CHECK(channels[geo::WarningChannel::property] > 0);
    CHECK(channels[geo::WarningChannel::door_visit] > 0);
}

TEST_CASE("neighbourhoods carry an age structure (villages older, transients younger) and venues an audience") {
    const auto& d = sample_district();
    double village_old = 0, estate_old = 0;
    int villages = 0, estates = 0;
    for (const auto& n : d.neighbourhoods) {
        INFO(n.id);
        double sum = 0;
        for (const auto& share : n.age_share) {
            REQUIRE(share.has_value());
            CHECK(*share > 0);
            sum += *share;
        }
        CHECK(sum == doctest::Approx(1).epsilon(0.005));
        const bool village = std::get<std::string>(n.extras.at("kind")) == "village";
        (village ? village_old : estate_old) += *n.age_share[3];
        ++(village ? villages : estates);
    }
    CHECK(village_old / villages > estate_old / estates + 0.03);
    for (const auto& s : d.sites) {
        INFO(s.id);
        const bool venue = s.kind == geo::SiteKind::school || s.kind == geo::SiteKind::enterprise ||
                           s.kind == geo::SiteKind::village_committee || s.kind == geo::SiteKind::community_centre;
        if (venue) CHECK(s.audience > 0);
        else CHECK(s.audience == 0);
    }
    CHECK(d.metadata.platform_url.rfind("https://", 0) == 0);
    CHECK(d.metadata.app_url.rfind("https://", 0) == 0);
}
