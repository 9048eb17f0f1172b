#include "app/gui/layer_state.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <sstream>

#include "app/gui/cards_print.h"
#include "app/gui/lectures_panel.h"
#include "app/gui/panels.h"
#include "app/gui/response_tools.h"
#include "app/gui/routes_parts.h"
#include "app/gui/track_panel.h"
#include "geo/edit/poster_edits.h"
#include "geo/planning/must_visit.h"
#include "geo/response/place.h"
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

// Banner review steps, applied in the order given once the suggestions exist (banners=K):
//   banner_select=N            ring suggestion N's cases (N as numbered on the map, from 1)
//   banner_accept=N[+M...]     accept (adds a banner through the edit history)
//   banner_reject=N[+M...]     reject
//   banner_move=N:DX:DY        move N by DX metres east and DY north from where it stands
//                              (an accepted one through the edit history, as a drag does)
//   banner_undo=K, banner_redo=K            the panel's Undo / Redo of rejections and moves
//   banner_edit_undo=K, banner_edit_redo=K  Ctrl+Z / Ctrl+Y: acceptances and accepted moves
bool is_banner_step(const std::string& key) {
    return key == "banner_select" || key == "banner_accept" || key == "banner_reject" || key == "banner_move" ||
           key == "banner_undo" || key == "banner_redo" || key == "banner_edit_undo" || key == "banner_edit_redo";
}

std::size_t suggestion_number(const std::string& key, const std::string& text, const AppState& state) {
    const std::size_t n = state.banners.plan ? state.banners.plan->suggested.size() : 0;
    char* end = nullptr;
    const long k = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end || k < 1 || static_cast<std::size_t>(k) > n)
        throw geo::BadInput("--layer-state " + key + "=" + text + ": expected a suggestion number 1.." + std::to_string(n));
    return static_cast<std::size_t>(k - 1);
}

int repeat_count(const std::string& key, const std::string& value) {
    char* end = nullptr;
    const long k = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end || k < 1 || k > 1000) throw geo::BadInput("--layer-state " + key + "=" + value + ": expected 1..1000");
    return static_cast<int>(k);
}

void apply_banner_step(const std::string& key, const std::string& value, AppState& state) {
    BannerReview& review = state.banners;
    if (!review.plan)
        throw geo::BadInput("--layer-state " + key + ": needs banners=K and suggestions to review" +
                            (review.error.empty() ? std::string() : " (" + review.error + ")"));
    if (key == "banner_select") {
        review.selected = static_cast<int>(suggestion_number(key, value, state));
    } else if (key == "banner_accept" || key == "banner_reject") {
        for (const auto& word : split(value, '+')) {
            const std::size_t k = suggestion_number(key, word, state);
            if (review.status(k, state.district) != BannerReview::Status::open)
                throw geo::BadInput("--layer-state " + key + "=" + word + ": that suggestion is not open");
            if (key == "banner_accept") state.perform(review.accept(k, state.district));
            else review.decide(k, {true, review.decisions[k].moved_to});
        }
    } else if (key == "banner_move") {
        const auto parts = split(value, ':');
        char* end_x = nullptr;
        char* end_y = nullptr;
        const double dx = parts.size() == 3 ? std::strtod(parts[1].c_str(), &end_x) : 0;
        const double dy = parts.size() == 3 ? std::strtod(parts[2].c_str(), &end_y) : 0;
        if (parts.size() != 3 || *end_x || *end_y || !std::isfinite(dx) || !std::isfinite(dy))
            throw geo::BadInput("--layer-state banner_move=" + value + ": expected N:DX:DY (metres east and north), e.g. 2:150:-80");
        const std::size_t k = suggestion_number(key, parts[0], state);
        const geo::XY from = review.location(k, state.district);
        const geo::XY to{from.x + dx, from.y + dy};
        switch (review.status(k, state.district)) {
            case BannerReview::Status::accepted: state.perform(geo::make_move(state.district, review.accepted_ids[k], to)); break;
            case BannerReview::Status::open: review.decide(k, {false, to}); break;
            case BannerReview::Status::rejected: throw geo::BadInput("--layer-state banner_move=" + value + ": that suggestion is rejected");
        }
    } else {
        for (int i = repeat_count(key, value); i > 0; --i) {
            if (key == "banner_undo") review.undo();
            else if (key == "banner_redo") review.redo();
            else if (key == "banner_edit_undo") state.undo();
            else state.redo();
        }
    }
}

int int_in(const std::string& key, const std::string& value, int lowest, int highest) {
    char* end = nullptr;
    const long k = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end || k < lowest || k > highest)
        throw geo::BadInput("--layer-state " + key + "=" + value + ": expected " + std::to_string(lowest) + ".." + std::to_string(highest));
    return static_cast<int>(k);
}

// After lectures=WEEKS planned: the steps, in the order given.
//   lecture_held=VENUE[:PEOPLE[:LEAFLETS]]  tick the first planned lecture at VENUE held (writes!);
//                                          PEOPLE defaults to the venue's audience, as the dialog
//   lecture_week=2021-W26                  show one week of the plan (table and map)
//   lecture_row=K                          click row K of the table (from 1): the map flies there
//   lecture_ask=VENUE                      open the "held" dialog of the first lecture at VENUE
void apply_lecture_step(const std::string& key, const std::string& value, AppState& state) {
    LectureReview& r = state.lectures;
    if (!r.plan) throw geo::BadInput("--layer-state " + key + ": needs lectures=WEEKS to plan first");
    const geo::LecturePlan& plan = *r.plan;
    if (key == "lecture_week") {
        const auto it = std::find(plan.weeks.begin(), plan.weeks.end(), value);
        if (it == plan.weeks.end()) throw geo::BadInput("--layer-state lecture_week=" + value + ": not a week of the plan");
        r.shown_week = static_cast<int>(it - plan.weeks.begin());
    } else if (key == "lecture_row") {
        r.click_row = int_in(key, value, 1, static_cast<int>(std::max<std::size_t>(plan.lectures.size(), 1)));
    } else {
        const auto parts = split(value, ':');
        if (key == "lecture_ask" && parts.size() != 1) throw geo::BadInput("--layer-state lecture_ask=" + value + ": expected a venue id");
        if (parts.empty() || parts.size() > 3)
            throw geo::BadInput("--layer-state " + key + "=" + value + ": expected VENUE[:PEOPLE[:LEAFLETS]], e.g. S45:120");
        std::size_t k = 0;
        while (k < plan.lectures.size() && plan.venues[plan.lectures[k].venue].id != parts[0]) ++k;
        if (k == plan.lectures.size()) throw geo::BadInput("--layer-state " + key + "=" + value + ": no lecture of the plan is at " + parts[0]);
        const std::int64_t people = parts.size() > 1 ? int_in(key, parts[1], 0, 100000) : plan.venues[plan.lectures[k].venue].audience;
        const std::int64_t leaflets = parts.size() > 2 ? int_in(key, parts[2], 0, 1000000) : 0;
        if (key == "lecture_ask") ask_lecture_held(state, k);
        else record_lecture_held(state, k, people, leaflets);
    }
}

geo::Profile profile_of(const std::string& key, const std::string& value) {
    if (value == "drive") return geo::Profile::driving;
    if (value == "walk") return geo::Profile::walking;
    throw geo::BadInput("--layer-state " + key + "=" + value + ": expected drive or walk");
}

// A site or a case by id, or WGS84 LON,LAT (what the CLI's respond --site/--at take).
geo::Place place_of(const AppState& state, const std::string& key, const std::string& value) {
    const std::string flag = "--layer-state " + key;
    if (value.find(',') != std::string::npos) return geo::place_of_lonlat(state.district, value, flag.c_str());
    return geo::place_of_id(state.district, value, flag.c_str());
}

// within=ID@R: select the case, poster or site with that id and show what lies within R metres.
void apply_within(const std::string& value, AppState& state) {
    const auto at = value.find('@');
    char* end = nullptr;
    const double radius_m = at == std::string::npos ? 0 : std::strtod(value.c_str() + at + 1, &end);
    if (at == std::string::npos || *end || !(radius_m > 0 && radius_m <= 100000))
        throw geo::BadInput("--layer-state within=" + value + ": expected ID@METRES, e.g. I00012@300");
    const std::string id = value.substr(0, at);
    const geo::District& d = state.district;
    std::optional<Selection> found;
    for (std::size_t k = 0; k < d.incidents.size() && !found; ++k)
        if (d.incidents[k].id == id) found = Selection{geo::LayerKind::incidents, k};
    for (std::size_t k = 0; k < d.sites.size() && !found; ++k)
        if (d.sites[k].id == id) found = Selection{geo::LayerKind::sites, k};
    for (std::size_t k = 0; k < d.posters.size() && !found; ++k)
        if (d.posters[k].id == id) found = Selection{geo::LayerKind::posters, k};
    if (!found) throw geo::BadInput("--layer-state within=" + value + ": no case, poster or site has the id " + id);
    state.selection = found;
    state.response.within.shown = true;
    state.response.within.radius_m = static_cast<float>(radius_m);
}

}  // namespace

void apply_layer_state(const std::string& spec, AppState& state) {
    ViewState& view = state.view;
    std::string window;
    bool suggest_after = false;
    std::string routes_officer, routes_week;
    int route_day = -1;
    bool route_issue = false;
    std::vector<std::string> route_done;
    std::vector<std::pair<std::string, std::string>> banner_steps;  // after the suggestions exist
    std::string respond_at, within;
    bool plan_lectures = false;
    std::vector<std::pair<std::string, std::string>> lecture_steps;  // after the plan exists
    std::string cards_of, cards_out;
    bool cards_poster = false;
    geo::Profile respond_profile = geo::Profile::driving;
    bool within_streets = false;
    std::string track_id, track_time;
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
        } else if (key == "route_pin") {  // BUILDING@DAY (0 = Monday), before the plan is made
            const auto at = value.find('@');
            char* end = nullptr;
            const long day = at == std::string::npos ? -1 : std::strtol(value.c_str() + at + 1, &end, 10);
            if (at == std::string::npos || *end || day < 0 || day > 6)
                throw geo::BadInput("--layer-state route_pin=" + value + ": expected BUILDING@DAY, e.g. B0042@2 (0 = Monday)");
            pin_stop(state.routes, value.substr(0, at), static_cast<int>(day));
        } else if (key == "route_every") {  // FLAG: plan every such building of the officer (the "Must visit" choice)
            const auto flag = geo::parse_visit_flag(value);
            if (!flag) throw geo::BadInput("--layer-state route_every=" + value + ": expected elderly_alone, past_victim or no_app");
            state.routes.must_visit = flag;
        } else if (key == "lectures") {  // plan these weeks at start, as the Lectures tab's button does
            std::snprintf(state.lectures.weeks, sizeof state.lectures.weeks, "%s", value.c_str());
            plan_lectures = true;
        } else if (key == "lecture_teams") {
            state.lectures.teams = int_in(key, value, 1, 100);
        } else if (key == "lecture_per_team") {
            state.lectures.per_team_week = int_in(key, value, 1, 6);
        } else if (key == "lecture_min_gap") {
            state.lectures.min_gap_weeks = int_in(key, value, 0, 52);
        } else if (key == "lecture_held" || key == "lecture_week" || key == "lecture_row" || key == "lecture_ask") {
            lecture_steps.emplace_back(key, value);
        } else if (key == "cards" || key == "cards_ask") {  // select it and print its cards (or open the dialog)
            cards_of = value;
            state.cards.open_dialog = key == "cards_ask";
        } else if (key == "cards_kind") {
            if (value != "contact_card" && value != "poster") throw geo::BadInput("--layer-state cards_kind=" + value + ": expected contact_card or poster");
            cards_poster = value == "poster";
        } else if (key == "cards_out") {
            cards_out = value;
        } else if (key == "tab") {
            if (value != "inspector" && value != "routes" && value != "banners" && value != "filters" && value != "dashboard" &&
                value != "lectures" && value != "summary")
                throw geo::BadInput("--layer-state tab=" + value +
                                    ": expected inspector, routes, banners, filters, dashboard, lectures or summary");
            state.open_tab = value;
            // The first frame already lays out for a wide tab.
            state.dashboard.shown = value == "dashboard";
            state.lectures.shown = value == "lectures";
        } else if (key == "dashboard_row") {  // click row K of the dashboard's ranking when it is drawn
            state.dashboard.click_row = std::atoi(value.c_str());
            if (state.dashboard.click_row < 1 || state.dashboard.click_row > 10)
                throw geo::BadInput("--layer-state dashboard_row=" + value + ": expected a row of the ranking, 1..10");
        } else if (key == "track") {  // replay this patrol track (the Routes tab's section opens)
            track_id = value;
        } else if (key == "track_time") {  // the moment shown, local HH:MM[:SS] on the track's day
            track_time = value;
        } else if (key == "route_day") {
            route_day = std::atoi(value.c_str());
        } else if (key == "route_issue") {
            route_issue = on_off(key, value);
        } else if (key == "route_done") {  // tick the visit of a planned stop, on its day
            route_done.push_back(value);
        } else if (key == "banners") {
            state.banners.count = std::atoi(value.c_str());
            if (state.banners.count < 1 || state.banners.count > 100) throw geo::BadInput("--layer-state banners=" + value + ": expected 1..100");
            suggest_after = true;
        } else if (key == "banner_unreached") {
            state.banners.show_unreached = on_off(key, value);  // mark cases no banner reaches
        } else if (is_banner_step(key)) {
            banner_steps.emplace_back(key, value);
        } else if (key == "iso_from") {
            const geo::Place from = geo::place_of_origin(state.district, value, "--layer-state iso_from");
            isochrones_from(state, from.location, from.label);
        } else if (key == "iso_profile") {
            state.response.isochrones.profile = profile_of(key, value);
        } else if (key == "iso_minutes") {
            std::vector<double> minutes;
            for (const auto& word : split(value, '+')) {
                char* end = nullptr;
                minutes.push_back(std::strtod(word.c_str(), &end));
                if (*end || !(minutes.back() > 0) || (minutes.size() > 1 && minutes.back() <= minutes[minutes.size() - 2]))
                    throw geo::BadInput("--layer-state iso_minutes=" + value + ": expected increasing minutes, e.g. 3+5+10");
            }
            if (minutes.empty()) throw geo::BadInput("--layer-state iso_minutes: expected increasing minutes, e.g. 3+5+10");
            state.response.isochrones.minutes = minutes;
        } else if (key == "iso_tolerance") {
            const double m = std::atof(value.c_str());
            if (!(m > 0 && m <= 1000)) throw geo::BadInput("--layer-state iso_tolerance=" + value + ": expected metres, 0..1000");
            state.response.isochrones.tolerance_m = static_cast<float>(m);
        } else if (key == "respond") {
            respond_at = value;
        } else if (key == "respond_profile") {
            respond_profile = profile_of(key, value);
        } else if (key == "within") {
            within = value;
        } else if (key == "within_streets") {
            within_streets = on_off(key, value);
        } else if (key == "checkpoints") {  // the school transport layer's suggested checkpoints (turns it on)
            state.transport.checkpoints = int_in(key, value, 1, 10);
            view.style(MapLayer::school_transport).visible = true;
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
    ++state.response.isochrones.version;
    if (!respond_at.empty()) {
        const geo::Place place = place_of(state, "respond", respond_at);
        ask_who_can_get_here(state, place.location, place.label, respond_profile, true);
        if (!state.response.respond.error.empty())
            throw geo::BadInput("--layer-state respond=" + respond_at + ": " + state.response.respond.error);
    }
    if (!within.empty()) apply_within(within, state);
    state.response.within.along_streets = within_streets;
    if (plan_lectures) plan_lectures_now(state);
    for (const auto& [key, value] : lecture_steps) apply_lecture_step(key, value, state);
    if (!cards_of.empty()) {
        const auto& hoods = state.district.neighbourhoods;
        const auto it = std::find_if(hoods.begin(), hoods.end(), [&](const geo::Neighbourhood& n) { return n.id == cards_of; });
        if (it == hoods.end()) throw geo::BadInput("--layer-state cards=" + cards_of + ": no neighbourhood has that id");
        const auto index = static_cast<std::size_t>(it - hoods.begin());
        state.selection = Selection{geo::LayerKind::neighbourhoods, index};
        state.cards.poster = cards_poster;
        if (!state.cards.open_dialog)
            print_cards(state, index, cards_poster, cards_out.empty() ? default_cards_path(state, cards_of, cards_poster) : std::filesystem::path(cards_out));
    }
    if (suggest_after) suggest_banners(state);
    for (const auto& [key, value] : banner_steps) apply_banner_step(key, value, state);
    if (!routes_officer.empty()) {
        plan_routes_now(state, routes_officer, routes_week);
        state.routes.day = route_day;
        if (route_issue) issue_plan(state);
        // Every tick checked before the first is written: a bad one records none.
        std::vector<std::pair<std::string, const geo::DayRoute*>> ticks;
        for (const std::string& building : route_done) {
            for (const auto& day : state.routes.plan->days)
                for (const auto& stop : day.stops)
                    if (stop.building_id == building) ticks.emplace_back(building, &day);
            if (ticks.empty() || ticks.back().first != building)
                throw geo::BadInput("--layer-state route_done=" + building + ": not a stop of the plan");
        }
        for (const auto& [building, day] : ticks) set_visit_done(state, building, day->date, day->officer_id, true);
    }
    if (!track_id.empty()) {
        try {
            show_track(state, track_id);
        } catch (const geo::BadInput& e) {
            throw geo::BadInput("--layer-state track=" + track_id + ": " + e.what());
        }
        if (!state.replay.review) throw geo::BadInput("--layer-state track=" + track_id + ": " + state.replay.error);
        state.replay.open_section = true;
        // The first frame shows where the day's work was, its stops and dwells (not the walk
        // from the station and back), unless focus= said otherwise.
        if (!state.initial_view) {
            geo::Envelope extent;
            for (const auto& s : state.replay.review->planned_stops) extent.expand(s.stop.location);
            for (const auto& d : state.replay.review->dwells) extent.expand(d.dwell.centre);
            if (extent.empty())
                for (const auto& p : replayed_track(state)->points) extent.expand(p.at);
            state.initial_view = extent.grown(std::max(extent.width(), extent.height()) * 0.15);
        }
    }
    if (!track_time.empty()) {
        try {
            set_track_time(state, track_time);
        } catch (const geo::BadInput& e) {
            throw geo::BadInput(std::string("--layer-state ") + e.what());
        }
    }
}

}  // namespace gui
