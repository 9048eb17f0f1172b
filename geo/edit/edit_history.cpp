#include "geo/edit/edit_history.h"

#include <utility>

namespace geo {

void EditHistory::perform(District& district, PosterEdit edit, MoveMerge merge) {
    if (merge == MoveMerge::continue_drag && !undo_.empty()) {
        auto* move = std::get_if<MovePoster>(&edit);
        auto* top = std::get_if<MovePoster>(&undo_.back().edit);
        // Only a top step that is unsaved and the last thing logged can change in place.
        if (move && top && move->id == top->id && last_logged_is(undo_.back().serial, false)) {
            geo::apply(district, edit);
            top->to = move->to;
            unsaved_.back() = undo_.back().edit;
            redo_.clear();
            return;
        }
    }
    geo::apply(district, edit);
    const std::uint64_t serial = next_serial_++;
    log(edit, serial, false);
    undo_.push_back({std::move(edit), serial});
    redo_.clear();
}

bool EditHistory::undo(District& district) {
    if (undo_.empty()) return false;
    const Step& step = undo_.back();
    if (last_logged_is(step.serial, false)) {
        geo::revert(district, step.edit);
        drop_last_logged();
    } else {
        // The step is in the saved file: the journal must take it back explicitly.
        PosterEdit inverse = inverse_of(district, step.edit);
        geo::revert(district, step.edit);
        log(std::move(inverse), step.serial, true);
    }
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    return true;
}

bool EditHistory::redo(District& district) {
    if (redo_.empty()) return false;
    const Step& step = redo_.back();
    geo::apply(district, step.edit);
    if (last_logged_is(step.serial, true)) drop_last_logged();
    else log(step.edit, step.serial, false);
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    return true;
}

std::string EditHistory::undo_label() const {
    return undo_.empty() ? std::string() : describe(undo_.back().edit);
}

std::string EditHistory::redo_label() const {
    return redo_.empty() ? std::string() : describe(redo_.back().edit);
}

void EditHistory::mark_saved() {
    unsaved_.clear();
    unsaved_tags_.clear();
}

void EditHistory::log(PosterEdit edit, std::uint64_t serial, bool inverse) {
    unsaved_.push_back(std::move(edit));
    unsaved_tags_.push_back({serial, inverse});
}

bool EditHistory::last_logged_is(std::uint64_t serial, bool inverse) const {
    return !unsaved_tags_.empty() && unsaved_tags_.back().serial == serial &&
           unsaved_tags_.back().inverse == inverse;
}

void EditHistory::drop_last_logged() {
    unsaved_.pop_back();
    unsaved_tags_.pop_back();
}

}  // namespace geo
