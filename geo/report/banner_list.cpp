#include "geo/report/banner_list.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "geo/crs/crs.h"
#include "geo/io/gdal_handles.h"
#include "geo/query/road_names.h"
#include "geo/report/page_map.h"
#include "geo/report/pdf_text.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

constexpr double kPageW = 595.28, kPageH = 841.89, kMargin = 36;

void draw_spot(cairo_t* cr, const District& d, XY at, double reach_m, double x0, double y0, double w, double h) {
    const double half_m = std::max(reach_m * 1.4, 150.0);
    const PageFrame frame({at.x - half_m, at.y - half_m, at.x + half_m, at.y + half_m}, x0, y0, w, h);
    const double scale = frame.points_per_metre();
    auto px = [&](XY p) { return frame.to_page(p); };
    begin_page_map(cr, x0, y0, w, h);
    draw_streets(cr, d, frame);
    auto [cx, cy] = px(at);
    cairo_new_path(cr);
    cairo_arc(cr, cx, cy, reach_m * scale, 0, 2 * M_PI);
    cairo_set_source_rgba(cr, 0.78, 0.24, 0.63, 0.15);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.78, 0.24, 0.63);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    cairo_move_to(cr, cx, cy - 8);
    cairo_line_to(cr, cx + 7, cy + 5);
    cairo_line_to(cr, cx - 7, cy + 5);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 0.8, 0.1, 0.1);
    cairo_fill(cr);
    cairo_restore(cr);
    cairo_rectangle(cr, x0, y0, w, h);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
}

}  // namespace

void write_banner_list_pdf(const std::vector<BannerListEntry>& banners, const District& d, double reach_m,
                           const std::string& title, const fs::path& out) {
    const Transform to_lonlat(make_srs(d.metadata.crs), wgs84());
    std::vector<XY> points;
    for (const auto& b : banners) points.push_back(b.location);
    const std::vector<std::int32_t> hood = neighbourhood_of_points(d, points);
    PendingFile pending(out);
    {
        std::unique_ptr<cairo_surface_t, CairoDeleter> surface(cairo_pdf_surface_create(pending.path().c_str(), kPageW, kPageH));
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw IoError("cannot create " + out.string());
        std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
        PdfText text(cr.get());
        const double row_h = 130, map_w = 170;
        double y = kMargin;
        y += text.draw("警示横幅悬挂清单", kMargin, y, 18, 0, true);
        y += text.draw(title, kMargin, y + 2, 10.5) + 10;
        for (std::size_t k = 0; k < banners.size(); ++k) {
            if (y + row_h > kPageH - kMargin) {
                cairo_show_page(cr.get());
                y = kMargin;
            }
            const BannerListEntry& b = banners[k];
            draw_spot(cr.get(), d, b.location, reach_m, kMargin, y, map_w, row_h - 10);
            const double tx = kMargin + map_w + 14;
            double ty = y;
            ty += text.draw(fmt::format("{}. {}", k + 1, b.id), tx, ty, 12, 0, true) + 4;
            const std::string neighbourhood = hood[k] >= 0 ? d.neighbourhoods[hood[k]].name : "辖区内";
            ty += text.draw("所在小区：" + neighbourhood, tx, ty, 10) + 2;
            const std::string road = place_name(d, b.location);
            ty += text.draw("附近道路：" + (road.empty() ? std::string("—") : road), tx, ty, 10) + 2;
            const auto ll = to_lonlat.apply(b.location);
            if (ll) ty += text.draw(fmt::format("经纬度：{:.5f}°E，{:.5f}°N", ll->x, ll->y), tx, ty, 10) + 2;
            ty += text.draw(fmt::format("覆盖半径 {:.0f} 米内近期案件 {} 起", reach_m, b.cases), tx, ty, 10) + 8;
            cairo_rectangle(cr.get(), tx, ty + 1, 10, 10);
            cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.1);
            cairo_set_line_width(cr.get(), 0.8);
            cairo_stroke(cr.get());
            text.draw("已悬挂    悬挂日期：__________    拆除日期：__________", tx + 16, ty, 10);
            y += row_h;
        }
        cairo_show_page(cr.get());
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw IoError("cannot write " + out.string());
    }
    pending.commit();
}

void write_banner_list_geojson(const std::vector<BannerListEntry>& banners, const District& d, const fs::path& out) {
    ensure_gdal_ready();
    const Transform to_lonlat(make_srs(d.metadata.crs), wgs84());
    PendingFile pending(out);
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
        GdalDatasetPtr ds(driver->Create(pending.path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw IoError("cannot create " + out.string());
        OGRSpatialReference srs = wgs84();
        OGRLayer* layer = ds->CreateLayer("banners", &srs, wkbPoint, nullptr);
        OGRFieldDefn order("order", OFTInteger), id("id", OFTString), cases("cases_in_reach", OFTInteger), road("near_road", OFTString);
        layer->CreateField(&order);
        layer->CreateField(&id);
        layer->CreateField(&cases);
        layer->CreateField(&road);
        for (std::size_t k = 0; k < banners.size(); ++k) {
            OgrFeaturePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            f->SetField("order", static_cast<int>(k + 1));
            f->SetField("id", banners[k].id.c_str());
            f->SetField("cases_in_reach", static_cast<int>(banners[k].cases));
            f->SetField("near_road", place_name(d, banners[k].location).c_str());
            const auto ll = to_lonlat.apply(banners[k].location);
            if (!ll) throw InternalError("cannot transform a banner to WGS84");
            OGRPoint p(ll->x, ll->y);
            f->SetGeometry(&p);
            if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw IoError("cannot write " + out.string());
        }
    }
    pending.commit();
}

}  // namespace geo
