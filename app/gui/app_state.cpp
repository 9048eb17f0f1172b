#include "app/gui/app_state.h"

#include <algorithm>

#include "app/gui/i18n.h"
#include "geo/edit/autosave.h"
#include "geo/io/workspace_store.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"

namespace gui {

const char* layer_key(MapLayer layer) {
    switch (layer) {
        case MapLayer::basemap: return "basemap";
        case MapLayer::neighbourhoods: return "neighbourhoods";
        case MapLayer::buildings: return "buildings";
        case MapLayer::heatmap: return "heatmap";
        case MapLayer::analysis: return "analysis";
        case MapLayer::isochrones: return "isochrones";
        case MapLayer::roads: return "roads";
        case MapLayer::officer_areas: return "officer_areas";
        case MapLayer::posters: return "posters";
        case MapLayer::sites: return "sites";
        case MapLayer::incidents: return "incidents";
        case MapLayer::school_transport: return "school_transport";
    }
    return "";
}

const char* layer_title(MapLayer layer) {
    switch (layer) {
        case MapLayer::basemap: return tr("Basemap");
        case MapLayer::neighbourhoods: return tr("Neighbourhoods");
        case MapLayer::buildings: return tr("Buildings");
        case MapLayer::heatmap: return tr("Heatmap");
        case MapLayer::analysis: return tr("Hot spots and clusters");
        case MapLayer::isochrones: return tr("Isochrones");
        case MapLayer::roads: return tr("Roads");
        case MapLayer::officer_areas: return tr("Officer areas");
        case MapLayer::posters: return tr("Posters, cards, banners");
        case MapLayer::sites: return tr("Sites");
        case MapLayer::incidents: return tr("Fraud cases");
        case MapLayer::school_transport: return tr("School transport");
    }
    return "";
}

std::optional<MapLayer> parse_map_layer(std::string_view key) {
    for (MapLayer layer : kAllMapLayers)
        if (key == layer_key(layer)) return layer;
    return std::nullopt;
}

void AppState::rebuild_time_steps() {
    time.steps.clear();
    if (auto range = geo::incident_time_range(district))
        time.steps = geo::windows_covering(range->from, range->to - std::chrono::seconds(1), time.step,
                                           district.metadata.timezone);
    time.first = 0;
    time.last = time.steps.empty() ? 0 : static_cast<int>(time.steps.size()) - 1;
    apply_time_range();
}

void AppState::apply_time_range() {
    if (time.all_time || time.steps.empty()) {
        filter.window.reset();
    } else {
        time.first = std::clamp(time.first, 0, static_cast<int>(time.steps.size()) - 1);
        time.last = std::clamp(time.last, time.first, static_cast<int>(time.steps.size()) - 1);
        filter.window = geo::TimeWindow{time.steps[time.first].from, time.steps[time.last].to};
    }
    ++filter_version;
}

std::optional<std::string> AppState::refusal(const geo::PosterEdit& edit) const {
    std::string id, station;
    if (const auto* move = std::get_if<geo::MovePoster>(&edit)) {
        id = move->id;
        for (const auto& p : district.posters)
            if (p.id == id) station = p.station_id;
    } else if (const auto* removal = std::get_if<geo::DeletePoster>(&edit)) {
        id = removal->poster.id, station = removal->poster.station_id;
    } else {
        return std::nullopt;  // a new poster becomes the user's station's when saved
    }
    if (scope.may_write(station)) return std::nullopt;
    std::string whose = station;
    for (const auto& s : district.stations)
        if (s.id == station && !s.name.empty()) whose = s.name + " (" + s.id + ")";
    return id + ": " + tr("belongs to") + " " + (station.empty() ? std::string(tr("the city administrator")) : whose) + "; " +
           tr("you may change only the posters of") + " " +
           (scope.stations.empty() ? std::string(tr("no station")) : scope.stations_text());
}

std::string AppState::station_text() const {
    if (scope.user.empty()) return {};  // a GeoPackage: no one else writes here
    if (scope.all_stations) return std::string(tr("city administrator")) + " · " + scope.user;
    return (scope.stations.empty() ? std::string(tr("no station: read only")) : scope.stations_text()) + " · " + scope.user;
}

void AppState::perform(geo::PosterEdit edit) {
    if (auto why = refusal(edit)) {
        status = *why;
        return;
    }
    history.perform(district, std::move(edit));
    geo::sync_journal(workspace, district.metadata, history);
    selection.reset();
    ++filter_version;
}

void AppState::undo() {
    if (!history.undo(district)) return;
    geo::sync_journal(workspace, district.metadata, history);
    selection.reset();
    ++filter_version;
}

void AppState::redo() {
    if (!history.redo(district)) return;
    geo::sync_journal(workspace, district.metadata, history);
    selection.reset();
    ++filter_version;
}

void AppState::save() {
    geo::save_posters(workspace, district, history);
}

void AppState::save_visits(const std::vector<geo::PlannedVisit>& planned_before, const std::vector<geo::VisitRecord>& visits_before) {
    try {
        // Merged with what other programs recorded meanwhile (a CSV import beside the app).
        geo::VisitCommit done = geo::commit_visits(workspace, {planned_before, visits_before},
                                                   {district.planned_visits, district.visits});
        district.metadata = std::move(done.metadata);
        district.planned_visits = std::move(done.tables.planned);
        district.visits = std::move(done.tables.visits);
    } catch (...) {
        district.planned_visits = planned_before;
        district.visits = visits_before;
        throw;
    }
    visited = geo::VisitLookup(district.visits);
    ++visits_version;
    // Unsaved poster edits now sit on the new stamp: the journal must say so, or the next start
    // would call it stale and the edits would not come back after a crash.
    geo::sync_journal(workspace, district.metadata, history);
}

bool AppState::reload_if_changed() {
    if (workspace.empty()) return false;
    const geo::Metadata on_disk = geo::read_metadata(workspace);
    if (on_disk.change == district.metadata.change || on_disk.change == reload_refused_at) return false;
    geo::District fresh;
    try {
        fresh = geo::reload_with_edits(workspace, district, history);
    } catch (const geo::BadInput& e) {
        reload_refused_at = on_disk.change;
        status = e.what();
        return false;
    }
    const std::vector<geo::ChangeEntry> changes = geo::changes_since(workspace, district.metadata.change);
    district = std::move(fresh);
    incident_neighbourhood = geo::neighbourhood_of_incidents(district);
    visited = geo::VisitLookup(district.visits);
    selection.reset();
    rebuild_time_steps();
    apply_time_range();
    ++data_version;
    ++visits_version;
    ++style_version;
    // The unsaved edits now sit on the new state: the journal says so, or after a crash it
    // would be called stale.
    geo::sync_journal(workspace, district.metadata, history);
    status = std::string(tr("Reloaded: another program changed the workspace")) +
             (changes.empty() ? std::string() : " (" + changes.back().summary + ")");
    return true;
}

AppState load_state(const std::filesystem::path& workspace) {
    AppState state;
    state.workspace = workspace;
    state.district = geo::read_district(workspace);
    state.scope = geo::writer_scope(workspace);
    state.incident_neighbourhood = geo::neighbourhood_of_incidents(state.district);
    state.visited = geo::VisitLookup(state.district.visits);
    state.rebuild_time_steps();
    return state;
}

}  // namespace gui
