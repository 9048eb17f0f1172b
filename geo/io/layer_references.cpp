#include "geo/io/layer_references.h"

#include "geo/model/enums.h"
#include "geo/transport/plate.h"

namespace geo {
namespace {

std::string text_of(const Row& row, const std::string& field) {
    const FieldValue* v = row.get(field);
    return v ? to_text(*v) : std::string();
}

// "S60, S61, S62 and 25 more": enough to see what the ids look like.
std::string some_ids(const std::map<std::string, XY>& ids) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& [id, place] : ids) {
        if (shown == 3) return out + " and " + std::to_string(ids.size() - 3) + " more";
        out += (shown++ ? ", " : "") + id;
    }
    return out.empty() ? "none" : out;
}

}  // namespace

std::vector<LayerKind> referenced_layers(LayerKind kind) {
    if (kind == LayerKind::sightings || kind == LayerKind::vehicles) return {LayerKind::sites};
    return {};
}

LayerReferences::LayerReferences(LayerKind kind, const WorkspaceRows& workspace, bool replace) : kind_(kind) {
    if (auto it = workspace.rows.find(LayerKind::sites); it != workspace.rows.end())
        for (const Row& site : it->second) {
            const std::string id = text_of(site, "id"), site_kind = text_of(site, "kind");
            sites_[id] = site_kind;
            if (site_kind == name_of(SiteKind::camera))
                if (const auto* p = std::get_if<XY>(&site.geometry)) cameras_[id] = *p;
        }
    if (kind == LayerKind::vehicles && !replace)
        if (auto it = workspace.rows.find(LayerKind::vehicles); it != workspace.rows.end())
            for (const Row& vehicle : it->second) plates_[plate_key(text_of(vehicle, "plate"))] = text_of(vehicle, "id");
}

std::optional<ReferenceProblem> LayerReferences::complete(Row& row) {
    if (kind_ == LayerKind::sightings) {
        const std::string camera = text_of(row, "camera_id");
        const auto it = cameras_.find(camera);
        if (it == cameras_.end()) {
            const auto site = sites_.find(camera);
            return ReferenceProblem{"camera_id", "'" + camera + "' is " +
                                                     (site == sites_.end() ? std::string("not one of the sites")
                                                                           : "a site of kind " + site->second + ", not a camera") +
                                                     " (cameras: " + some_ids(cameras_) + ")"};
        }
        if (std::holds_alternative<std::monostate>(row.geometry)) row.geometry = it->second;
    }
    if (kind_ == LayerKind::vehicles) {
        const std::string school = text_of(row, "school_id");
        if (!school.empty()) {
            const auto site = sites_.find(school);
            if (site == sites_.end() || site->second != name_of(SiteKind::school))
                return ReferenceProblem{"school_id", "'" + school + "' is not a school among the sites"};
        }
        const std::string key = plate_key(text_of(row, "plate"));
        const auto [clash, fresh] = plates_.emplace(key, text_of(row, "id"));
        if (!fresh)
            return ReferenceProblem{"plate", "'" + text_of(row, "plate") + "' is already vehicle " + clash->second + "'s plate"};
    }
    return std::nullopt;
}

}  // namespace geo
