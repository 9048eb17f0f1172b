#include "geo/report/contact_cards.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>

#include "geo/planning/talking_points.h"
#include "geo/report/pdf_text.h"
#include "geo/report/qr_code.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"
#include "geo/util/time_parse.h"

namespace fs = std::filesystem;

namespace geo {
namespace {

// Points (1/72 inch) per millimetre.
constexpr double kPtPerMm = 72.0 / 25.4;
// A4 in points.
constexpr double kA4W = 210 * kPtPerMm, kA4H = 297 * kPtPerMm;
// The card as drawn at A6: 95 × 138 mm; A5 is the same drawing scaled by √2.
constexpr double kCardW = 95 * kPtPerMm, kCardH = 138 * kPtPerMm;
// Crop marks: 3 mm long, 1.5 mm clear of the corner (not touching the cut).
constexpr double kMarkLen = 3 * kPtPerMm, kMarkGap = 1.5 * kPtPerMm;

// The card's colours: police blue header, red hotline band.
constexpr std::array<double, 3> kBlue{0.05, 0.24, 0.52}, kRed{0.78, 0.10, 0.10}, kGrey{0.40, 0.40, 0.40};

constexpr const char* kPlatformCaption = "金钟罩反诈平台";
constexpr const char* kAppCaption = "国家反诈中心APP";
// The national anti-fraud hotline (96110) and the police.
constexpr const char* kHotline = "遇到可疑情况  请拨打 96110 或 110";

struct Qr {
    QrCode code;
    std::string caption;
};

// What one card or poster shows, resolved from the district.
struct CardContent {
    const Neighbourhood* hood = nullptr;
    const Officer* officer = nullptr;  // none when the neighbourhood has no officer
    std::string address;               // per building: the entrance the card hangs at
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;

void fill_rect(cairo_t* cr, double x, double y, double w, double h, const std::array<double, 3>& rgb) {
    cairo_new_path(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
    cairo_fill(cr);
}

double centred(PdfText& text, const std::string& s, double x, double w, double y, double size, bool bold,
               const std::array<double, 3>& rgb = {0.1, 0.1, 0.1}) {
    text.measure(s, size, 0, bold);
    return text.draw(s, x + (w - text.last_width()) / 2, y, size, 0, bold, rgb[0], rgb[1], rgb[2]);
}

// A head-and-shoulders outline in grey where no photo is given.
void draw_silhouette(cairo_t* cr, double x, double y, double w, double h) {
    fill_rect(cr, x, y, w, h, {0.90, 0.91, 0.93});
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, 0.68, 0.70, 0.74);
    cairo_new_path(cr);
    cairo_arc(cr, x + w / 2, y + h * 0.38, w * 0.21, 0, 2 * M_PI);
    cairo_fill(cr);
    cairo_new_path(cr);
    cairo_save(cr);
    cairo_translate(cr, x + w / 2, y + h * 1.02);
    cairo_scale(cr, w * 0.44, h * 0.36);
    cairo_arc(cr, 0, 0, 1, M_PI, 2 * M_PI);
    cairo_restore(cr);
    cairo_fill(cr);
    cairo_restore(cr);
}

// The photo scaled to cover the box (cropped to it, centred).
void draw_photo(cairo_t* cr, cairo_surface_t* photo, double x, double y, double w, double h) {
    const double pw = cairo_image_surface_get_width(photo), ph = cairo_image_surface_get_height(photo);
    const double scale = std::max(w / pw, h / ph);
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    cairo_translate(cr, x + (w - pw * scale) / 2, y + (h - ph * scale) / 2);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, photo, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

void frame_rect(cairo_t* cr, double x, double y, double w, double h, double line_w, const std::array<double, 3>& rgb) {
    cairo_new_path(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_line_width(cr, line_w);
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
    cairo_stroke(cr);
}

// Two short lines at each corner of the cut rectangle, pointing away from the card along its
// edges: in the 5 mm band around it, never on the card.
void draw_crop_marks(cairo_t* cr, double x, double y, double w, double h) {
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_set_line_width(cr, 0.3);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const double cx : {x, x + w})
        for (const double cy : {y, y + h}) {
            const double sx = cx == x ? -1 : 1, sy = cy == y ? -1 : 1;
            cairo_move_to(cr, cx + sx * kMarkGap, cy);
            cairo_line_to(cr, cx + sx * (kMarkGap + kMarkLen), cy);
            cairo_move_to(cr, cx, cy + sy * kMarkGap);
            cairo_line_to(cr, cx, cy + sy * (kMarkGap + kMarkLen));
        }
    cairo_stroke(cr);
    cairo_restore(cr);
}

// The QR codes side by side, centred in the width, captions under them; returns the height used.
double draw_qr_row(cairo_t* cr, PdfText& text, const std::vector<Qr>& qrs, double x, double y, double w, double side,
                   double caption_size) {
    if (qrs.empty()) return 0;
    const double gap = side * 0.18;
    const double total = qrs.size() * side + (qrs.size() - 1) * gap;
    double qx = x + (w - total) / 2;
    double caption_h = 0;
    for (const auto& qr : qrs) {
        draw_qr(cr, qr.code, qx, y, side);
        caption_h = std::max(caption_h, centred(text, qr.caption, qx - gap / 2, side + gap, y + side, caption_size, true));
        qx += side + gap;
    }
    return side + caption_h;
}

class CardWriter {
public:
    CardWriter(const District& d, const CardOptions& o, CardsWritten& written) : o_(o), written_(written) {
        add_qr(d.metadata.platform_url, kPlatformCaption, "qr_platform_url (金钟罩)");
        add_qr(d.metadata.app_url, kAppCaption, "qr_app_url (国家反诈中心 app)");
    }

    // The officer's photo as a cairo image, loaded once per officer; none (and a note) when the
    // officer has none, or it is missing or not a PNG.
    cairo_surface_t* photo(const Officer& officer) {
        if (officer.photo.empty()) return nullptr;
        auto it = photos_.find(officer.id);
        if (it != photos_.end()) return it->second.get();
        SurfacePtr surface;
        const fs::path path = o_.photo_folder / officer.photo;
        std::string ext = path.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (ext != ".png") {
            // cairo reads PNG alone; JPEG would need gdk-pixbuf, which geo does not link.
            written_.notes.push_back("officer " + officer.id + "'s photo " + officer.photo +
                                     " is not a PNG (only PNG photos are read): a silhouette is printed instead");
        } else if (!fs::exists(path)) {
            written_.notes.push_back("officer " + officer.id + "'s photo " + path.string() + " does not exist: a silhouette is printed instead");
        } else {
            surface.reset(cairo_image_surface_create_from_png(path.c_str()));
            if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
                written_.notes.push_back("officer " + officer.id + "'s photo " + path.string() + " cannot be read as a PNG (" +
                                         cairo_status_to_string(cairo_surface_status(surface.get())) + "): a silhouette is printed instead");
                surface.reset();
            }
        }
        return photos_.emplace(officer.id, std::move(surface)).first->second.get();
    }

    void draw_officer_photo(cairo_t* cr, const Officer* officer, double x, double y, double w, double h) {
        cairo_surface_t* image = officer ? photo(*officer) : nullptr;
        image ? draw_photo(cr, image, x, y, w, h) : draw_silhouette(cr, x, y, w, h);
        frame_rect(cr, x, y, w, h, 0.6, {0.55, 0.55, 0.6});
    }

    // One card in its own coordinates: (0, 0) to (kCardW, kCardH), the cut line.
    void draw_card(cairo_t* cr, PdfText& text, const CardContent& c) {
        const double pad = 5 * kPtPerMm, w = kCardW, h = kCardH;
        // Header: title and neighbourhood on police blue.
        const double header_h = 22 * kPtPerMm;
        fill_rect(cr, 0, 0, w, header_h, kBlue);
        centred(text, "警民联系牌", 0, w, 6, 24, true, {1, 1, 1});
        centred(text, c.hood->name, 0, w, 41, 12, false, {1, 1, 1});

        // The officer: photo left, name and phone right.
        double y = header_h + 4 * kPtPerMm;
        const double photo_w = 25 * kPtPerMm, photo_h = 32 * kPtPerMm;
        draw_officer_photo(cr, c.officer, pad, y, photo_w, photo_h);
        const double tx = pad + photo_w + 4 * kPtPerMm, tw = w - tx - pad;
        double ty = y;
        ty += text.draw("社区民警", tx, ty, 9, 0, false, kGrey[0], kGrey[1], kGrey[2]);
        ty += text.draw(c.officer ? c.officer->name : "（待定）", tx, ty, 18, tw, true) + 3;
        ty += text.draw("联系电话", tx, ty, 9, 0, false, kGrey[0], kGrey[1], kGrey[2]);
        text.draw(c.officer && !c.officer->phone.empty() ? c.officer->phone : "110", tx, ty, 15, tw, true, kBlue[0], kBlue[1], kBlue[2]);
        y += photo_h + 3 * kPtPerMm;

        // Where: neighbourhood, the entrance, the liaison group.
        const double label_w = 19 * kPtPerMm;
        auto line = [&](const std::string& label, const std::string& value) {
            text.draw(label, pad, y, 9.5, 0, false, kGrey[0], kGrey[1], kGrey[2]);
            y += std::max(text.draw(value, pad + label_w, y, 9.5, w - 2 * pad - label_w), 14.0) + 1;
        };
        line("所属社区", c.hood->name);
        if (!c.address.empty()) line("门牌地址", c.address);
        line("反诈联络群", c.hood->liaison.empty() ? "请向社区民警咨询" : c.hood->liaison);

        // The QR codes above the hotline band.
        const double band_h = 8 * kPtPerMm;
        const double caption = 8;
        const double side = std::min(36 * kPtPerMm, h - band_h - 2 * kPtPerMm - caption * 1.6 - (y + 2 * kPtPerMm));
        draw_qr_row(cr, text, qrs_, 0, h - band_h - 2 * kPtPerMm - caption * 1.6 - side, w, side, caption);

        fill_rect(cr, 0, h - band_h, w, band_h, kRed);
        centred(text, kHotline, 0, w, h - band_h + (band_h - 10 * 1.45) / 2, 10, true, {1, 1, 1});
        frame_rect(cr, 0, 0, w, h, 0.4, {0.75, 0.75, 0.75});  // where to cut, if the marks are lost
    }

    // An A4 poster for a neighbourhood.
    void draw_poster(cairo_t* cr, PdfText& text, const CardContent& c, const std::vector<FraudTypeCount>& top,
                     const std::string& window) {
        const double m = 15 * kPtPerMm, w = kA4W;
        const double header_h = 42 * kPtPerMm;
        fill_rect(cr, 0, 0, w, header_h, kRed);
        centred(text, "反诈提醒", 0, w, 20, 40, true, {1, 1, 1});
        centred(text, c.hood->name + "  ·  " + window, 0, w, 82, 13, false, {1, 1, 1});

        double y = header_h + 9 * kPtPerMm;
        if (top.empty()) {
            y += text.draw("近" + std::to_string(kPosterWindowDays) + "天本社区未发生电信网络诈骗案件，请继续提高警惕。", m, y, 16, w - 2 * m, true) + 10;
            y += text.draw(fraud_advice_zh(FraudType::impersonation_police), m, y, 14, w - 2 * m) + 16;
        } else {
            y += text.draw("本社区近" + std::to_string(kPosterWindowDays) + "天高发的诈骗类型", m, y, 18, 0, true) + 12;
            for (std::size_t k = 0; k < top.size(); ++k) {
                // A numbered disc, the type and its count, the advice under it.
                cairo_new_path(cr);
                cairo_arc(cr, m + 14, y + 14, 14, 0, 2 * M_PI);
                cairo_set_source_rgb(cr, kRed[0], kRed[1], kRed[2]);
                cairo_fill(cr);
                centred(text, std::to_string(k + 1), m, 28, y + 2, 17, true, {1, 1, 1});
                const double tx = m + 40;
                text.draw(fraud_type_zh(top[k].type), tx, y, 20, 0, true);
                const std::string count = fmt::format("{} 起", top[k].cases);
                text.measure(count, 14, 0, false);
                text.draw(count, w - m - text.last_width(), y + 5, 14, 0, false, kGrey[0], kGrey[1], kGrey[2]);
                y += 32;
                y += text.draw(fraud_advice_zh(top[k].type), tx, y, 14, w - m - tx) + 18;
            }
        }
        centred(text, "不轻信  不透露  不转账", 0, w, y, 22, true, kBlue);
        y += 46;

        // The officer's contact.
        const double box_h = 40 * kPtPerMm;
        cairo_new_path(cr);
        cairo_rectangle(cr, m, y, w - 2 * m, box_h);
        cairo_set_source_rgb(cr, 0.94, 0.96, 0.99);
        cairo_fill(cr);
        const double photo_w = 26 * kPtPerMm, photo_h = 33 * kPtPerMm;
        draw_officer_photo(cr, c.officer, m + 4 * kPtPerMm, y + (box_h - photo_h) / 2, photo_w, photo_h);
        const double tx = m + photo_w + 10 * kPtPerMm, tw = w - m - tx - 4 * kPtPerMm;
        double ty = y + 4 * kPtPerMm;
        ty += text.draw("社区民警（警民联系）", tx, ty, 11, 0, false, kGrey[0], kGrey[1], kGrey[2]);
        ty += text.draw(c.officer ? c.officer->name : "（待定）", tx, ty, 22, tw, true) + 2;
        ty += text.draw("电话：" + (c.officer && !c.officer->phone.empty() ? c.officer->phone : std::string("110")), tx, ty, 16, tw, true,
                        kBlue[0], kBlue[1], kBlue[2]) + 4;
        text.draw("反诈联络群：" + (c.hood->liaison.empty() ? std::string("请向社区民警咨询") : c.hood->liaison), tx, ty, 12, tw);
        y += box_h + 7 * kPtPerMm;

        const double band_h = 14 * kPtPerMm;
        const double side = std::min(50 * kPtPerMm, kA4H - band_h - 6 * kPtPerMm - 12 * 1.6 - y);
        draw_qr_row(cr, text, qrs_, 0, y, w, side, 12);
        fill_rect(cr, 0, kA4H - band_h, w, band_h, kBlue);
        centred(text, kHotline, 0, w, kA4H - band_h + (band_h - 18 * 1.45) / 2, 18, true, {1, 1, 1});
    }

private:
    void add_qr(const std::string& url, const char* caption, const std::string& key) {
        if (url.empty()) {
            written_.notes.push_back(std::string("no ") + key + " in the workspace metadata: its QR code is left out "
                                     "(set it with 'patrolmap settings')");
            return;
        }
        qrs_.push_back({encode_qr(url), caption});
    }

    const CardOptions& o_;
    CardsWritten& written_;
    std::vector<Qr> qrs_;
    std::map<std::string, SurfacePtr> photos_;
};

}  // namespace

std::vector<FraudTypeCount> top_fraud_types(const District& d, const std::vector<std::int32_t>& incident_neighbourhood,
                                            std::size_t neighbourhood, Timestamp end, int days, std::size_t count) {
    std::map<FraudType, std::int64_t> cases;
    const Timestamp start = end - std::chrono::days(days);
    for (std::size_t i = 0; i < d.incidents.size() && i < incident_neighbourhood.size(); ++i)
        if (incident_neighbourhood[i] == static_cast<std::int32_t>(neighbourhood) && d.incidents[i].time > start &&
            d.incidents[i].time <= end)
            ++cases[d.incidents[i].fraud_type];
    std::vector<FraudTypeCount> out;
    for (const auto& [type, n] : cases) out.push_back({type, n});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.cases > b.cases; });
    if (out.size() > count) out.resize(count);
    return out;
}

const char* fraud_advice_zh(FraudType type) {
    switch (type) {
        case FraudType::investment: return "高收益、保本理财都是骗局。投资理财请认准正规金融机构，不在陌生人推荐的网站或APP上转账。";
        case FraudType::health_product: return "免费讲座、礼品推销要警惕。保健品不能代替药品，购买前和子女商量。";
        case FraudType::online_shopping: return "客服主动联系退款是骗局。退款请在购物平台内办理，不点陌生链接，不开屏幕共享。";
        case FraudType::order_brushing: return "先垫付再返利都是诈骗。刷单本身就是违法行为，一律不要参与。";
        case FraudType::impersonation_police: return "公安机关不会电话办案、不设安全账户。自称公检法要求转账的，一定是诈骗。";
        case FraudType::loan: return "放款前要交手续费、保证金、解冻金的都是诈骗。贷款请到正规银行办理。";
        case FraudType::romance: return "网上结识的“恋人”劝你投资、博彩或借钱，一定是诈骗。见面之前不转一分钱。";
        case FraudType::other: return "陌生来电、短信和链接先核实；涉及转账，先拨 96110 咨询。";
    }
    return "陌生来电、短信和链接先核实；涉及转账，先拨 96110 咨询。";
}

CardsWritten write_contact_cards_pdf(const District& d, const CardOptions& o, const fs::path& out) {
    if (d.neighbourhoods.empty()) throw BadInput("the workspace has no neighbourhoods: contact cards and posters are printed per neighbourhood");
    std::vector<std::size_t> hoods;
    for (std::size_t k = 0; k < d.neighbourhoods.size(); ++k)
        if (o.neighbourhood_id.empty() || d.neighbourhoods[k].id == o.neighbourhood_id) hoods.push_back(k);
    if (hoods.empty())
        throw BadInput("neighbourhood '" + o.neighbourhood_id + "' is not in the workspace (its " + std::to_string(d.neighbourhoods.size()) +
                       " neighbourhoods run from " + d.neighbourhoods.front().id + " to " + d.neighbourhoods.back().id + ")");

    CardsWritten written;
    std::map<std::string, const Officer*> officers;
    for (const auto& officer : d.officers) officers[officer.id] = &officer;
    std::vector<CardContent> cards;
    for (std::size_t k : hoods) {
        const Neighbourhood& hood = d.neighbourhoods[k];
        const auto it = officers.find(hood.officer_id);
        const Officer* officer = it == officers.end() ? nullptr : it->second;
        if (!officer)
            written.notes.push_back(hood.id + " " + hood.name + ": no officer" +
                                    (hood.officer_id.empty() ? "" : " (officer_id " + hood.officer_id + " is not in officers)") +
                                    ": printed without a name, with 110 as the phone");
        if (o.kind == CardKind::contact_card && o.per_building) {
            std::size_t n = 0;
            for (const auto& b : d.buildings)
                if (b.neighbourhood_id == hood.id) cards.push_back({&hood, officer, b.address.empty() ? b.id : b.address}), ++n;
            if (n == 0) written.notes.push_back(hood.id + " " + hood.name + ": no buildings, so no cards");
        } else {
            cards.push_back({&hood, officer, {}});
        }
    }

    CardWriter writer(d, o, written);
    const bool landscape = o.kind == CardKind::contact_card && o.size == CardSize::a5;
    const double page_w = landscape ? kA4H : kA4W, page_h = landscape ? kA4W : kA4H;
    PendingFile pending(out);
    {
        SurfacePtr surface(cairo_pdf_surface_create(pending.path().c_str(), page_w, page_h));
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            throw IoError("cannot create " + out.string() + ": " + cairo_status_to_string(cairo_surface_status(surface.get())));
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                       o.kind == CardKind::poster ? "反诈提醒海报" : "警民联系牌");
        std::unique_ptr<cairo_t, CairoDeleter> cr_owner(cairo_create(surface.get()));
        cairo_t* cr = cr_owner.get();
        PdfText text(cr);

        if (o.kind == CardKind::poster) {
            const std::vector<std::int32_t> where = neighbourhood_of_incidents(d);
            std::optional<Timestamp> end;
            for (const auto& i : d.incidents) end = end ? std::max(*end, i.time) : i.time;
            std::string window = "近" + std::to_string(kPosterWindowDays) + "天";
            if (end) {
                const std::string& zone = d.metadata.timezone;
                window += "（" + format_local(*end - std::chrono::days(kPosterWindowDays) + std::chrono::seconds(1), zone, "%Y-%m-%d") +
                          " 至 " + format_local(*end, zone, "%Y-%m-%d") + "）";
            }
            for (std::size_t k = 0; k < cards.size(); ++k) {
                const std::size_t hood = static_cast<std::size_t>(cards[k].hood - d.neighbourhoods.data());
                const auto top = end ? top_fraud_types(d, where, hood, *end, kPosterWindowDays, kPosterFraudTypes) : std::vector<FraudTypeCount>{};
                writer.draw_poster(cr, text, cards[k], top, window);
                cairo_show_page(cr);
                ++written.pages;
            }
        } else {
            // Cards in their A6 or A5 slots, row by row; each cut rectangle centred in its slot.
            const double scale = o.size == CardSize::a5 ? std::sqrt(2.0) : 1.0;
            const int cols = 2, rows = o.size == CardSize::a5 ? 1 : 2;
            const double slot_w = page_w / cols, slot_h = page_h / rows;
            const double cut_w = kCardW * scale, cut_h = kCardH * scale;
            for (std::size_t k = 0; k < cards.size(); ++k) {
                const int slot = static_cast<int>(k % (cols * rows));
                const double x = (slot % cols) * slot_w + (slot_w - cut_w) / 2;
                const double y = (slot / cols) * slot_h + (slot_h - cut_h) / 2;
                cairo_save(cr);
                cairo_translate(cr, x, y);
                cairo_scale(cr, scale, scale);
                writer.draw_card(cr, text, cards[k]);
                cairo_restore(cr);
                draw_crop_marks(cr, x, y, cut_w, cut_h);
                if (slot == cols * rows - 1 || k + 1 == cards.size()) {
                    cairo_show_page(cr);
                    ++written.pages;
                }
            }
        }
        written.cards = cards.size();
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            throw IoError("cannot write " + out.string() + ": " + cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    pending.commit();
    return written;
}

}  // namespace geo
