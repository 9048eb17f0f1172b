#pragma once
// "Print cards" (打印联系牌) in the inspector of a selected neighbourhood: its 警民联系牌 (A6, four to
// an A4 page) or its A4 anti-fraud poster, written by geo::write_contact_cards_pdf (what
// `patrolmap cards WS --neighbourhood N01 [--kind poster]` writes) to a path typed in a dialog,
// beside the workspace by default as the route sheets and banner lists are.
#include <cstddef>
#include <filesystem>
#include <string>

#include "app/gui/app_state.h"

namespace gui {

// <workspace folder>/<workspace stem>-cards-N01.pdf, or -poster-N01.pdf.
std::filesystem::path default_cards_path(const AppState& state, const std::string& neighbourhood_id, bool poster);

// Writes the cards or poster of neighbourhood `neighbourhood` (index) to `out` and says where
// in state.cards.message. Throws what geo throws (geo::BadInput, geo::IoError); nothing is
// written then.
void print_cards(AppState& state, std::size_t neighbourhood, bool poster, const std::filesystem::path& out);

// The button and its dialog, under the inspector's table of neighbourhood `neighbourhood`.
void draw_print_cards(AppState& state, std::size_t neighbourhood);

}  // namespace gui
