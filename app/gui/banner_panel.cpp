// Placement of warning banners: suggestions from geo/placement over the filtered cases, each
// accepted into the posters layer as a banner through the edit history, or rejected.
#include <set>

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.h"
#include "app/gui/panels.h"
#include "geo/edit/poster_edits.h"
#include "geo/report/banner_list.h"

namespace gui {
void suggest_banners(AppState& state) {
    BannerReview& review = state.banners;
    geo::BannerOptions o;
    o.count = static_cast<std::size_t>(review.count);
    o.radius_m = review.radius_m;
    o.min_spacing_m = review.min_spacing_m;
    if (state.filter.window) o.as_of = state.filter.window->to;
    try {
        // The cases the filter shows (time window, types, outcomes ...), as every view uses.
        geo::District shown = state.district;
        shown.incidents.clear();
        for (std::uint32_t i : geo::filter_incidents(state.district, state.filter)) shown.incidents.push_back(state.district.incidents[i]);
        review.plan = geo::place_banners(shown, o);
        review.state.assign(review.plan->suggested.size(), 0);
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

    // The share of the selected cases within reach of banners hanging or accepted: live.
    std::set<std::uint32_t> reached;
    for (const auto& b : plan.hanging) reached.insert(b.incidents.begin(), b.incidents.end());
    for (std::size_t k = 0; k < plan.suggested.size(); ++k)
        if (review.state[k] == 1) reached.insert(plan.suggested[k].incidents.begin(), plan.suggested[k].incidents.end());
    ImGui::Text("%s: %zu / %zu (%.1f%%)", tr("Cases within reach of banners"), reached.size(), plan.incidents,
                plan.incidents ? 100.0 * reached.size() / plan.incidents : 0.0);
    ImGui::TextDisabled("%s %.0f / %.0f, %s %.0f", tr("All suggestions cover"), plan.solution.covered_weight,
                        plan.solution.total_weight, tr("bound"), plan.solution.upper_bound);
    if (ImGui::Button(tr("Export accepted for the crew (PDF + GeoJSON)"))) {
        std::vector<geo::BannerListEntry> entries;
        for (std::size_t k = 0; k < plan.suggested.size(); ++k)
            if (review.state[k] == 1)
                entries.push_back({std::to_string(k + 1), plan.suggested[k].site.location, plan.suggested[k].incidents.size()});
        const auto base = state.workspace.parent_path() / (state.workspace.stem().string() + "-banners");
        try {
            geo::write_banner_list_pdf(entries, state.district, review.radius_m, state.district.metadata.name, base.string() + ".pdf");
            geo::write_banner_list_geojson(entries, state.district, base.string() + ".geojson");
            review.error.clear();
            state.status = "wrote " + base.string() + ".pdf and .geojson";
        } catch (const std::exception& e) {
            review.error = e.what();
        }
    }
    if (!state.status.empty()) ImGui::TextDisabled("%s", state.status.c_str());
    for (std::size_t k = 0; k < plan.suggested.size(); ++k) {
        const geo::PlacedBanner& b = plan.suggested[k];
        ImGui::PushID(static_cast<int>(k));
        const ImVec4 colour = review.state[k] == 1 ? ImVec4(0.1f, 0.5f, 0.2f, 1) : review.state[k] == -1 ? ImVec4(0.6f, 0.6f, 0.6f, 1)
                                                                                                         : ImVec4(0.1f, 0.1f, 0.1f, 1);
        ImGui::TextColored(colour, "%zu. %s · %zu %s", k + 1, b.site.label.c_str(), b.incidents.size(), tr("cases"));
        if (review.state[k] == 0) {
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Accept"))) {
                geo::Poster banner;
                banner.id = geo::next_poster_id(state.district, geo::PosterKind::banner);
                banner.kind = geo::PosterKind::banner;
                banner.location = b.site.location;
                banner.installed = plan.as_of;
                banner.extras["placement"] = std::string("suggested");
                state.perform(geo::AddPoster{banner, std::nullopt});
                review.state[k] = 1;
            }
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Reject"))) review.state[k] = -1;
        }
        ImGui::PopID();
    }
}

}  // namespace gui
