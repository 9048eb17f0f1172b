#include "geo/density/heatmap.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "geo/density/bandwidth.h"
#include "geo/density/per_capita.h"
#include "geo/util/error.h"

namespace geo {
namespace {

bool positive(double v) { return v > 0 && std::isfinite(v); }

void check_options(const HeatmapOptions& o) {
    if (!positive(o.cell_m)) throw BadInput(fmt::format("--cell {} must be a positive number of metres", o.cell_m));
    if (o.radius_m && !positive(*o.radius_m))
        throw BadInput(fmt::format("--radius {} must be a positive number of metres", *o.radius_m));
    if (o.half_life_days && !positive(*o.half_life_days))
        throw BadInput(fmt::format("--half-life {} must be a positive number of days", *o.half_life_days));
    if (o.extent) {
        const Envelope& e = *o.extent;
        if (!(std::isfinite(e.min_x) && std::isfinite(e.min_y) && std::isfinite(e.max_x) && std::isfinite(e.max_y)) ||
            !(e.min_x < e.max_x) || !(e.min_y < e.max_y))
            throw BadInput(fmt::format("--extent {},{},{},{} must have minx < maxx and miny < maxy (metres)",
                                       e.min_x, e.min_y, e.max_x, e.max_y));
    }
}

// The area the grid covers before snapping (see heatmap.h).
Envelope default_area(const District& district, const std::vector<XY>& selected, double radius_m) {
    Envelope area;
    for (const Neighbourhood& n : district.neighbourhoods) area.expand(envelope_of(n.area));
    if (!area.empty()) return area;
    for (const XY& p : selected) area.expand(p);
    return area.empty() ? area : area.grown(radius_m);
}

}  // namespace

double incident_weight(const Incident& incident, HeatmapWeight weight,
                       std::optional<double> half_life_days, Timestamp reference) {
    double w = weight == HeatmapWeight::loss ? incident.loss_yuan : 1.0;
    if (half_life_days) {
        const double age_days = std::chrono::duration<double>(reference - incident.time).count() / 86400.0;
        w *= std::exp2(-age_days / *half_life_days);
    }
    return w;
}

std::string heatmap_units(HeatmapWeight weight, bool decayed, bool per_capita) {
    std::string what = weight == HeatmapWeight::loss ? "yuan lost" : "incidents";
    if (decayed) what = "decay-weighted " + what;
    return what + (per_capita ? " per 1,000 people" : " per km²");
}

HeatmapWeight parse_weight_flag(std::string_view text) {
    if (text == "none") return HeatmapWeight::none;
    if (text == "loss") return HeatmapWeight::loss;
    throw BadInput("--weight '" + std::string(text) + "' is not one of none or loss");
}

Kernel parse_kernel_flag(std::string_view text) {
    if (const auto kernel = parse_kernel(text)) return *kernel;
    throw BadInput("--kernel '" + std::string(text) + "' is not one of " + allowed_kernel_names() +
                   " (biweight = quartic)");
}

Heatmap make_heatmap(const District& district, const HeatmapOptions& options, const KdeRun& run) {
    check_options(options);
    Heatmap out;
    const std::vector<std::uint32_t> selected = filter_incidents(district, options.filter);
    out.incidents = selected.size();
    std::vector<XY> locations;
    locations.reserve(selected.size());
    for (const std::uint32_t i : selected) {
        const XY p = district.incidents[i].location;
        if (std::isfinite(p.x) && std::isfinite(p.y)) locations.push_back(p);
    }

    if (options.radius_m) {
        out.radius_m = *options.radius_m;
    } else {
        const auto rule = default_bandwidth_m(locations);
        if (!rule)
            throw BadInput(fmt::format("--radius is needed: {} selected incidents are too few or too close "
                                       "together for a default bandwidth",
                                       selected.size()));
        out.radius_m = *rule;
        out.radius_is_default = true;
    }

    const Envelope area = options.extent ? *options.extent : default_area(district, locations, out.radius_m);
    if (area.empty())
        throw BadInput("--extent is needed: the workspace has no neighbourhoods and no selected incidents to lay the grid over");
    const double cells = (std::ceil(area.width() / options.cell_m) + 1) * (std::ceil(area.height() / options.cell_m) + 1);
    if (cells > max_heatmap_cells)
        throw BadInput(fmt::format("--cell {} m gives about {:.0f} million cells over {:.0f} x {:.0f} m, more than "
                                   "{:.0f} million: use larger cells or a smaller --extent",
                                   options.cell_m, cells / 1e6, area.width(), area.height(), max_heatmap_cells / 1e6));
    out.grid = options.extent ? grid_from_corner(area, options.cell_m) : snapped_grid(area, options.cell_m);

    if (options.per_capita &&
        std::none_of(district.neighbourhoods.begin(), district.neighbourhoods.end(),
                     [](const Neighbourhood& n) { return n.residents + n.transients > 0; }))
        throw BadInput("--per-capita needs neighbourhoods with residents or transients; this workspace has none");

    Timestamp reference{};
    if (options.half_life_days) {
        if (options.filter.window && options.filter.window->to != Timestamp::max()) {
            reference = options.filter.window->to;
        } else {
            reference = Timestamp::min();
            for (const std::uint32_t i : selected) reference = std::max(reference, district.incidents[i].time);
            reference = selected.empty() ? Timestamp{} : reference + std::chrono::seconds{1};
        }
        out.decay_reference = reference;
    }

    std::vector<WeightedPoint> points;
    points.reserve(selected.size());
    for (const std::uint32_t i : selected) {
        const Incident& incident = district.incidents[i];
        points.push_back({incident.location, incident_weight(incident, options.weight, options.half_life_days, reference)});
    }
    out.values = kernel_density_per_km2(points, options.kernel, out.radius_m, out.grid, run);
    if (options.per_capita)
        out.values = rate_per_1000_people(out.values, population_density_per_km2(district, out.grid));
    out.units = heatmap_units(options.weight, options.half_life_days.has_value(), options.per_capita);
    for (const double v : out.values) out.max_value = std::max(out.max_value, v);
    return out;
}

}  // namespace geo
