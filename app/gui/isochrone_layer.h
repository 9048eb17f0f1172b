#pragma once
// The isochrone map layer (issue 11): where one gets within 3, 5, 10 minutes of an origin along
// the roads (geo::isochrones), as translucent bands, the largest painted first and the shorter
// times darker on top, holes (blocks no road reaches in time) left open. Recomputed only when
// the settings or the data change.
#include <string>
#include <vector>

#include "app/gui/response_state.h"
#include "app/map/gpu_layers.h"
#include "app/map/map_renderer.h"
#include "geo/classify/colours.h"
#include "geo/model/district.h"
#include "geo/network/road_graph.h"

namespace gui {

struct IsochroneBand {
    double minutes = 0;
    std::size_t polygons = 0, holes = 0;
    double road_m = 0;
    std::size_t nodes = 0;
    double area_m2 = 0;
    geo::Rgba8 colour;  // as uploaded, alpha included
};

class IsochroneLayer {
public:
    // `origin` is the scene's (map floats are relative to it). Problems become error().
    void update(const geo::District& district, const geo::RoadGraph& graph, const IsochroneSettings& settings, geo::XY origin);
    void add_draw_items(std::vector<map::DrawItem>& items, float opacity) const;

    const std::vector<IsochroneBand>& bands() const { return bands_; }  // in settings' order (shortest first)
    geo::XY from() const { return from_; }            // the origin as asked
    geo::XY snapped_from() const { return snapped_; }  // where it meets the road the search starts on
    const std::string& from_label() const { return from_label_; }
    geo::Profile profile() const { return profile_; }
    const std::string& error() const { return error_; }
    bool computed() const { return computed_; }

    // Band k's colour for k of n bands: darker for shorter times (ColorBrewer Blues).
    static geo::Rgba8 band_colour(std::size_t k, std::size_t n);

private:
    map::FillLayer fill_;
    map::LineLayer outline_;
    std::vector<IsochroneBand> bands_;
    geo::XY from_{}, snapped_{};
    std::string from_label_;
    geo::Profile profile_ = geo::Profile::driving;
    std::string error_;
    bool computed_ = false;
};

}  // namespace gui
