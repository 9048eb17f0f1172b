#pragma once
// Text on cairo pages through pango, in Noto Sans CJK SC: what every printed report uses.
#include <memory>
#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace geo {

inline constexpr const char* kReportFont = "Noto Sans CJK SC";

struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};

class PdfText {
public:
    explicit PdfText(cairo_t* cr);
    // Draws text at (x, y) top-left, wrapped to `width` (0 = no wrap); returns its height.
    double draw(const std::string& text, double x, double y, double size, double width = 0, bool bold = false,
                double r = 0.1, double g = 0.1, double b = 0.1);
    // Lays the text out without drawing; returns its height (last_width() gives the width).
    double measure(const std::string& text, double size, double width = 0, bool bold = false);
    double last_width() const { return last_width_; }

private:
    cairo_t* cr_;
    std::unique_ptr<PangoLayout, CairoDeleter> layout_;
    double last_width_ = 0;
};

}  // namespace geo
