#include "app/gui/frame_report.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "app/gui/lecture_overlay.h"
#include "app/gui/lectures_panel.h"
#include "app/gui/routes_parts.h"
#include "app/gui/school_transport_layer.h"
#include "app/gui/text_format.h"
#include "app/gui/track_overlay.h"
#include "app/gui/track_panel.h"
#include "geo/classify/class_breaks.h"
#include "geo/planning/completion.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/must_visit.h"
#include "geo/planning/visit_log.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"
#include "geo/util/time_parse.h"

namespace gui {
namespace {

nlohmann::json rgb(geo::Rgba8 c) { return {c.r, c.g, c.b}; }

// The banner review as the panel shows it now: each suggestion's status, where it stands and
// what it covers from there, and the share of the plan's cases in reach of banners in place.
nlohmann::json banner_review_report(const AppState& state, const MapView::Rect& rect) {
    const BannerReview& review = state.banners;
    const geo::BannerPlacement& plan = *review.plan;
    const geo::ReachSummary summary = review.reach_summary(state.district);
    nlohmann::json j;
    j["incidents"] = plan.incidents;
    j["covered_weight"] = plan.solution.covered_weight;  // all suggestions, as geo placed them
    j["radius_m"] = review.plan_radius_m;
    j["reached"] = summary.reached;                       // by banners hanging or accepted, now
    j["reached_weight"] = summary.reached_weight;
    j["unreached"] = summary.unreached.size();
    j["share"] = review.targets.incidents.empty() ? 0.0 : static_cast<double>(summary.reached) / review.targets.incidents.size();
    j["selected"] = review.selected >= 0 ? nlohmann::json(review.selected + 1) : nlohmann::json();
    j["undo_steps"] = review.undo_steps.size();
    j["sites"] = nlohmann::json::array();
    for (std::size_t k = 0; k < plan.suggested.size(); ++k) {
        const BannerReview::Status status = review.status(k, state.district);
        const geo::XY at = review.location(k, state.district);
        const map::ScreenPoint s = state.camera.to_screen(at);
        const geo::PlacedBanner now = review.reach(k, state.district);
        j["sites"].push_back({{"number", k + 1},
                              {"status", status == BannerReview::Status::accepted   ? "accepted"
                                         : status == BannerReview::Status::rejected ? "rejected"
                                                                                     : "open"},
                              {"poster_id", status == BannerReview::Status::accepted ? review.accepted_ids[k] : ""},
                              {"location", {at.x, at.y}},
                              {"px", {rect.x + s.x, rect.y + s.y}},
                              {"incidents", now.incidents.size()},
                              {"weight", now.reach_weight},
                              {"covered", now.incidents}});
    }
    return j;
}

// Issue 11: who can get here (the ranking, the routes drawn), the isochrone bands, within R m.
nlohmann::json respond_report(const AppState& state, const MapView::Rect& rect) {
    const RespondQuery& q = state.response.respond;
    const auto px = [&](geo::XY p) {
        const map::ScreenPoint s = state.camera.to_screen(p);
        return nlohmann::json{rect.x + s.x, rect.y + s.y};
    };
    nlohmann::json j = {{"label", q.label}, {"place", {q.place.x, q.place.y}}, {"place_px", px(q.place)},
                        {"profile", q.profile == geo::Profile::driving ? "drive" : "walk"}, {"error", q.error}};
    j["officers"] = nlohmann::json::array();
    for (std::size_t k = 0; k < q.ranked.size(); ++k) {
        const geo::OfficerResponse& r = q.ranked[k];
        nlohmann::json o = {{"officer_id", r.officer_id}, {"reachable", r.reachable}, {"time_s", r.time_s}, {"minutes", r.time_s / 60},
                            {"road_m", r.road_m}, {"responsible", r.responsible}, {"route_drawn", k < RespondQuery::kRoutesDrawn && r.reachable && r.route.size() >= 2}};
        if (o["route_drawn"].get<bool>()) {
            o["route_vertices"] = r.route.size();
            o["route_mid_px"] = px(r.route[r.route.size() / 2]);
        }
        j["officers"].push_back(o);
    }
    return j;
}

nlohmann::json isochrone_report(const AppState& state, const MapScene& scene, const MapView::Rect& rect) {
    const IsochroneLayer& iso = scene.isochrones();
    const auto px = [&](geo::XY p) {
        const map::ScreenPoint s = state.camera.to_screen(p);
        return nlohmann::json{rect.x + s.x, rect.y + s.y};
    };
    nlohmann::json j = {{"from", iso.from_label()}, {"from_xy", {iso.from().x, iso.from().y}}, {"from_px", px(iso.from())},
                        {"snapped_px", px(iso.snapped_from())}, {"snapped_xy", {iso.snapped_from().x, iso.snapped_from().y}},
                        {"profile", iso.profile() == geo::Profile::driving ? "drive" : "walk"},
                        {"opacity", state.view.style(MapLayer::isochrones).opacity}, {"error", iso.error()}};
    j["bands"] = nlohmann::json::array();
    for (const auto& b : iso.bands())
        j["bands"].push_back({{"minutes", b.minutes}, {"polygons", b.polygons}, {"holes", b.holes}, {"road_m", b.road_m},
                              {"nodes", b.nodes}, {"area_m2", b.area_m2}, {"rgba", {b.colour.r, b.colour.g, b.colour.b, b.colour.a}}});
    return j;
}

nlohmann::json within_report(const AppState& state) {
    const WithinQuery& w = state.response.within;
    nlohmann::json j = {{"radius_m", w.radius_m}, {"along_streets", w.along_streets}, {"error", w.error}};
    if (state.selection) j["of"] = {{"layer", geo::layer_spec(state.selection->kind).name}, {"index", state.selection->index}};
    j["hits"] = nlohmann::json::array();
    for (const auto& h : w.hits)
        j["hits"].push_back({{"layer", geo::layer_spec(h.layer).name}, {"id", h.id}, {"label", h.label}, {"distance_m", h.distance_m}});
    return j;
}

// The Lectures tab's plan as the table lists it, with where the map drew each venue and
// whether the workspace has it held.
nlohmann::json lectures_report(const AppState& state, const MapView::Rect& rect) {
    const LectureReview& r = state.lectures;
    const geo::LecturePlan& plan = *r.plan;
    nlohmann::json j = {{"weeks", plan.weeks},
                        {"teams", r.planned_options.teams},
                        {"per_team_week", r.planned_options.per_team_week},
                        {"min_gap_weeks", r.planned_options.min_gap_weeks},
                        {"plan_ms", r.plan_ms},
                        {"shown_week", r.shown_week >= 0 ? nlohmann::json(plan.weeks[static_cast<std::size_t>(r.shown_week)]) : nlohmann::json()},
                        {"selected", r.selected >= 0 ? nlohmann::json(r.selected) : nlohmann::json()},
                        {"message", r.message}};
    j["lectures"] = nlohmann::json::array();
    for (std::size_t k = 0; k < plan.lectures.size(); ++k) {
        const geo::PlannedLecture& l = plan.lectures[k];
        const geo::LectureVenue& v = plan.venues[l.venue];
        nlohmann::json topics = nlohmann::json::array();
        for (auto t : l.why.topics) topics.push_back(geo::name_of(t));
        const map::ScreenPoint s = state.camera.to_screen(v.location);
        const auto week = static_cast<std::size_t>(std::find(plan.weeks.begin(), plan.weeks.end(), l.week) - plan.weeks.begin());
        j["lectures"].push_back({{"week", l.week}, {"colour", rgb(lecture_week_colour(week))}, {"team", l.team}, {"date", lecture_date(state, k)}, {"venue_id", v.id},
                                 {"venue", v.name},
                                 {"neighbourhood_id", v.neighbourhood >= 0 ? state.district.neighbourhoods[static_cast<std::size_t>(v.neighbourhood)].id : ""},
                                 {"audience", v.audience}, {"topics", topics}, {"score", l.why.score}, {"risk_per_1000", l.why.per_1000},
                                 {"held", held_record(state, k) != nullptr}, {"px", {rect.x + s.x, rect.y + s.y}}});
    }
    return j;
}

// The replayed track as the map drew it: the matched streets, the dwells, the day's planned
// stops and the officer's marker at the moment shown, with where each was drawn.
nlohmann::json track_report(const AppState& state, const MapView::Rect& rect) {
    const geo::TrackReview& r = *state.replay.review;
    const geo::Track& track = *replayed_track(state);
    const auto xy = [](geo::XY p) { return nlohmann::json{p.x, p.y}; };
    const auto px = [&](geo::XY p) {
        const map::ScreenPoint s = state.camera.to_screen(p);
        return nlohmann::json{rect.x + s.x, rect.y + s.y};
    };
    const auto utc = [](geo::Timestamp t) { return geo::format_iso8601_utc(t); };
    nlohmann::json j = {{"id", r.track_id}, {"officer_id", r.officer_id}, {"date", r.date}, {"week", r.week}, {"fixes", r.fixes},
                        {"unmatched", r.match.unmatched}, {"stretches", r.match.chains.size()}, {"matched_m", r.matched_m},
                        {"stops_visited", r.stops_visited()}, {"stops_not_visited", r.stops_not_visited()},
                        {"planned_path_vertices", r.planned_path.size()}};
    j["matched_lines"] = nlohmann::json::array();
    for (const auto& line : r.matched_lines) {
        nlohmann::json points = nlohmann::json::array();
        for (const auto& p : line) points.push_back(xy(p));
        j["matched_lines"].push_back(points);
    }
    j["dwells"] = nlohmann::json::array();
    for (const auto& d : r.dwells)
        j["dwells"].push_back({{"start", utc(d.dwell.start)}, {"end", utc(d.dwell.end)},
                               {"start_local", local_clock(state, geo::seconds_of(d.dwell.start), "%H:%M")},
                               {"end_local", local_clock(state, geo::seconds_of(d.dwell.end), "%H:%M")}, {"building_id", d.building_id},
                               {"planned", d.planned}, {"ambiguous", d.ambiguous}, {"centre", xy(d.dwell.centre)}, {"px", px(d.dwell.centre)},
                               {"ring_px", dwell_ring_px(d.dwell.seconds())}});
    j["planned_stops"] = nlohmann::json::array();
    for (const auto& s : r.planned_stops)
        j["planned_stops"].push_back({{"building_id", s.stop.visit.building_id}, {"order", s.stop.visit.order}, {"visited", s.visited},
                                      {"visited_at", s.visited ? nlohmann::json(utc(s.visited_at)) : nlohmann::json()},
                                      {"location", xy(s.stop.location)}, {"px", px(s.stop.location)}});
    const geo::ReplayPosition at = geo::replay_position(track.points, r.timed_lines, state.replay.time_s);
    j["time_s"] = state.replay.time_s;
    j["time_local"] = local_clock(state, state.replay.time_s);
    j["marker"] = {{"xy", xy(at.at)}, {"px", px(at.at)}, {"on_streets", at.on_streets}, {"stretch", at.chain}};
    return j;
}

nlohmann::json optional_number(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

// The Dashboard tab's figures as it drew them last frame, and where it drew the chart's bars.
nlohmann::json dashboard_report(const DashboardView& d) {
    const DashboardView::Figures& f = *d.figures;
    nlohmann::json j;
    j["week"] = f.week;
    j["breakdown_period"] = d.breakdown_period;
    for (const auto& r : f.rows)
        j["headline"].push_back({{"row", r.label},
                                 {"available", r.available},
                                 {"cases", r.now.cases},
                                 {"before", r.before.cases},
                                 {"loss_yuan", r.now.loss_yuan},
                                 {"p_value", r.cases.p_value},
                                 {"significant_rise", r.available && r.cases.significant_rise},
                                 {"significant_fall", r.available && r.cases.significant_fall},
                                 {"warnings", r.warned_now.warnings},
                                 {"warned_dissuaded", r.warned_now.dissuaded},
                                 {"warned_payment_stopped", r.warned_now.payment_stopped},
                                 {"protected_yuan", r.warned_now.protected_yuan}});
    for (std::size_t k = 0; k < f.series.size(); ++k) {
        const auto& p = f.series[k];
        nlohmann::json point = {{"week", p.label}, {"cases", p.cases}, {"warnings", p.warnings}, {"expected", optional_number(p.expected)},
                                {"low", optional_number(p.low)}, {"high", optional_number(p.high)}, {"spike", p.spike}};
        if (k < d.bars.size()) point["bar_px"] = {d.bars[k].x0, d.bars[k].y0, d.bars[k].x1, d.bars[k].y1};
        j["series"].push_back(point);
    }
    j["chart_rect"] = d.chart_rect;
    for (std::size_t k = 0; k < std::min<std::size_t>(10, f.neighbourhoods.size()); ++k) {
        const auto& h = f.neighbourhoods[k];
        j["neighbourhoods"].push_back({{"id", h.id}, {"cases", h.cases}, {"per_1000", optional_number(h.per_1000)}, {"officer", h.officer}});
    }
    j["type_age_total"] = f.type_age.total;
    j["lectures"] = {{"held", d.lectures.lectures}, {"attendance", d.lectures.attendance}, {"leaflets", d.lectures.leaflets}};
    j["sources"] = f.sources;
    return j;
}

}  // namespace

void write_frame_report(const std::string& path, const AppState& state, const MapView& view) {
    const MapScene& scene = view.scene();
    const MapView::Rect rect = view.last_rect();
    nlohmann::json j;
    j["map_rect"] = {rect.x, rect.y, rect.w, rect.h};
    j["pixels_per_metre"] = state.camera.pixels_per_metre();
    j["centre"] = {state.camera.centre().x, state.camera.centre().y};
    j["viewport"] = {state.camera.width_px(), state.camera.height_px()};
    j["heatmap"] = {{"range_max", scene.heatmap_style().range_max}, {"bandwidth_m", scene.heatmap_style().bandwidth_m},
                    {"kernel", scene.heatmap_style().kernel}};
    j["incidents_drawn"] = state.view.style(MapLayer::incidents).visible ? scene.visible_incidents().size() : 0;
    for (MapLayer layer : kAllMapLayers) j["layers"][layer_key(layer)] = state.view.style(layer).visible;
    j["analysis"] = nlohmann::json::array();
    for (const auto& entry : scene.analysis().legend())
        j["analysis"].push_back({{"label", entry.label}, {"count", entry.count}, {"colour", rgb(entry.colour)}});
    if (state.routes.plan) {
        j["routes"] = nlohmann::json::array();
        for (const auto& day : state.routes.plan->days) {
            nlohmann::json stops = nlohmann::json::array();
            for (const auto& s : day.stops) {
                const map::ScreenPoint p = state.camera.to_screen(s.location);
                stops.push_back({{"building_id", s.building_id},
                                 {"px", {rect.x + p.x, rect.y + p.y}},
                                 {"visited", state.visited.contains(s.building_id, day.date)},
                                 {"locked_day", pinned_day(state.routes, s.building_id)}});
            }
            j["routes"].push_back({{"date", day.date}, {"weekday", weekday_of(day.date)}, {"duration_min", day.duration_min}, {"stops", stops}});
        }
        if (state.routes.plan_must_visit) {  // the every-stop summary the panel prints
            const geo::EveryStopSummary s = geo::every_stop_summary(*state.routes.plan);
            nlohmann::json unserved = nlohmann::json::array();
            // "reason": the CLI's English; "shown": the panel's words in the UI's language.
            for (const auto& u : state.routes.plan->unserved)
                unserved.push_back({{"building_id", u.building_id}, {"reason", geo::english(u.why)}, {"shown", left_out_text(u.why)}});
            j["every_stop"] = {{"flag", geo::visit_flag_name(*state.routes.plan_must_visit)},
                               {"listed", s.listed}, {"served", s.served}, {"days_used", s.days_used}, {"days", s.days}, {"unserved", unserved}};
        }
        if (const auto week = geo::parse_iso_week(state.routes.planned_week, state.district.metadata.timezone)) {
            j["progress"] = nlohmann::json::array();
            for (const auto& row : geo::weekly_completion(state.district, state.routes.planned_week, *week))
                j["progress"].push_back({{"officer_id", row.officer_id}, {"issued", row.issued}, {"planned", row.planned}, {"done", row.done}});
        }
    }
    if (state.banners.plan) j["banners"] = banner_review_report(state, rect);
    if (state.replay.review && replayed_track(state)) j["track"] = track_report(state, rect);
    else if (!state.replay.error.empty()) j["track"] = {{"id", state.replay.track_id}, {"error", state.replay.error}};
    if (state.response.respond.active) j["respond"] = respond_report(state, rect);
    if (state.view.style(MapLayer::isochrones).visible && scene.isochrones().computed()) j["isochrones"] = isochrone_report(state, scene, rect);
    if (state.view.style(MapLayer::school_transport).visible) j["school_transport"] = school_transport_report(state, rect.x, rect.y);
    if (state.response.within.shown && state.response.within.computed_for) j["within"] = within_report(state);
    if (state.dashboard.shown && state.dashboard.figures) j["dashboard"] = dashboard_report(state.dashboard);
    if (state.lectures.plan) j["lectures"] = lectures_report(state, rect);
    if (!state.cards.message.empty())
        j["cards"] = {{"neighbourhood_id", state.cards.neighbourhood_id}, {"message", state.cards.message}, {"failed", state.cards.failed}};
    if (state.selection && state.selection->kind == geo::LayerKind::neighbourhoods)
        j["selected_neighbourhood"] = state.district.neighbourhoods.at(state.selection->index).id;
    if (const auto& s = state.summary.summary) {
        j["summary"] = {{"incidents", s->incidents}, {"loss_yuan", s->loss_yuan}, {"recovered_yuan", s->recovered_yuan},
                        {"by_type", s->incidents_by_type}, {"by_outcome", s->incidents_by_outcome}};
        for (const auto& m : s->months) j["summary"]["months"].push_back({{"year", m.year}, {"month", m.month}, {"incidents", m.incidents}});
    }
    j["legend"] = nlohmann::json::array();
    for (const auto& c : scene.choropleth_legend())
        j["legend"].push_back({{"colour", rgb(c.colour)}, {"low", c.low}, {"high", c.high}});
    j["neighbourhoods"] = nlohmann::json::array();
    std::vector<double> bounds;
    for (const auto& c : scene.choropleth_legend()) bounds.push_back(c.low);
    if (!scene.choropleth_legend().empty()) bounds.push_back(scene.choropleth_legend().back().high);
    const auto values = geo::choropleth_values(scene.stats(), state.view.fill_field);
    for (std::size_t n = 0; n < state.district.neighbourhoods.size(); ++n) {
        const auto& hood = state.district.neighbourhoods[n];
        const geo::XY c = geo::centroid(hood.area);
        const map::ScreenPoint s = state.camera.to_screen(c);
        nlohmann::json entry = {{"id", hood.id}, {"centroid_px", {rect.x + s.x, rect.y + s.y}}};
        if (n < values.size() && !std::isnan(values[n]) && bounds.size() >= 2) {
            entry["value"] = values[n];
            entry["class"] = geo::class_of(values[n], bounds);
        }
        j["neighbourhoods"].push_back(entry);
    }
    geo::write_file_atomically(path, j.dump(1) + "\n");
}

}  // namespace gui
