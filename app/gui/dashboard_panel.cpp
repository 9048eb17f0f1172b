#include "app/gui/dashboard_panel.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/text_format.h"
#include "geo/planning/iso_week.h"
#include "geo/util/time_parse.h"

namespace gui {
namespace {

const ImVec4 kRise(0.80f, 0.16f, 0.14f, 1);  // red: more cases than chance explains
const ImVec4 kFall(0.10f, 0.52f, 0.24f, 1);  // green: fewer
const ImU32 kBarColour = IM_COL32(70, 110, 160, 255);
const ImU32 kSpikeColour = IM_COL32(200, 45, 40, 255);
const ImU32 kBandColour = IM_COL32(120, 170, 220, 70);
const ImU32 kExpectedColour = IM_COL32(60, 110, 170, 200);
const ImU32 kWarningColour = IM_COL32(225, 130, 20, 255);
const ImU32 kGridColour = IM_COL32(0, 0, 0, 30);

std::string dates_of(const geo::TimeWindow& w, const std::string& zone) {
    return geo::format_local(w.from, zone, "%Y-%m-%d") + " – " + geo::format_local(w.to - std::chrono::seconds(1), zone, "%m-%d");
}

std::string p_text(double p) { return p < 0.001 ? "<0.001" : fmt::format("{:.3f}", p); }

// The headline row's period as a breakdown window (0 the week, 1 four weeks, 2 year to date).
const char* period_name(int period) {
    static const char* names[] = {"this week", "last 4 weeks", "year to date"};
    return names[std::clamp(period, 0, 2)];
}

void refresh(AppState& state) {
    DashboardView& d = state.dashboard;
    if (d.figures && d.figures_filter_version == state.filter_version && d.figures_data_version == state.data_version) return;
    // A new time window brings the dashboard back to its week; a new fraud type keeps the week.
    const auto anchor = dashboard_anchor_week(state);
    if (anchor != d.anchor) d.anchor = anchor, d.week_offset = 0;
    d.figures_filter_version = state.filter_version;
    d.figures_data_version = state.data_version;
    if (!anchor) {
        d.figures.reset();
        return;
    }
    const geo::TimeWindow week = geo::shifted(*anchor, geo::TimeStep::week, d.week_offset, state.district.metadata.timezone);
    d.figures = dashboard_figures(state.district, state.filter, week);
    const geo::TimeWindow breakdown = d.figures->rows.at(static_cast<std::size_t>(std::clamp(d.breakdown_period, 0, 2))).current;
    if (!(breakdown == week)) {
        d.figures->type_age = geo::cases_by_type_and_age(state.district, state.filter, breakdown);
        d.figures->neighbourhoods = geo::neighbourhoods_by_rate(state.district, state.filter, breakdown);
        d.figures->sources = geo::cases_by_source(state.district, state.filter, breakdown);
        d.figures->channels = geo::warnings_by_channel(state.district, breakdown);
    }
}

void week_picker(AppState& state) {
    DashboardView& d = state.dashboard;
    const auto& f = *d.figures;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s %s", tr("Week"), f.week.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", dates_of(f.window, state.district.metadata.timezone).c_str());
    ImGui::SameLine();
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) --d.week_offset, d.figures_filter_version = -1;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Previous week"));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++d.week_offset, d.figures_filter_version = -1;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Next week"));
    if (d.week_offset != 0) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Back to the time window"))) d.week_offset = 0, d.figures_filter_version = -1;
    }
    // What the case figures count, beside the week when it fits.
    const std::string counted = std::string(tr("Cases counted")) + (current_language() == Language::zh ? "：" : ": ") +
                                filter_description(state.filter);
    ImGui::SameLine(0, ImGui::GetFontSize());
    if (ImGui::CalcTextSize(counted.c_str()).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    ImGui::TextDisabled("%s", counted.c_str());
}

void headline_table(const AppState& state, const DashboardView::Figures& f) {
    const bool have_warnings = !state.district.warnings.empty();
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("headline", 10, flags)) return;
    for (const char* title : {"Period", "Cases", "Before", "Change %", "p", "Loss (¥)", "Warnings", "Dissuaded", "Stopped", "Protected (¥)"})
        ImGui::TableSetupColumn(tr(title));
    ImGui::TableHeadersRow();
    for (const auto& row : f.rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        std::string period = tr(row.label.c_str());
        if (current_language() == Language::en) period[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(period[0])));
        ImGui::TextUnformatted(period.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(row.now.cases));
        ImGui::TableNextColumn();
        if (row.available) ImGui::Text("%lld", static_cast<long long>(row.before.cases));
        else ImGui::TextDisabled("%s", tr("n/a"));
        ImGui::TableNextColumn();
        const auto change = geo::change_pct(double(row.before.cases), double(row.now.cases));
        const bool rise = row.available && row.cases.significant_rise, fall = row.available && row.cases.significant_fall;
        if (!row.available) ImGui::TextDisabled("%s", tr("n/a"));
        else if (!change) ImGui::TextDisabled("—");
        else if (rise || fall) ImGui::TextColored(rise ? kRise : kFall, "%s %+.0f%%", rise ? "▲" : "▼", *change);
        else ImGui::Text("  %+.0f%%", *change);
        ImGui::TableNextColumn();
        if (!row.available) ImGui::TextDisabled("%s", tr("n/a"));
        else if (rise || fall) ImGui::TextColored(rise ? kRise : kFall, "%s", p_text(row.cases.p_value).c_str());
        else ImGui::TextUnformatted(p_text(row.cases.p_value).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s", grouped(row.now.loss_yuan).c_str());
        const auto warned = [&](std::int64_t value) {
            ImGui::TableNextColumn();
            if (have_warnings) ImGui::Text("%lld", static_cast<long long>(value));
            else ImGui::TextDisabled("—");
        };
        warned(row.warned_now.warnings);
        warned(row.warned_now.dissuaded);
        warned(row.warned_now.payment_stopped);
        ImGui::TableNextColumn();
        if (have_warnings) ImGui::Text("%s", grouped(row.warned_now.protected_yuan).c_str());
        else ImGui::TextDisabled("—");
    }
    ImGui::EndTable();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("▲/▼: a rise or fall beyond chance (two-sided exact test of two Poisson counts, p < 0.05). "
                                 "Year to date: against the same weeks a year earlier."));
    if (!have_warnings)
        ImGui::TextDisabled("%s", tr("No early-warning layer in this workspace: the warning columns are empty."));
    ImGui::PopTextWrapPos();
}

// A table inside a cell of the breakdowns layout: as wide as the cell less its padding, or
// its last column is clipped by the cell.
ImVec2 in_cell() { return ImVec2(-2 * ImGui::GetStyle().CellPadding.x, 0); }

// A step of 1, 2 or 5 x 10^n giving about four grid lines up to `top`.
double grid_step(double top) {
    const double raw = std::max(top, 1.0) / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw) return m * magnitude;
    return 10 * magnitude;
}

// The 26 weeks: cases as bars (red above the band), the expected band (mean ± 2 sd of the 8
// weeks before each) shaded with its mean, warnings as a line; drawn with ImDrawList because
// 1.86's PlotLines cannot shade a band.
void weekly_chart(AppState& state, const DashboardView::Figures& f) {
    DashboardView& d = state.dashboard;
    d.bars.clear();
    const auto& series = f.series;
    if (series.empty()) return;
    const bool have_warnings = !state.district.warnings.empty();
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, font * 10);
    ImGui::InvisibleButton("weekly_chart", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // Cases and their band on the left axis; warnings, often several times as many, on their own
    // axis on the right, with the same number of grid steps, so the bars keep their height.
    double top = 1, top_warnings = 1;
    for (const auto& p : series) {
        top = std::max(top, double(p.cases));
        if (p.high) top = std::max(top, *p.high);
        top_warnings = std::max(top_warnings, double(p.warnings));
    }
    const double step = grid_step(top);
    const int steps = static_cast<int>(std::ceil(top / step - 1e-9));
    top = steps * step;
    const double step_warnings = grid_step(top_warnings * 4.0 / steps);
    top_warnings = steps * step_warnings;
    const float axis_w = ImGui::CalcTextSize(fmt::format("{:g}", top).c_str()).x + 8;
    const float axis_right_w = have_warnings ? ImGui::CalcTextSize(fmt::format("{:g}", top_warnings).c_str()).x + 8 : 4;
    const ImVec2 p0(origin.x + axis_w, origin.y + font * 0.9f), p1(origin.x + size.x - axis_right_w, origin.y + size.y - font * 1.3f);
    d.chart_rect = {p0.x, p0.y, p1.x - p0.x, p1.y - p0.y};
    const auto y_of = [&](double v) { return p1.y - static_cast<float>(v / top) * (p1.y - p0.y); };
    const auto y_of_warnings = [&](double v) { return p1.y - static_cast<float>(v / top_warnings) * (p1.y - p0.y); };
    const float slot = (p1.x - p0.x) / static_cast<float>(series.size());
    const auto x_of = [&](std::size_t k) { return p0.x + (static_cast<float>(k) + 0.5f) * slot; };

    draw->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 255));
    for (int k = 0; k <= steps; ++k) {
        const double v = k * step;
        draw->AddLine(ImVec2(p0.x, y_of(v)), ImVec2(p1.x, y_of(v)), kGridColour);
        const std::string label = fmt::format("{:g}", v);
        draw->AddText(ImVec2(p0.x - 4 - ImGui::CalcTextSize(label.c_str()).x, y_of(v) - font / 2), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                      label.c_str());
        if (have_warnings)
            draw->AddText(ImVec2(p1.x + 4, y_of(v) - font / 2), kWarningColour, fmt::format("{:g}", k * step_warnings).c_str());
    }
    int hover = -1;
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        hover = std::clamp(static_cast<int>((mx - p0.x) / slot), 0, static_cast<int>(series.size()) - 1);
        draw->AddRectFilled(ImVec2(p0.x + hover * slot, p0.y), ImVec2(p0.x + (hover + 1) * slot, p1.y), IM_COL32(0, 0, 0, 18));
    }
    // The band between week centres, flat for half a week at either end of a run.
    for (std::size_t k = 0; k < series.size(); ++k) {
        const auto& p = series[k];
        if (!p.low) continue;
        const bool left = k > 0 && series[k - 1].low, right = k + 1 < series.size() && series[k + 1].low;
        if (!left) draw->AddRectFilled(ImVec2(x_of(k) - slot / 2, y_of(*p.high)), ImVec2(x_of(k), y_of(*p.low)), kBandColour);
        if (!right) draw->AddRectFilled(ImVec2(x_of(k), y_of(*p.high)), ImVec2(x_of(k) + slot / 2, y_of(*p.low)), kBandColour);
        if (right) {
            const auto& q = series[k + 1];
            draw->AddQuadFilled(ImVec2(x_of(k), y_of(*p.high)), ImVec2(x_of(k + 1), y_of(*q.high)), ImVec2(x_of(k + 1), y_of(*q.low)),
                                ImVec2(x_of(k), y_of(*p.low)), kBandColour);
            draw->AddLine(ImVec2(x_of(k), y_of(*p.expected)), ImVec2(x_of(k + 1), y_of(*q.expected)), kExpectedColour, 1.5f);
        }
    }
    for (std::size_t k = 0; k < series.size(); ++k) {
        const auto& p = series[k];
        const ImVec2 a(x_of(k) - slot * 0.32f, y_of(double(p.cases))), b(x_of(k) + slot * 0.32f, p1.y);
        if (p.cases > 0) draw->AddRectFilled(a, b, p.spike ? kSpikeColour : kBarColour);
        d.bars.push_back({a.x, a.y, b.x, b.y});
        if (p.spike) {
            const char* mark = "▲";
            const float w = ImGui::CalcTextSize(mark).x;
            draw->AddText(ImVec2(x_of(k) - w / 2, a.y - font), kSpikeColour, mark);
        }
    }
    if (have_warnings)
        for (std::size_t k = 0; k < series.size(); ++k) {
            const ImVec2 at(x_of(k), y_of_warnings(double(series[k].warnings)));
            if (k + 1 < series.size())
                draw->AddLine(at, ImVec2(x_of(k + 1), y_of_warnings(double(series[k + 1].warnings))), kWarningColour, 2);
            draw->AddCircleFilled(at, 2.5f, kWarningColour);
        }
    draw->AddLine(ImVec2(p0.x, p1.y), ImVec2(p1.x, p1.y), IM_COL32(0, 0, 0, 120));
    // Every fourth week labelled, counting back from the week shown ("W24"; the year where it turns).
    const float label_w = ImGui::CalcTextSize("W00").x;
    const int every = std::max(1, static_cast<int>(std::ceil(label_w * 1.6f / slot)));
    for (std::size_t k = 0; k < series.size(); ++k) {
        if ((series.size() - 1 - k) % static_cast<std::size_t>(std::max(every, 4)) != 0) continue;
        const std::string label = series[k].label.substr(5);  // "W24"
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(x_of(k) - w / 2, p1.y + 2),
                      ImGui::GetColorU32(k + 1 == series.size() ? ImGuiCol_Text : ImGuiCol_TextDisabled), label.c_str());
    }
    const std::string years = series.front().label.substr(0, 4) == series.back().label.substr(0, 4)
                                  ? series.back().label.substr(0, 4)
                                  : series.front().label.substr(0, 4) + "–" + series.back().label.substr(0, 4);
    draw->AddText(ImVec2(p0.x + 2, origin.y - 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), years.c_str());

    if (hover >= 0) {
        const auto& p = series[static_cast<std::size_t>(hover)];
        ImGui::BeginTooltip();
        ImGui::Text("%s  (%s)", p.label.c_str(), dates_of(p.window, state.district.metadata.timezone).c_str());
        ImGui::Text("%s: %lld", tr("Cases"), static_cast<long long>(p.cases));
        if (p.expected) ImGui::Text("%s: %.1f (%.1f – %.1f)", tr("Expected"), *p.expected, *p.low, *p.high);
        else ImGui::TextDisabled("%s", tr("Expected: too few weeks before"));
        if (p.spike) ImGui::TextColored(kRise, "▲ %s", tr("above the expected band"));
        if (have_warnings) ImGui::Text("%s: %lld", tr("Warnings"), static_cast<long long>(p.warnings));
        ImGui::EndTooltip();
    }
    // Legend.
    const auto swatch = [&](ImU32 colour, const char* text, bool line = false) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        if (line) draw->AddLine(ImVec2(at.x, at.y + h / 2), ImVec2(at.x + h, at.y + h / 2), colour, 2);
        else draw->AddRectFilled(ImVec2(at.x + 2, at.y + 3), ImVec2(at.x + h - 2, at.y + h - 3), colour);
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(text);
        ImGui::SameLine(0, 14);
    };
    swatch(kBarColour, tr("Cases"));
    swatch(kSpikeColour, tr("Spike"));
    swatch(IM_COL32(120, 170, 220, 140), tr("Expected band (mean ± 2 sd of the 8 weeks before)"));
    if (have_warnings) swatch(kWarningColour, tr("Warnings (right axis)"), true);
    ImGui::NewLine();
}

void neighbourhood_table(AppState& state, const DashboardView::Figures& f) {
    ImGui::TextUnformatted(tr("Highest rates per 1,000 people"));
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("neighbourhoods", 4, flags, in_cell())) return;
    ImGui::TableSetupColumn(tr("Neighbourhood"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("Cases"));
    ImGui::TableSetupColumn(tr("Per 1,000"));
    ImGui::TableSetupColumn(tr("Officer"));
    ImGui::TableHeadersRow();
    const auto& hoods = state.district.neighbourhoods;
    for (std::size_t k = 0; k < std::min<std::size_t>(10, f.neighbourhoods.size()); ++k) {
        const auto& row = f.neighbourhoods[k];
        std::size_t index = hoods.size();
        for (std::size_t n = 0; n < hoods.size(); ++n)
            if (hoods[n].id == row.id) index = n;
        const bool selected = state.selection && state.selection->kind == geo::LayerKind::neighbourhoods && state.selection->index == index;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(k));
        const std::string label = fmt::format("{}. {}", k + 1, row.name.empty() ? row.id : row.name);
        bool clicked = ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns);
        if (state.dashboard.click_row == static_cast<int>(k) + 1) clicked = true, state.dashboard.click_row = 0;  // scripted click
        if (clicked && index < hoods.size()) {
            // Fly there: the neighbourhood with a margin of 40% of its size, selected for the inspector.
            state.selection = Selection{geo::LayerKind::neighbourhoods, index};
            const geo::Envelope e = geo::envelope_of(hoods[index].area);
            state.camera.fit(e.grown(std::max(e.width(), e.height()) * 0.4), 24);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Click to show it on the map"));
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(row.cases));
        ImGui::TableNextColumn();
        if (row.per_1000) ImGui::Text("%.2f", *row.per_1000);
        else ImGui::TextDisabled("—");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.officer.c_str());
    }
    ImGui::EndTable();
}

void type_age_table(const DashboardView::Figures& f) {
    ImGui::TextUnformatted(tr("Fraud type × victim age"));
    const auto& ages = geo::EnumNames<geo::AgeBand>::names;
    const auto& types = geo::EnumNames<geo::FraudType>::names;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("type_age", static_cast<int>(ages.size()) + 2, flags, in_cell())) return;
    ImGui::TableSetupColumn(tr("Fraud type"), ImGuiTableColumnFlags_WidthStretch);
    // English age names are long ("60 and over"): the column heads use the short forms.
    static const char* short_english[] = {"<25", "25–44", "45–59", "60+", "unknown"};
    static_assert(std::size(short_english) == geo::EnumNames<geo::AgeBand>::names.size());
    for (std::size_t b = 0; b < ages.size(); ++b)
        ImGui::TableSetupColumn(current_language() == Language::en ? short_english[b] : tr_value(ages[b]));
    ImGui::TableSetupColumn(tr("Total"));
    ImGui::TableHeadersRow();
    for (std::size_t t = 0; t < types.size(); ++t) {
        std::int64_t total = 0;
        for (auto n : f.type_age.cases[t]) total += n;
        if (total == 0) continue;  // the week's types only: a compact table
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr_value(types[t]));
        for (auto n : f.type_age.cases[t]) {
            ImGui::TableNextColumn();
            if (n) ImGui::Text("%lld", static_cast<long long>(n));
            else ImGui::TextDisabled("·");
        }
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(total));
    }
    if (f.type_age.total == 0) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr("No cases"));
    }
    ImGui::EndTable();
}

void sources_table(const DashboardView::Figures& f) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    ImGui::TextUnformatted(tr("Cases by source"));
    if (ImGui::BeginTable("sources", 2, flags, in_cell())) {
        const auto& names = geo::EnumNames<geo::IncidentSource>::names;
        for (std::size_t s = 0; s < names.size(); ++s) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr_value(names[s]));
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(f.sources[s]));
        }
        ImGui::EndTable();
    }
}

void channels_table(const AppState& state, const DashboardView::Figures& f) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    ImGui::TextUnformatted(tr("Warnings by channel"));
    if (state.district.warnings.empty()) {
        ImGui::TextDisabled("%s", tr("No early-warning layer in this workspace"));
        return;
    }
    if (!ImGui::BeginTable("channels", 5, flags, in_cell())) return;
    for (const char* title : {"Channel", "Warnings", "Dissuaded", "Stopped", "Protected (¥)"}) ImGui::TableSetupColumn(tr(title));
    ImGui::TableHeadersRow();
    const auto& names = geo::EnumNames<geo::WarningChannel>::names;
    for (std::size_t c = 0; c < names.size(); ++c) {
        const auto& t = f.channels[c];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr_value(names[c]));
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(t.warnings));
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(t.dissuaded));
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(t.payment_stopped));
        ImGui::TableNextColumn();
        ImGui::Text("%s", grouped(t.protected_yuan).c_str());
    }
    ImGui::EndTable();
}

}  // namespace

std::optional<geo::TimeWindow> dashboard_anchor_week(const AppState& state) {
    const std::string& zone = state.district.metadata.timezone;
    std::optional<geo::Timestamp> end;
    if (state.filter.window) end = state.filter.window->to;
    else if (const auto range = geo::incident_time_range(state.district)) end = range->to;
    if (!end) return std::nullopt;
    return geo::window_containing(*end - std::chrono::seconds(1), geo::TimeStep::week, zone);
}

DashboardView::Figures dashboard_figures(const geo::District& district, const geo::IncidentFilter& filter, const geo::TimeWindow& week) {
    DashboardView::Figures f;
    f.week = geo::window_label(week, geo::TimeStep::week, district.metadata.timezone);
    f.window = week;
    f.rows = geo::headline_rows(district, filter, week);
    f.series = geo::weekly_series(district, filter, week);
    f.type_age = geo::cases_by_type_and_age(district, filter, week);
    f.neighbourhoods = geo::neighbourhoods_by_rate(district, filter, week);
    f.sources = geo::cases_by_source(district, filter, week);
    f.channels = geo::warnings_by_channel(district, week);
    return f;
}

void draw_dashboard_panel(AppState& state) {
    refresh(state);
    DashboardView& d = state.dashboard;
    if (!d.figures) {
        ImGui::TextDisabled("%s", tr("No incidents"));
        return;
    }
    const DashboardView::Figures& f = *d.figures;
    week_picker(state);
    ImGui::Separator();
    headline_table(state, f);
    // The lecture team's week, as the printed review's actions page counts it.
    d.lectures = geo::lectures_held_in(state.district, f.window);
    ImGui::TextUnformatted(fmt::format(fmt::runtime(tr("Lectures held this week: {} ({} people, {} leaflets)")), d.lectures.lectures,
                                       d.lectures.attendance, d.lectures.leaflets).c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Cases per week, last 26 weeks"));
    weekly_chart(state, f);
    ImGui::Separator();
    // The tables below: the week's by default, or the four weeks or the year.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Tables for"));
    for (int period = 0; period < 3; ++period) {
        ImGui::SameLine();
        if (ImGui::RadioButton(tr(period_name(period)), d.breakdown_period == period)) {
            d.breakdown_period = period;
            d.figures_filter_version = -1;
        }
    }
    if (ImGui::BeginTable("breakdowns", 2, ImGuiTableFlags_SizingStretchProp)) {
        // The type x age table has seven columns, the ranking four: a little more room for it.
        ImGui::TableSetupColumn("ranking", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("type_age", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableNextColumn();
        neighbourhood_table(state, f);
        ImGui::TableNextColumn();
        type_age_table(f);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        sources_table(f);
        ImGui::TableNextColumn();
        channels_table(state, f);
        ImGui::EndTable();
    }
}

}  // namespace gui
