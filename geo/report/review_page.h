#pragma once
// The printed review's page furniture, shared by its pages (review_pdf.cpp writes the figures
// pages, review_pdf_pages.cpp the map and the actions): A4 in points, a running y, headings,
// notes and table rows laid out by pango, and the vocabulary in Chinese.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <cairo.h>

#include "geo/report/pdf_text.h"
#include "geo/report/review_pdf.h"

namespace geo::review_page {

// A4 in points.
inline constexpr double kPageW = 595.28, kPageH = 841.89, kMargin = 40;

using Ink = std::array<double, 3>;
inline constexpr Ink kInk{0.1, 0.1, 0.1};

class Page {
public:
    explicit Page(cairo_t* cr) : cr_(cr), text_(cr) {}
    double y = kMargin;

    void heading(const std::string& s, double size = 12);
    void note(const std::string& s);
    // A table row: column left edges `xs`, right-aligned columns flagged (the last column 56 pt).
    void row(const std::vector<std::string>& cells, const std::vector<double>& xs, const std::vector<bool>& right,
             bool bold = false, double size = 8.5, std::vector<Ink> colours = {});
    void rule();
    // A new page when fewer than `needed` points are left.
    void need(double needed);
    cairo_t* cr() { return cr_; }
    PdfText& text() { return text_; }

private:
    cairo_t* cr_;
    PdfText text_;
};

// A stored vocabulary name (fraud type, age band, source, channel) in the report's language.
std::string name_in(std::string_view stored, ReportLanguage lang);
// ¥ amounts with thousands separators, no decimals.
std::string money(double yuan);

}  // namespace geo::review_page
