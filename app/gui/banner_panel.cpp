// Placement of warning banners: suggestions from geo/placement over the filtered cases, each
// accepted into the posters layer as a banner through the edit history, rejected, or moved
// before accepting; the cases the selected one covers and the share in reach follow live.
#include <algorithm>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/panels.h"
#include "geo/edit/poster_edits.h"
#include "geo/query/road_names.h"
#include "geo/report/banner_list.h"

namespace gui {
namespace {

// The extras mark of a banner added by accepting a suggestion: a banner added by hand with the
// id an undone acceptance had is not taken for that acceptance.
constexpr const char* kPlacementField = "placement";
constexpr const char* kSuggested = "suggested";

const geo::Poster* accepted_poster(const BannerReview& review, std::size_t k, const geo::District& district) {
    if (k >= review.accepted_ids.size() || review.accepted_ids[k].empty()) return nullptr;
    const auto index = geo::find_poster(district, review.accepted_ids[k]);
    if (!index) return nullptr;
    const geo::Poster& poster = district.posters[*index];
    const auto mark = poster.extras.find(kPlacementField);
    if (poster.kind != geo::PosterKind::banner || mark == poster.extras.end()) return nullptr;
    const auto* text = std::get_if<std::string>(&mark->second);
    return text && *text == kSuggested ? &poster : nullptr;
}

// District incident indices: the plan was made on a copy holding only the shown cases.
void to_district_indices(std::vector<std::uint32_t>& indices, const std::vector<std::uint32_t>& shown) {
    for (std::uint32_t& i : indices) i = shown[i];
}

std::size_t count_common(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::size_t n = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else ++n, ++i, ++j;
    }
    return n;
}

void draw_suggestion_row(AppState& state, std::size_t k, const std::vector<std::uint32_t>& unreached) {
    BannerReview& review = state.banners;
    const BannerReview::Status status = review.status(k, state.district);
    const geo::PlacedBanner now = review.reach(k, state.district);
    ImGui::PushID(static_cast<int>(k));
    const ImVec4 colour = status == BannerReview::Status::accepted   ? ImVec4(0.1f, 0.5f, 0.2f, 1)
                          : status == BannerReview::Status::rejected ? ImVec4(0.6f, 0.6f, 0.6f, 1)
                                                                      : ImVec4(0.1f, 0.1f, 0.1f, 1);
    const bool moved = review.decisions[k].moved_to.has_value() ||
                       (status == BannerReview::Status::accepted && !(review.location(k, state.district) == review.plan->suggested[k].site.location));
    const geo::XY at = review.location(k, state.district);
    auto place = review.place_names.find({at.x, at.y});
    if (place == review.place_names.end()) place = review.place_names.emplace(std::pair{at.x, at.y}, geo::place_name(state.district, at)).first;
    const std::string& label = review.plan->suggested[k].site.label;
    std::string text = place->second.empty() ? fmt::format("{}. {} · {} {}", k + 1, label, now.incidents.size(), tr("cases"))
                                             : fmt::format("{}. {} · {} {}", k + 1, place->second, now.incidents.size(), tr("cases"));
    if (moved) text += std::string(" · ") + tr("moved");
    if (status == BannerReview::Status::accepted) text += fmt::format(" · {} {}", tr("accepted"), review.accepted_ids[k]);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (ImGui::Selectable(text.c_str(), review.selected == static_cast<int>(k), 0, ImVec2(ImGui::CalcTextSize(text.c_str()).x, 0)))
        review.selected = review.selected == static_cast<int>(k) ? -1 : static_cast<int>(k);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());  // the graph node or gate
    // The buttons follow the text when they fit, else go on the next line (street names are long).
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const bool buttons_fit = right - ImGui::GetItemRectMax().x > 12 * ImGui::GetFontSize();
    const auto next_to_text = [&] {
        if (buttons_fit) ImGui::SameLine();
        else ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetFontSize());
    };
    if (status == BannerReview::Status::open) {
        next_to_text();
        if (ImGui::SmallButton(tr("Accept"))) state.perform(review.accept(k, state.district));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Reject"))) review.decide(k, {true, review.decisions[k].moved_to});
        ImGui::SameLine();
        if (ImGui::SmallButton(review.picking == static_cast<int>(k) ? tr("Click the map…") : tr("Move"))) {
            review.picking = review.picking == static_cast<int>(k) ? -1 : static_cast<int>(k);
            review.selected = static_cast<int>(k);
        }
    }
    if (status == BannerReview::Status::rejected) {
        next_to_text();
        if (ImGui::SmallButton(tr("Restore"))) review.decide(k, {false, review.decisions[k].moved_to});
    }
    if (review.selected == static_cast<int>(k)) {
        ImGui::Indent();
        ImGui::TextUnformatted(fmt::format("{} {} · {} {:.1f}", now.incidents.size(), tr("cases in reach"), tr("weight"), now.reach_weight).c_str());
        if (status == BannerReview::Status::open)
            ImGui::TextUnformatted(fmt::format("{} {}", count_common(now.incidents, unreached), tr("of them not yet in reach of a banner")).c_str());
        ImGui::TextDisabled("%s", tr("Drag its marker on the map to move it"));
        ImGui::Unindent();
    }
    ImGui::PopID();
}

}  // namespace

BannerReview::Status BannerReview::status(std::size_t k, const geo::District& district) const {
    if (accepted_poster(*this, k, district)) return Status::accepted;
    return decisions[k].rejected ? Status::rejected : Status::open;
}

geo::XY BannerReview::location(std::size_t k, const geo::District& district) const {
    if (const geo::Poster* poster = accepted_poster(*this, k, district)) return poster->location;
    return decisions[k].moved_to.value_or(plan->suggested[k].site.location);
}

geo::PlacedBanner BannerReview::reach(std::size_t k, const geo::District& district) const {
    geo::CandidateSite site = plan->suggested[k].site;
    site.location = location(k, district);
    return geo::banner_at(targets, site, plan_radius_m);
}

std::vector<geo::PlacedBanner> BannerReview::banners_in_place(const geo::District& district) const {
    std::vector<geo::PlacedBanner> out;
    if (!plan) return out;
    // As place_banners counts them: banners hanging at the plan's date. An accepted one is
    // installed at that date, so it is among them.
    for (const geo::Poster& poster : district.posters)
        if (poster.kind == geo::PosterKind::banner && geo::is_hanging(poster, plan->as_of)) {
            geo::PlacedBanner banner = geo::banner_at(targets, {poster.location, geo::CandidateKind::user, poster.id}, plan_radius_m);
            banner.poster_id = poster.id;
            out.push_back(std::move(banner));
        }
    return out;
}

geo::ReachSummary BannerReview::reach_summary(const geo::District& district) const {
    return geo::summarise_reach(targets, banners_in_place(district));
}

geo::PosterEdit BannerReview::accept(std::size_t k, const geo::District& district) {
    geo::Poster banner;
    banner.id = geo::next_poster_id(district, geo::PosterKind::banner);
    banner.kind = geo::PosterKind::banner;
    banner.location = location(k, district);
    banner.installed = plan->as_of;
    banner.extras[kPlacementField] = std::string(kSuggested);
    // An earlier acceptance undone may have left this id behind: it is this one's now.
    for (std::string& id : accepted_ids)
        if (id == banner.id) id.clear();
    accepted_ids[k] = banner.id;
    return geo::AddPoster{banner, std::nullopt};
}

bool BannerReview::decide(std::size_t k, Decision after) {
    if (k >= decisions.size() || decisions[k] == after) return false;
    undo_steps.push_back({k, decisions[k], after});
    redo_steps.clear();
    decisions[k] = std::move(after);
    return true;
}

bool BannerReview::undo() {
    if (undo_steps.empty()) return false;
    const DecisionStep step = undo_steps.back();
    undo_steps.pop_back();
    decisions[step.suggestion] = step.before;
    redo_steps.push_back(step);
    return true;
}

bool BannerReview::redo() {
    if (redo_steps.empty()) return false;
    const DecisionStep step = redo_steps.back();
    redo_steps.pop_back();
    decisions[step.suggestion] = step.after;
    undo_steps.push_back(step);
    return true;
}

void suggest_banners(AppState& state) {
    BannerReview& review = state.banners;
    geo::BannerOptions o;
    o.count = static_cast<std::size_t>(review.count);
    o.radius_m = review.radius_m;
    o.min_spacing_m = review.min_spacing_m;
    if (state.filter.window) o.as_of = state.filter.window->to;
    try {
        // The cases the filter shows (time window, types, outcomes ...), as every view uses.
        const std::vector<std::uint32_t> shown_index = geo::filter_incidents(state.district, state.filter);
        geo::District shown = state.district;
        shown.incidents.clear();
        for (std::uint32_t i : shown_index) shown.incidents.push_back(state.district.incidents[i]);
        geo::BannerPlacement plan = geo::place_banners(shown, o);
        geo::ReachTargets targets = geo::reach_targets(shown, o, plan.as_of);
        for (auto& b : plan.suggested) to_district_indices(b.incidents, shown_index);
        for (auto& b : plan.hanging) to_district_indices(b.incidents, shown_index);
        to_district_indices(targets.incidents, shown_index);
        review.plan = std::move(plan);
        review.targets = std::move(targets);
        review.plan_radius_m = review.radius_m;
        review.decisions.assign(review.plan->suggested.size(), {});
        review.accepted_ids.assign(review.plan->suggested.size(), {});
        review.undo_steps.clear();
        review.redo_steps.clear();
        review.selected = review.picking = review.dragging = -1;
        review.error.clear();
    } catch (const std::exception& e) {
        review.plan.reset();
        review.error = e.what();
    }
}

void draw_banner_panel(AppState& state) {
    BannerReview& review = state.banners;
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##count", &review.count, 1, 30, (std::string(tr("Banners")) + " %d").c_str());
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##reach", &review.radius_m, 50, 1000, (std::string(tr("Reach (m)")) + " %.0f").c_str());
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##spacing", &review.min_spacing_m, 0, 1000, (std::string(tr("Minimum spacing (m)")) + " %.0f").c_str());
    if (ImGui::Button(tr("Suggest banner sites"))) suggest_banners(state);
    if (!review.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", review.error.c_str());
    if (!review.plan) return;
    const geo::BannerPlacement& plan = *review.plan;

    // The share of the selected cases within reach of banners hanging or accepted: live, from
    // where each stands now.
    const geo::ReachSummary summary = review.reach_summary(state.district);
    ImGui::Text("%s: %zu / %zu (%.1f%%)", tr("Cases within reach of banners"), summary.reached, review.targets.incidents.size(),
                review.targets.incidents.empty() ? 0.0 : 100.0 * summary.reached / review.targets.incidents.size());
    ImGui::TextDisabled("%s %.0f / %.0f, %s %.0f", tr("All suggestions cover"), plan.solution.covered_weight,
                        plan.solution.total_weight, tr("bound"), plan.solution.upper_bound);
    ImGui::Checkbox(fmt::format("{} ({})##unreached", tr("Mark cases out of reach"), summary.unreached.size()).c_str(), &review.show_unreached);
    if (ImGui::Button(tr("Export accepted for the crew (PDF + GeoJSON)"))) {
        std::vector<geo::BannerListEntry> entries;
        for (std::size_t k = 0; k < plan.suggested.size(); ++k)
            if (review.status(k, state.district) == BannerReview::Status::accepted)
                entries.push_back({std::to_string(k + 1), review.location(k, state.district), review.reach(k, state.district).incidents.size()});
        const auto base = state.workspace.parent_path() / (state.workspace.stem().string() + "-banners");
        try {
            geo::write_banner_list_pdf(entries, state.district, review.plan_radius_m, state.district.metadata.name, base.string() + ".pdf");
            geo::write_banner_list_geojson(entries, state.district, base.string() + ".geojson");
            review.error.clear();
            state.status = "wrote " + base.string() + ".pdf and .geojson";
        } catch (const std::exception& e) {
            review.error = e.what();
        }
    }
    if (!state.status.empty()) ImGui::TextDisabled("%s", state.status.c_str());

    // Rejections and moves of suggestions: the review's own undo (accepting is Ctrl+Z's).
    ImGui::BeginDisabled(review.undo_steps.empty());
    if (ImGui::SmallButton(tr("Undo reject/move"))) review.undo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(review.redo_steps.empty());
    if (ImGui::SmallButton(tr("Redo reject/move"))) review.redo();
    ImGui::EndDisabled();
    if (review.picking >= 0) {
        ImGui::TextColored(ImVec4(0.7f, 0.2f, 0.55f, 1), "%s %d", tr("Click the map to place suggestion"), review.picking + 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) review.picking = -1;  // 1.86: key map index
    }
    ImGui::Separator();
    for (std::size_t k = 0; k < plan.suggested.size(); ++k) draw_suggestion_row(state, k, summary.unreached);
}

}  // namespace gui
