#include "geo/evaluate/evaluate.h"

#include <cstdint>

#include "geo/hotspots/study_area.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace geo {
namespace {

ForecastScore score(const std::vector<double>& predicted, const std::vector<std::size_t>& observed) {
    return {score_area_share(predicted, observed, 0.05), score_area_share(predicted, observed, 0.10)};
}

}  // namespace

Evaluation evaluate_forecasts(const District& district, const EvaluateOptions& options) {
    if (options.horizon <= std::chrono::seconds{0}) throw BadInput("--horizon must be a positive duration such as 30d");
    require_known_fields(district, options.where);
    const Timestamp until = options.train_until;
    const Timestamp test_end = until + options.horizon;
    const Timestamp naive_from = until - options.horizon;
    const std::string date = format_local(until, district.metadata.timezone, "%Y-%m-%d %H:%M");

    // The incidents the type filter and --where keep, in a district of their own: the heatmap,
    // the naive counts and the test counts all read this one.
    District kept;
    kept.metadata = district.metadata;
    kept.neighbourhoods = district.neighbourhoods;
    IncidentFilter types = options.filter;
    types.window.reset();
    for (const Incident& incident : district.incidents)
        if (types.matches(incident) && matches_all(incident, options.where)) kept.incidents.push_back(incident);

    HeatmapOptions heat;
    heat.filter = types;
    heat.filter.window = TimeWindow{options.train_from.value_or(Timestamp::min()), until};
    heat.kernel = options.kernel;
    heat.radius_m = options.radius_m;
    heat.cell_m = options.cell_m;
    heat.extent = options.extent;
    heat.weight = options.weight;
    heat.half_life_days = options.half_life_days;  // ages from the window's end: train_until
    Evaluation ev;
    ev.train_incidents = filter_incidents(kept, heat.filter).size();
    if (ev.train_incidents == 0)
        throw BadInput("--train-until " + date + ": no matching incidents before it to build the heatmap from");
    const Heatmap heatmap = make_heatmap(kept, heat);
    ev.grid = heatmap.grid;
    ev.radius_m = heatmap.radius_m;
    ev.radius_is_default = heatmap.radius_is_default;

    const std::vector<bool> study = study_cells(kept, ev.grid);
    std::vector<std::int64_t> feature_of(ev.grid.cell_count(), -1);
    std::vector<double> predicted;
    for (std::size_t c = 0; c < study.size(); ++c)
        if (study[c]) feature_of[c] = static_cast<std::int64_t>(predicted.size()), predicted.push_back(heatmap.values[c]);
    ev.study_cells = predicted.size();
    if (predicted.empty()) throw BadInput("--cell: no grid cell has its centre inside a neighbourhood; use smaller cells");

    std::vector<double> naive(predicted.size(), 0.0);
    std::vector<std::size_t> observed(predicted.size(), 0);
    for (const Incident& incident : kept.incidents) {
        const auto cell = cell_index(ev.grid, incident.location);
        const std::int64_t feature = cell ? feature_of[*cell] : -1;
        if (incident.time >= naive_from && incident.time < until && feature >= 0) {
            naive[static_cast<std::size_t>(feature)] += 1;
            ++ev.naive_incidents;
        } else if (incident.time >= until && incident.time < test_end) {
            if (feature >= 0) ++observed[static_cast<std::size_t>(feature)], ++ev.test_incidents;
            else ++ev.test_outside;
        }
    }
    if (ev.test_incidents == 0)
        throw BadInput("--train-until " + date + " --horizon: no matching incidents to score in the study area after it");
    ev.kde = score(predicted, observed);
    ev.naive = score(naive, observed);
    return ev;
}

}  // namespace geo
