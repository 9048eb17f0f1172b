#pragma once
// The checks an imported row needs another layer of the workspace for, made after the row is
// valid on its own and before anything is written:
//  sightings  the camera must be one of the sites, of kind camera; a sighting the source gave no
//             point gets the camera's (the camera is where it was seen);
//  vehicles   a school, when named, must be a school site; a plate must not repeat another
//             vehicle's, in the workspace or earlier in the source (sightings find their vehicle
//             by plate, geo/transport/plate.h).
// Other layers refer to nothing that is checked.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/io/workspace_store.h"

namespace geo {

struct ReferenceProblem {
    std::string field;
    std::string reason;  // "'S99' is not a camera among the sites (cameras: S60, S61 ...)"
};

// The layers an import of `kind` reads besides its own: sites for sightings and vehicles.
std::vector<LayerKind> referenced_layers(LayerKind kind);

class LayerReferences {
public:
    // `workspace` holds the referenced layers and the layer itself as they are now; with
    // `replace` the layer's own rows are on their way out and clash with nothing.
    LayerReferences(LayerKind kind, const WorkspaceRows& workspace, bool replace);

    // Checks `row` and completes it (a sighting's point); remembers what later rows must not
    // repeat. The problem, if any, names our field.
    std::optional<ReferenceProblem> complete(Row& row);

private:
    LayerKind kind_;
    std::map<std::string, XY> cameras_;          // camera site id -> place
    std::map<std::string, std::string> sites_;   // every site id -> kind
    std::map<std::string, std::string> plates_;  // plate key -> the vehicle id that has it
};

}  // namespace geo
