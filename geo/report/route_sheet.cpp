#include "geo/report/route_sheet.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include "geo/report/page_map.h"
#include "geo/report/pdf_text.h"
#include "geo/util/error.h"
#include "geo/util/nice_length.h"
#include "geo/util/pending_file.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

// A4 in points (1/72 inch).
constexpr double kPageW = 595.28, kPageH = 841.89, kMargin = 36;

// The map box: streets, buildings, the route, the post and numbered stops.
void draw_map(cairo_t* cr, PdfText& text, const DayRoute& route, const District& d, double x0, double y0, double w, double h) {
    // The map shows the stops; the post and the walk there are included when they are close,
    // else the route runs off the edge towards the post (the first and last legs).
    Envelope e;
    for (const auto& s : route.stops) e.expand(s.location);
    if (e.empty()) e.expand(route.post);
    const Envelope stops = e;
    const double reach = std::max({stops.width(), stops.height(), 300.0}) * 1.5;
    if (route.post.x > stops.min_x - reach && route.post.x < stops.max_x + reach && route.post.y > stops.min_y - reach &&
        route.post.y < stops.max_y + reach)
        e.expand(route.post);
    const double pad = std::max({e.width(), e.height(), 200.0}) * 0.08;
    e = e.grown(pad);
    const PageFrame frame(e, x0, y0, w, h);
    const double scale = frame.points_per_metre();
    auto px = [&](const XY& p) { return frame.to_page(p); };
    begin_page_map(cr, x0, y0, w, h);
    draw_streets(cr, d, frame);
    // The route.
    for (std::size_t i = 0; i < route.path.size(); ++i) {
        auto [x, y] = px(route.path[i]);
        i ? cairo_line_to(cr, x, y) : cairo_move_to(cr, x, y);
    }
    cairo_set_source_rgba(cr, 0.10, 0.35, 0.80, 0.85);
    cairo_set_line_width(cr, 2.6);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    // The post: a square.
    {
        auto [x, y] = px(route.post);
        cairo_rectangle(cr, x - 6, y - 6, 12, 12);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cairo_fill(cr);
        text.draw("岗", x - 4.5, y - 6.5, 9, 0, true, 1, 1, 1);
    }
    // Numbered stops.
    for (std::size_t k = 0; k < route.stops.size(); ++k) {
        auto [x, y] = px(route.stops[k].location);
        cairo_new_path(cr);
        cairo_arc(cr, x, y, 7.5, 0, 2 * M_PI);
        cairo_set_source_rgb(cr, 0.85, 0.25, 0.15);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
        const std::string label = std::to_string(k + 1);
        text.measure(label, 8, 0, true);
        text.draw(label, x - text.last_width() / 2, y - 5.6, 8, 0, true, 1, 1, 1);
    }
    cairo_restore(cr);

    // Scale bar (1, 2 or 5 × 10ⁿ m, at most a quarter of the box) and north arrow.
    const double bar_m = nice_length_m(w / 4 / scale);  // at most a quarter of the box
    const double bx = x0 + 10, by = y0 + h - 12;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, bx, by);
    cairo_line_to(cr, bx + bar_m * scale, by);
    cairo_stroke(cr);
    text.draw(bar_m >= 1000 ? fmt::format("{:g} km", bar_m / 1000) : fmt::format("{:g} m", bar_m), bx, by - 13, 8);
    cairo_move_to(cr, x0 + w - 16, y0 + 10);
    cairo_line_to(cr, x0 + w - 21, y0 + 24);
    cairo_line_to(cr, x0 + w - 11, y0 + 24);
    cairo_close_path(cr);
    cairo_fill(cr);
    text.draw("北", x0 + w - 21, y0 + 25, 8);
}

}  // namespace

void write_route_sheet_pdf(const DayRoute& route, const District& district, const fs::path& out) {
    PendingFile pending(out);
    {
        std::unique_ptr<cairo_surface_t, CairoDeleter> surface(cairo_pdf_surface_create(pending.path().c_str(), kPageW, kPageH));
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            throw IoError("cannot create " + out.string() + ": " + cairo_status_to_string(cairo_surface_status(surface.get())));
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                       ("反诈走访路线单 " + route.officer_name + " " + route.date).c_str());
        std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
        PdfText text(cr.get());

        const double width = kPageW - 2 * kMargin;
        int page = 1;
        auto footer = [&] {
            text.draw("民警签名：____________    带班民警：____________    日期：____________", kMargin, kPageH - kMargin - 12, 9);
            text.measure(fmt::format("第 {} 页", page), 8);
            text.draw(fmt::format("第 {} 页", page), kPageW - kMargin - text.last_width(), kPageH - kMargin - 12, 8, 0, false, 0.4, 0.4, 0.4);
        };

        // Header and totals.
        double y = kMargin;
        y += text.draw("反诈走访路线单", kMargin, y, 18, 0, true);
        y += text.draw(fmt::format("{}（{}）  {} {}   出发：{} {}", route.officer_name, route.officer_id, route.date, route.weekday,
                                   route.post_name, route.start_time),
                       kMargin, y + 2, 10.5) + 4;
        y += text.draw(fmt::format("走访 {} 处  ·  步行 {:.1f} 公里  ·  预计 {} 小时 {} 分（含走访）", route.stops.size(),
                                   route.distance_m / 1000, static_cast<int>(route.duration_min) / 60,
                                   static_cast<int>(std::lround(route.duration_min)) % 60),
                       kMargin, y + 2, 10.5, 0, false, 0.2, 0.2, 0.2) + 8;

        const double map_h = 300;
        draw_map(cr.get(), text, route, district, kMargin, y, width, map_h);
        y += map_h + 12;

        // The stop list: # | address | households | arrival | why | what to say | done.
        const double col[] = {kMargin, kMargin + 18, kMargin + 138, kMargin + 166, kMargin + 200, kMargin + 322, kMargin + width - 22};
        auto header_row = [&] {
            const char* titles[] = {"序", "地址", "户数", "到达", "走访原因", "宣讲要点", "已访"};
            for (int c = 0; c < 7; ++c) text.draw(titles[c], col[c], y, 9, 0, true);
            y += 14;
            cairo_move_to(cr.get(), kMargin, y);
            cairo_line_to(cr.get(), kMargin + width, y);
            cairo_set_line_width(cr.get(), 0.8);
            cairo_set_source_rgb(cr.get(), 0.3, 0.3, 0.3);
            cairo_stroke(cr.get());
            y += 3;
        };
        header_row();
        for (std::size_t k = 0; k < route.stops.size(); ++k) {
            const RouteStop& s = route.stops[k];
            std::string reasons, points;
            for (const auto& r : s.reasons) reasons += (reasons.empty() ? "" : "；") + r;
            for (const auto& p : s.talking_points) points += (points.empty() ? "" : "\n") + ("· " + p);
            const std::string address = s.address + (s.neighbourhood.empty() ? "" : "\n" + s.neighbourhood);
            // A visit window goes under the arrival time, one clock per line: the column is narrow.
            std::string window = s.window;
            if (const auto dash = window.find('-'); dash != std::string::npos) window.replace(dash, 1, "-\n");
            const double arrival_h = window.empty() ? 14.0 : 12 + text.measure(window, 7);
            const double row_h = std::max({text.measure(address, 9, col[2] - col[1] - 6), text.measure(reasons, 8.5, col[5] - col[4] - 6),
                                           text.measure(points, 8.5, col[6] - col[5] - 6), arrival_h}) + 6;
            if (y + row_h > kPageH - kMargin - 30) {
                footer();
                cairo_show_page(cr.get());
                ++page;
                y = kMargin;
                header_row();
            }
            text.draw(std::to_string(k + 1), col[0], y, 9, 0, true);
            text.draw(address, col[1], y, 9, col[2] - col[1] - 6);
            text.draw(std::to_string(s.households), col[2], y, 9);
            text.draw(clock_text(route.start_time, s.arrival_min), col[3], y, 9);
            if (!window.empty()) text.draw(window, col[3], y + 12, 7, 0, false, 0.4, 0.4, 0.4);
            text.draw(reasons, col[4], y, 8.5, col[5] - col[4] - 6, false, 0.25, 0.25, 0.25);
            text.draw(points, col[5], y, 8.5, col[6] - col[5] - 6);
            cairo_rectangle(cr.get(), col[6] + 4, y + 1, 10, 10);
            cairo_set_line_width(cr.get(), 0.8);
            cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.1);
            cairo_stroke(cr.get());
            y += row_h;
            cairo_move_to(cr.get(), kMargin, y - 3);
            cairo_line_to(cr.get(), kMargin + width, y - 3);
            cairo_set_line_width(cr.get(), 0.3);
            cairo_set_source_rgb(cr.get(), 0.7, 0.7, 0.7);
            cairo_stroke(cr.get());
        }
        text.draw(fmt::format("返回 {}：预计 {}", route.post_name, clock_text(route.start_time, route.duration_min)), kMargin, y + 4, 9);
        footer();
        cairo_show_page(cr.get());
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            throw IoError("cannot write " + out.string() + ": " + cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    pending.commit();
}

std::string clock_text(const std::string& start, double minutes_after) {
    int h = 9, m = 0;
    std::sscanf(start.c_str(), "%d:%d", &h, &m);
    const int total = h * 60 + m + static_cast<int>(std::lround(minutes_after));
    return fmt::format("{:02d}:{:02d}", (total / 60) % 24, total % 60);
}

}  // namespace geo
