#include "geo/summary/district_summary.h"

#include "geo/crs/crs.h"
#include "geo/model/layer_schema.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

Envelope district_extent(const District& d) {
    Envelope e;
    for (const auto& n : d.neighbourhoods) e.expand(envelope_of(n.area));
    for (const auto& r : d.roads) e.expand(envelope_of(r.line));
    for (const auto& b : d.buildings) e.expand(b.location);
    for (const auto& i : d.incidents) e.expand(i.location);
    for (const auto& p : d.posters) e.expand(p.location);
    for (const auto& s : d.sites) e.expand(s.location);
    return e;
}

std::optional<Envelope> to_lonlat(const Envelope& e, const std::string& crs) {
    if (e.empty() || crs.empty()) return std::nullopt;
    try {
        const Transform t(make_srs(crs), wgs84());
        Envelope out;
        for (XY corner : {XY{e.min_x, e.min_y}, XY{e.max_x, e.min_y}, XY{e.min_x, e.max_y},
                          XY{e.max_x, e.max_y}})
            if (auto p = t.apply(corner)) out.expand(*p);
        if (out.empty()) return std::nullopt;
        return out;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

std::optional<double> change_pct(double before, double after) {
    if (before == 0) return std::nullopt;
    return 100.0 * (after - before) / before;
}

DistrictSummary summarise(const District& d) { return summarise(d, IncidentFilter{}); }

DistrictSummary summarise(const District& d, const IncidentFilter& filter) {
    DistrictSummary s;
    s.metadata = d.metadata;
    const std::size_t counts[] = {d.neighbourhoods.size(), d.officers.size(), d.incidents.size(),
                                  d.posters.size(),        d.buildings.size(), d.sites.size(),
                                  d.roads.size(),          d.warnings.size(),  d.vehicles.size(),
                                  d.sightings.size()};
    for (const auto& spec : all_layer_specs())
        s.layer_counts.emplace_back(std::string(spec.name), counts[static_cast<int>(spec.kind)]);
    s.extent = district_extent(d);
    s.extent_lonlat = to_lonlat(s.extent, d.metadata.crs);

    double adoption_sum = 0;
    int adoption_n = 0;
    for (const auto& n : d.neighbourhoods) {
        s.residents += n.residents;
        s.transients += n.transients;
        s.households += n.households;
        if (n.app_adoption) adoption_sum += *n.app_adoption, ++adoption_n;
    }
    if (adoption_n) s.mean_app_adoption = adoption_sum / adoption_n;

    std::map<std::pair<int, int>, MonthlyIncidents> by_month;
    for (const auto& i : d.incidents) {
        if (!filter.matches(i)) continue;
        ++s.incidents;
        s.loss_yuan += i.loss_yuan;
        s.recovered_yuan += i.recovered_yuan;
        ++s.incidents_by_outcome[std::string(name_of(i.outcome))];
        ++s.incidents_by_type[std::string(name_of(i.fraud_type))];
        const LocalDate day = local_date(i.time, d.metadata.timezone);
        auto& m = by_month[{day.year, day.month}];
        m.year = day.year;
        m.month = day.month;
        ++m.incidents;
        m.loss_yuan += i.loss_yuan;
    }
    if (!by_month.empty()) {
        // Every month from the first to the last, so a month without cases shows as 0.
        auto [year, month] = by_month.begin()->first;
        const auto last = by_month.rbegin()->first;
        while (std::make_pair(year, month) <= last) {
            MonthlyIncidents m = by_month.count({year, month}) ? by_month[{year, month}]
                                                                : MonthlyIncidents{year, month, 0, 0, std::nullopt};
            if (!s.months.empty())
                m.change_pct = change_pct(double(s.months.back().incidents), double(m.incidents));
            s.months.push_back(m);
            if (++month == 13) month = 1, ++year;
        }
    }
    return s;
}

}  // namespace geo
