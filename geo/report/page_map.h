#pragma once
// Small maps on printed pages: a frame that fits an extent into a box on the page, and the
// streets and buildings drawn under whatever the report adds (a route, a banner's reach).
#include <utility>

#include <cairo.h>

#include "geo/model/district.h"

namespace geo {

class PageFrame {
public:
    // Fits `extent` into the box (x0, y0, w, h) in points, centred, north up.
    PageFrame(const Envelope& extent, double x0, double y0, double w, double h);
    std::pair<double, double> to_page(XY p) const;
    double points_per_metre() const { return scale_; }
    Envelope visible() const;  // the whole box, in metres

private:
    Envelope extent_;
    double x0_, y0_, w_, h_, scale_, ox_, oy_;
};

// Fills the box pale, outlines it, and clips to it (until the matching cairo_restore()).
void begin_page_map(cairo_t* cr, double x0, double y0, double w, double h);
// Building footprints and roads (wider for busier classes) inside the frame.
void draw_streets(cairo_t* cr, const District& district, const PageFrame& frame);

}  // namespace geo
