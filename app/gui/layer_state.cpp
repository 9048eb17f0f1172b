#include "app/gui/layer_state.h"

#include <cctype>
#include <map>
#include <sstream>

#include "app/gui/panels.h"
#include "geo/util/error.h"

namespace gui {
namespace {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, sep))
        if (!part.empty()) out.push_back(part);
    return out;
}

template <class E> std::set<E> parse_set(const std::string& key, const std::string& value) {
    std::set<E> out;
    for (const auto& word : split(value, '+')) {
        auto e = geo::parse_enum<E>(word);
        if (!e) throw geo::BadInput("--layer-state " + key + ": '" + word + "' is not one of " + geo::allowed_names<E>());
        out.insert(*e);
    }
    return out;
}

bool on_off(const std::string& key, const std::string& value) {
    if (value == "on") return true;
    if (value == "off") return false;
    throw geo::BadInput("--layer-state " + key + "=" + value + ": expected on or off");
}

}  // namespace

void apply_layer_state(const std::string& spec, AppState& state) {
    ViewState& view = state.view;
    std::string window;
    bool suggest_after = false;
    std::string routes_officer, routes_week;
    for (const auto& item : split(spec, ',')) {
        const auto eq = item.find('=');
        if (eq == std::string::npos) throw geo::BadInput("--layer-state '" + item + "' must look like KEY=VALUE");
        const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
        const bool analysis_mode = key == "analysis" && value != "on" && value != "off" && !std::isdigit(static_cast<unsigned char>(value[0]));
        if (auto layer = parse_map_layer(key); layer && !analysis_mode) {
            LayerStyle& style = view.style(*layer);
            if (value == "on" || value == "off") style.visible = value == "on";
            else {
                char* end = nullptr;
                const double opacity = std::strtod(value.c_str(), &end);
                if (*end || opacity < 0 || opacity > 1)
                    throw geo::BadInput("--layer-state " + key + "=" + value + ": expected on, off or an opacity 0..1");
                style.opacity = static_cast<float>(opacity);
            }
        } else if (key == "fill") {
            auto f = geo::parse_choropleth_field(value);
            if (!f) throw geo::BadInput("--layer-state fill=" + value + ": expected residents, transients, population, incidents_per_1000 or app_adoption");
            view.fill_field = *f;
        } else if (key == "breaks") {
            auto m = geo::parse_break_method(value);
            if (!m) throw geo::BadInput("--layer-state breaks=" + value + ": expected quantiles, natural_breaks or equal_interval");
            view.break_method = *m;
        } else if (key == "classes") {
            const int n = std::atoi(value.c_str());
            if (n < 3 || n > 9) throw geo::BadInput("--layer-state classes=" + value + ": expected 3..9");
            view.classes = n;
        } else if (key == "colour") {
            if (value != "fraud_type" && value != "outcome") throw geo::BadInput("--layer-state colour=" + value + ": expected fraud_type or outcome");
            view.colouring = value == "outcome" ? IncidentColouring::outcome : IncidentColouring::fraud_type;
        } else if (key == "size") {
            view.size_by_loss = value == "loss";
        } else if (key == "labels") {
            view.show_labels = on_off(key, value);
        } else if (key == "step") {
            if (value != "week" && value != "month") throw geo::BadInput("--layer-state step=" + value + ": expected week or month");
            state.time.step = value == "week" ? geo::TimeStep::week : geo::TimeStep::month;
            state.rebuild_time_steps();
        } else if (key == "kernel") {
            auto k = geo::parse_kernel(value);
            if (!k) throw geo::BadInput("--layer-state kernel=" + value + ": expected " + geo::allowed_kernel_names());
            view.heat_kernel = *k;
        } else if (key == "bandwidth") {
            const double h = std::atof(value.c_str());
            if (!(h >= 1 && h <= 100000)) throw geo::BadInput("--layer-state bandwidth=" + value + ": expected metres, 1..100000");
            view.heat_bandwidth_m = static_cast<float>(h);
        } else if (key == "heat_max") {
            const double m = std::atof(value.c_str());
            if (!(m > 0)) throw geo::BadInput("--layer-state heat_max=" + value + ": expected a positive density per km²");
            view.heat_auto_range = false;
            view.heat_max = static_cast<float>(m);
        } else if (key == "heat_weight") {
            if (value != "loss" && value != "none") throw geo::BadInput("--layer-state heat_weight=" + value + ": expected loss or none");
            view.heat_weight_by_loss = value == "loss";
        } else if (key == "analysis") {
            const std::map<std::string, AnalysisMode> modes = {{"gi_grid", AnalysisMode::gi_grid},
                                                               {"gi_neighbourhoods", AnalysisMode::gi_neighbourhoods},
                                                               {"clusters", AnalysisMode::clusters},
                                                               {"emerging", AnalysisMode::emerging}};
            auto it = modes.find(value);
            if (it == modes.end())
                throw geo::BadInput("--layer-state analysis=" + value + ": expected gi_grid, gi_neighbourhoods, clusters or emerging");
            view.analysis.mode = it->second;
            view.style(MapLayer::analysis).visible = true;
        } else if (key == "eps") {
            view.analysis.eps_m = static_cast<float>(std::atof(value.c_str()));
            if (!(view.analysis.eps_m > 0)) throw geo::BadInput("--layer-state eps=" + value + ": expected metres > 0");
        } else if (key == "cell") {
            view.analysis.cell_m = static_cast<float>(std::atof(value.c_str()));
            if (!(view.analysis.cell_m > 0)) throw geo::BadInput("--layer-state cell=" + value + ": expected metres > 0");
        } else if (key == "routes") {
            const auto at = value.find('@');
            if (at == std::string::npos) throw geo::BadInput("--layer-state routes=" + value + ": expected OFFICER@WEEK, e.g. P03@2021-W24");
            routes_officer = value.substr(0, at);
            routes_week = value.substr(at + 1);
        } else if (key == "banners") {
            state.banners.count = std::atoi(value.c_str());
            if (state.banners.count < 1 || state.banners.count > 100) throw geo::BadInput("--layer-state banners=" + value + ": expected 1..100");
            suggest_after = true;
        } else if (key == "focus") {
            bool found = false;
            for (const auto& n : state.district.neighbourhoods)
                if (n.id == value) {
                    const geo::Envelope e = geo::envelope_of(n.area);
                    state.initial_view = e.grown(std::max(e.width(), e.height()) * 0.4);
                    found = true;
                }
            if (!found) throw geo::BadInput("--layer-state focus=" + value + ": no neighbourhood has that id");
        } else if (key == "window") {
            window = value;
        } else if (key == "type") {
            state.filter.fraud_types = parse_set<geo::FraudType>(key, value);
        } else if (key == "outcome") {
            state.filter.outcomes = parse_set<geo::Outcome>(key, value);
        } else if (key == "age") {
            state.filter.age_bands = parse_set<geo::AgeBand>(key, value);
        } else if (key == "source") {
            state.filter.sources = parse_set<geo::IncidentSource>(key, value);
        } else {
            throw geo::BadInput("--layer-state: unknown key '" + key + "'");
        }
    }
    if (!window.empty()) {
        const auto dots = window.find("..");
        const std::string from = window.substr(0, dots), to = dots == std::string::npos ? from : window.substr(dots + 2);
        const std::string& zone = state.district.metadata.timezone;
        int first = -1, last = -1;
        for (int i = 0; i < static_cast<int>(state.time.steps.size()); ++i) {
            const std::string label = geo::window_label(state.time.steps[i], state.time.step, zone);
            if (label == from) first = i;
            if (label == to) last = i;
        }
        if (first < 0 || last < first) throw geo::BadInput("--layer-state window=" + window + ": no such steps in the data (e.g. 2021-05..2021-06)");
        state.time.all_time = false;
        state.time.first = first;
        state.time.last = last;
    }
    state.apply_time_range();
    ++state.style_version;
    if (suggest_after) suggest_banners(state);
    if (!routes_officer.empty()) plan_routes_now(state, routes_officer, routes_week);
}

}  // namespace gui
