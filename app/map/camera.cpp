#include "app/map/camera.h"

#include "geo/util/nice_length.h"

#include <algorithm>
#include <cmath>

namespace map {

void Camera::set_viewport(int width_px, int height_px) {
    width_px_ = std::max(1, width_px);
    height_px_ = std::max(1, height_px);
}

void Camera::set(geo::XY centre, double pixels_per_metre) {
    centre_ = centre;
    pixels_per_metre_ = std::clamp(pixels_per_metre, kMinPixelsPerMetre, kMaxPixelsPerMetre);
}

geo::XY Camera::to_map(ScreenPoint p) const {
    return {centre_.x + (p.x - width_px_ / 2.0) / pixels_per_metre_,
            centre_.y - (p.y - height_px_ / 2.0) / pixels_per_metre_};
}

ScreenPoint Camera::to_screen(geo::XY p) const {
    return {width_px_ / 2.0 + (p.x - centre_.x) * pixels_per_metre_,
            height_px_ / 2.0 - (p.y - centre_.y) * pixels_per_metre_};
}

void Camera::zoom_at(ScreenPoint anchor, double factor) {
    const geo::XY before = to_map(anchor);
    pixels_per_metre_ = std::clamp(pixels_per_metre_ * factor, kMinPixelsPerMetre, kMaxPixelsPerMetre);
    const geo::XY after = to_map(anchor);
    centre_.x += before.x - after.x;
    centre_.y += before.y - after.y;
}

void Camera::pan_by_pixels(double dx, double dy) {
    centre_.x -= dx / pixels_per_metre_;
    centre_.y += dy / pixels_per_metre_;
}

void Camera::fit(const geo::Envelope& extent, double margin_px) {
    if (extent.empty()) return;
    centre_ = {(extent.min_x + extent.max_x) / 2, (extent.min_y + extent.max_y) / 2};
    const double usable_w = std::max(1.0, width_px_ - 2 * margin_px);
    const double usable_h = std::max(1.0, height_px_ - 2 * margin_px);
    const double w = std::max(extent.width(), 1.0), h = std::max(extent.height(), 1.0);
    pixels_per_metre_ = std::clamp(std::min(usable_w / w, usable_h / h), kMinPixelsPerMetre, kMaxPixelsPerMetre);
}

geo::Envelope Camera::visible_extent() const {
    const geo::XY a = to_map({0, static_cast<double>(height_px_)});
    const geo::XY b = to_map({static_cast<double>(width_px_), 0});
    return {a.x, a.y, b.x, b.y};
}

ScaleBar nice_scale_bar(double pixels_per_metre, double max_px) {
    const double metres = geo::nice_length_m(max_px / pixels_per_metre);
    return {metres, metres * pixels_per_metre};
}

}  // namespace map
