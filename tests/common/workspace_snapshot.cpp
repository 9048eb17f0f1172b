#include "tests/common/workspace_snapshot.h"

#include "geo/model/layer_schema.h"

namespace test {

WorkspaceSnapshot snapshot_of(const std::string& ws) {
    WorkspaceSnapshot s;
    std::vector<geo::LayerKind> kinds;
    for (const auto& spec : geo::all_layer_specs()) kinds.push_back(spec.kind);
    geo::WorkspaceRows layers = geo::read_layers(ws, kinds);
    s.metadata = layers.metadata;
    // A GeoPackage keeps each layer's count in gpkg_ogr_contents, which a half-done write could
    // leave wrong; a database counts its rows, which `rows` already holds.
    const bool file = !geo::is_database_workspace(ws);
    for (const auto& spec : geo::all_layer_specs()) {
        s.rows[std::string(spec.name)] = std::move(layers.rows[spec.kind]);
        s.counts[std::string(spec.name)] = file ? geo::count_features(ws, spec.kind) : s.rows[std::string(spec.name)].size();
    }
    for (const auto& c : geo::changes_since(ws, 0)) s.changes.push_back(std::to_string(c.change) + " " + c.at + " " + c.tables + ": " + c.summary);
    const geo::District d = geo::read_district(ws);
    s.planned_visits = d.planned_visits;
    s.visits = d.visits;
    s.lectures = d.lectures;
    s.tracks = d.tracks;
    return s;
}

std::string difference(const WorkspaceSnapshot& now, const WorkspaceSnapshot& before) {
    if (now.metadata.change != before.metadata.change || now.metadata.updated != before.metadata.updated)
        return "metadata: change " + std::to_string(now.metadata.change) + " updated " + now.metadata.updated + ", was " +
               std::to_string(before.metadata.change) + " " + before.metadata.updated;
    if (now.metadata.crs != before.metadata.crs) return "metadata: CRS " + now.metadata.crs + ", was " + before.metadata.crs;
    if (now.changes != before.changes) return "change log: " + std::to_string(now.changes.size()) + " entries, was " + std::to_string(before.changes.size());
    for (const auto& [name, rows] : before.rows) {
        const auto& mine = now.rows.at(name);
        if (mine.size() != rows.size())
            return name + ": " + std::to_string(mine.size()) + " rows, was " + std::to_string(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (!(mine[i].geometry == rows[i].geometry) || mine[i].values != rows[i].values)
                return name + ": row " + std::to_string(i) + " differs";
        if (now.counts.at(name) != before.counts.at(name))
            return name + ": feature count " + std::to_string(now.counts.at(name)) + ", was " + std::to_string(before.counts.at(name));
    }
    if (now.planned_visits != before.planned_visits) return "planned visits differ";
    if (now.visits != before.visits) return "visits differ";
    if (now.lectures != before.lectures) return "lectures differ";
    if (now.tracks != before.tracks) return "tracks differ";
    return "";
}

}  // namespace test
