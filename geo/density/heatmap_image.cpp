#include "geo/density/heatmap_image.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include <fmt/format.h>
#include <cairo.h>

#include "geo/report/pdf_text.h"

namespace geo {
namespace {

// Legend layout, pixels.
constexpr int panel_width = 230;
constexpr int margin = 14;
constexpr double font_px = 15;        // pango's absolute size
constexpr int line_height = 24;
constexpr int bar_width = 26;
constexpr int bar_height = 220;
constexpr int tick_length = 6;
const Rgba8 ink{40, 40, 40, 255};
const Rgba8 paper{255, 255, 255, 255};

void fill_rect(RgbaImage& image, int x0, int y0, int x1, int y1, Rgba8 colour) {
    x0 = std::max(x0, 0);
    y0 = std::max(y0, 0);
    x1 = std::min(x1, image.width);
    y1 = std::min(y1, image.height);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) image.at(x, y) = colour;
}

// Text through pango in the reports' CJK font, so units and titles may be Chinese
// ("每平方公里案件数"): drawn on a cairo surface over the image's pixels, which are copied in
// and out (cairo keeps premultiplied BGRA; the text only lands on the opaque white panel).
struct TextJob {
    std::string text;
    int x = 0, y = 0;
};

void draw_texts(RgbaImage& image, const std::vector<TextJob>& jobs) {
    std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height));
    const int stride = cairo_image_surface_get_stride(surface.get());
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    auto premultiply = [](std::uint8_t c, std::uint8_t a) { return static_cast<std::uint8_t>((c * a + 127) / 255); };
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const Rgba8 p = image.at(x, y);
            std::uint32_t argb = (std::uint32_t{p.a} << 24) | (std::uint32_t{premultiply(p.r, p.a)} << 16) |
                                 (std::uint32_t{premultiply(p.g, p.a)} << 8) | premultiply(p.b, p.a);
            std::memcpy(data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) + 4 * static_cast<std::size_t>(x), &argb, 4);
        }
    cairo_surface_mark_dirty(surface.get());
    {
        std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
        PdfText text(cr.get());
        for (const TextJob& job : jobs)
            text.draw(job.text, job.x, job.y, font_px, panel_width - 2 * margin, false, ink.r / 255.0, ink.g / 255.0, ink.b / 255.0);
    }
    cairo_surface_flush(surface.get());
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            std::uint32_t argb;
            std::memcpy(&argb, data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) + 4 * static_cast<std::size_t>(x), 4);
            const std::uint8_t a = argb >> 24;
            auto unpremultiply = [a](std::uint32_t c) { return static_cast<std::uint8_t>(a == 0 ? 0 : std::min<std::uint32_t>(255, (c * 255 + a / 2) / a)); };
            image.at(x, y) = {unpremultiply((argb >> 16) & 0xff), unpremultiply((argb >> 8) & 0xff), unpremultiply(argb & 0xff), a};
        }
}

// Height of `text` wrapped to the panel, in pixels.
int text_height(const std::string& text) {
    std::unique_ptr<cairo_surface_t, CairoDeleter> surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
    std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
    PdfText measure(cr.get());
    return static_cast<int>(std::ceil(measure.measure(text, font_px, panel_width - 2 * margin)));
}

}  // namespace

Rgba8 heat_colour(double t) {
    static const std::vector<Rgba8> stops = ramp_colours(Ramp::yellow_orange_red, 9);
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    const double position = t * static_cast<double>(stops.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(position), stops.size() - 2);
    const double f = position - static_cast<double>(i);
    const auto mix = [f](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
    };
    return {mix(stops[i].r, stops[i + 1].r), mix(stops[i].g, stops[i + 1].g), mix(stops[i].b, stops[i + 1].b), 255};
}

std::string legend_label(double value, double max_value) {
    if (value == 0) return "0";
    const double step = max_value / 4;
    if (step < 1e-4) return fmt::format("{:.2e}", value);
    // Enough decimals for three significant digits of the quarter step.
    const int decimals = std::clamp(2 - static_cast<int>(std::floor(std::log10(step))), 0, 6);
    std::string text = fmt::format("{:.{}f}", value, decimals);
    // Thousands separators on the whole part.
    const std::size_t point = text.find('.');
    const std::size_t whole_end = point == std::string::npos ? text.size() : point;
    for (std::size_t i = whole_end; i > 3; i -= 3) text.insert(i - 3, ",");
    return text;
}

RgbaImage heatmap_image(const Grid& grid, const std::vector<double>& values, double max_value,
                        const std::string& units) {
    const int title_height = std::max(line_height, text_height(units));
    const int legend_height = margin + title_height + margin + bar_height + margin + line_height / 2;

    RgbaImage image;
    image.width = grid.width + panel_width;
    image.height = std::max(grid.height, legend_height);
    image.pixels.assign(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height), Rgba8{0, 0, 0, 0});

    for (int row = 0; row < grid.height; ++row)
        for (int col = 0; col < grid.width; ++col) {
            const double v = values[static_cast<std::size_t>(row) * static_cast<std::size_t>(grid.width) + static_cast<std::size_t>(col)];
            if (v > 0 && max_value > 0) image.at(col, row) = heat_colour(v / max_value);
        }

    // The panel: white, the units on top, then the bar with its labels.
    const int left = grid.width;
    fill_rect(image, left, 0, image.width, image.height, paper);
    std::vector<TextJob> texts = {{units, left + margin, margin}};
    const int bar_top = margin + title_height + margin;
    const int bar_left = left + margin;
    for (int i = 0; i < bar_height; ++i) {
        const double t = 1.0 - static_cast<double>(i) / (bar_height - 1);
        fill_rect(image, bar_left, bar_top + i, bar_left + bar_width, bar_top + i + 1, heat_colour(t));
    }
    // Outline.
    fill_rect(image, bar_left - 1, bar_top - 1, bar_left + bar_width + 1, bar_top, ink);
    fill_rect(image, bar_left - 1, bar_top + bar_height, bar_left + bar_width + 1, bar_top + bar_height + 1, ink);
    fill_rect(image, bar_left - 1, bar_top, bar_left, bar_top + bar_height, ink);
    fill_rect(image, bar_left + bar_width, bar_top, bar_left + bar_width + 1, bar_top + bar_height, ink);
    for (int k = 0; k <= 4; ++k) {
        const double value = max_value * k / 4;
        const int tick_y = bar_top + bar_height - 1 - static_cast<int>(std::lround((bar_height - 1) * k / 4.0));
        fill_rect(image, bar_left + bar_width + 1, tick_y, bar_left + bar_width + 1 + tick_length, tick_y + 1, ink);
        texts.push_back({legend_label(value, max_value), bar_left + bar_width + tick_length + 6, tick_y - line_height / 2 + 2});
    }
    draw_texts(image, texts);
    return image;
}

}  // namespace geo
