#include "geo/report/page_map.h"

#include <algorithm>

namespace geo {

PageFrame::PageFrame(const Envelope& extent, double x0, double y0, double w, double h)
    : extent_(extent), x0_(x0), y0_(y0), w_(w), h_(h),
      scale_(std::min(w / std::max(extent.width(), 1e-9), h / std::max(extent.height(), 1e-9))),
      ox_(x0 + (w - extent.width() * scale_) / 2), oy_(y0 + (h - extent.height() * scale_) / 2) {}

std::pair<double, double> PageFrame::to_page(XY p) const {
    return {ox_ + (p.x - extent_.min_x) * scale_, oy_ + (extent_.max_y - p.y) * scale_};
}

Envelope PageFrame::visible() const {
    return {extent_.min_x - (ox_ - x0_) / scale_, extent_.max_y - (y0_ + h_ - oy_) / scale_,
            extent_.min_x + (x0_ + w_ - ox_) / scale_, extent_.max_y + (oy_ - y0_) / scale_};
}

void begin_page_map(cairo_t* cr, double x0, double y0, double w, double h) {
    cairo_save(cr);
    cairo_rectangle(cr, x0, y0, w, h);
    cairo_set_source_rgb(cr, 0.97, 0.97, 0.95);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke_preserve(cr);
    cairo_clip(cr);
}

void draw_streets(cairo_t* cr, const District& d, const PageFrame& frame) {
    const Envelope near = frame.visible().grown(100);
    for (const auto& b : d.buildings) {
        if (!near.contains(b.location)) continue;
        for (const auto& poly : b.footprint) {
            for (std::size_t i = 0; i < poly.outer.size(); ++i) {
                auto [x, y] = frame.to_page(poly.outer[i]);
                i ? cairo_line_to(cr, x, y) : cairo_move_to(cr, x, y);
            }
            cairo_close_path(cr);
        }
    }
    cairo_set_source_rgb(cr, 0.82, 0.80, 0.76);
    cairo_fill(cr);
    for (const auto& road : d.roads) {
        const double width = road.road_class == RoadClass::provincial ? 3.0 : road.road_class == RoadClass::arterial ? 2.2
                           : road.road_class == RoadClass::local   ? 1.4 : 0.8;
        for (const auto& line : road.line)
            for (std::size_t i = 0; i < line.size(); ++i) {
                auto [x, y] = frame.to_page(line[i]);
                i ? cairo_line_to(cr, x, y) : cairo_move_to(cr, x, y);
            }
        cairo_set_source_rgb(cr, 0.70, 0.70, 0.70);
        cairo_set_line_width(cr, width);
        cairo_stroke(cr);
    }
}

}  // namespace geo
