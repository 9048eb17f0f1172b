#include "geo/density/heatmap_image.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include <fmt/format.h>
#include <stb/stb_easy_font.h>

namespace geo {
namespace {

// Legend layout, pixels.
constexpr int panel_width = 230;
constexpr int margin = 14;
constexpr int text_scale = 2;         // stb_easy_font's glyphs are about 7 px tall at scale 1
constexpr int line_height = 12 * text_scale;
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

// ASCII text at (x, y) (top-left), `scale` pixels per font unit; returns the width drawn.
int draw_ascii(RgbaImage& image, int x, int y, const std::string& text, int scale) {
    if (text.empty()) return 0;
    std::string buffer = text;
    // ~270 bytes a character, says stb_easy_font.h; 16 bytes a vertex, 4 vertices a quad.
    std::vector<unsigned char> vertices(buffer.size() * 400 + 64);
    const int quads = stb_easy_font_print(0, 0, buffer.data(), nullptr, vertices.data(),
                                          static_cast<int>(vertices.size()));
    for (int q = 0; q < quads; ++q) {
        float xs[4], ys[4];
        for (int v = 0; v < 4; ++v) {
            std::memcpy(&xs[v], vertices.data() + (q * 4 + v) * 16, sizeof(float));
            std::memcpy(&ys[v], vertices.data() + (q * 4 + v) * 16 + 4, sizeof(float));
        }
        const float qx0 = *std::min_element(xs, xs + 4), qx1 = *std::max_element(xs, xs + 4);
        const float qy0 = *std::min_element(ys, ys + 4), qy1 = *std::max_element(ys, ys + 4);
        fill_rect(image, x + static_cast<int>(std::lround(qx0 * static_cast<float>(scale))),
                  y + static_cast<int>(std::lround(qy0 * static_cast<float>(scale))),
                  x + static_cast<int>(std::lround(qx1 * static_cast<float>(scale))),
                  y + static_cast<int>(std::lround(qy1 * static_cast<float>(scale))), ink);
    }
    return stb_easy_font_width(buffer.data()) * scale;
}

// Text with "²" (UTF-8 C2 B2) drawn as a raised 2 at half scale; everything else ASCII.
int draw_text(RgbaImage& image, int x, int y, const std::string& text) {
    static const std::string squared = "\xC2\xB2";
    int drawn = 0;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(squared, start);
        drawn += draw_ascii(image, x + drawn, y, text.substr(start, at - start), text_scale);
        if (at == std::string::npos) return drawn;
        drawn += draw_ascii(image, x + drawn, y - 2 * text_scale, "2", text_scale / 2 > 0 ? text_scale / 2 : 1);
        start = at + squared.size();
    }
}

// Width of a line as draw_text draws it.
int text_width(const std::string& text) {
    std::string ascii;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xC2\xB2") == 0) {
            ascii += '2';  // about as wide at half scale as a space at full: close enough for layout
            ++i;
        } else {
            ascii += text[i];
        }
    }
    return stb_easy_font_width(ascii.data()) * text_scale;
}

// The units split into lines that fit the panel, at spaces.
std::vector<std::string> wrap(const std::string& text, int width_px) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && text_width(candidate) > width_px) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        start = end + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
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
    const std::vector<std::string> title = wrap(units, panel_width - 2 * margin);
    const int title_height = static_cast<int>(title.size()) * line_height;
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
    int y = margin;
    for (const std::string& line : title) {
        draw_text(image, left + margin, y, line);
        y += line_height;
    }
    const int bar_top = y + margin;
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
        draw_text(image, bar_left + bar_width + tick_length + 6, tick_y - 4 * text_scale, legend_label(value, max_value));
    }
    return image;
}

}  // namespace geo
