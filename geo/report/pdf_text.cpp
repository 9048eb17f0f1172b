#include "geo/report/pdf_text.h"

namespace geo {

PdfText::PdfText(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}

double PdfText::draw(const std::string& text, double x, double y, double size, double width, bool bold, double r, double g,
                     double b) {
    const double h = measure(text, size, width, bold);
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, r, g, b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout_.get());
    cairo_restore(cr_);
    cairo_new_path(cr_);  // pango leaves a current point behind; a later arc would join it
    return h;
}

double PdfText::measure(const std::string& text, double size, double width, bool bold) {
    PangoFontDescription* font = pango_font_description_from_string(kReportFont);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout_.get(), font);
    pango_font_description_free(font);
    pango_layout_set_attributes(layout_.get(), nullptr);  // no attributes left from earlier text
    pango_layout_set_width(layout_.get(), width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout_.get(), text.c_str(), -1);
    int w = 0, h = 0;
    pango_layout_get_size(layout_.get(), &w, &h);
    last_width_ = w / double(PANGO_SCALE);
    return h / double(PANGO_SCALE);
}

}  // namespace geo
