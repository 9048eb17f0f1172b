#pragma once
// Undo/redo of planners' poster edits, and the list of edits not saved yet (what the crash
// journal holds, autosave.h).
//
// The history only ever changes the district through apply/revert (poster_edits.h), and does
// so all or nothing: when an edit throws, neither the district nor the history has changed.
//
// Unsaved edits: `unsaved()` is a list of edits that, applied in order to the district as last
// saved, give the district as it is now. Normally that is just the edits performed since the
// save. Undoing back to the save point empties it (and `dirty()` turns false again); undoing
// past the save point adds the inverse of each edit taken back (inverse_of), since the saved
// file still holds it; redoing cancels those again.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/edit/poster_edits.h"

namespace geo {

// Whether a move may be folded into the previous one.
enum class MoveMerge {
    separate,       // every move is its own undo step
    continue_drag,  // part of the drag that made the previous move: merged with it
};

class EditHistory {
public:
    // Applies the edit and pushes it; clears redo. BadInput (from apply) leaves all unchanged.
    //
    // With MoveMerge::continue_drag, a move of the same poster as the move on top of the undo
    // stack replaces that move's `to` instead of pushing a step, so one drag is one undo step
    // ("move PST-0003" from where the drag began to where it ended). The app passes
    // continue_drag for every mouse-move event after the first of one drag. A move is never
    // merged into one that is already saved (the saved file would no longer match it); it is
    // pushed as a step of its own instead.
    void perform(District& district, PosterEdit edit, MoveMerge merge = MoveMerge::separate);

    // Take back / redo the top step; false when there is none.
    bool undo(District& district);
    bool redo(District& district);
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // describe() of the step undo/redo would act on; "" when there is none.
    std::string undo_label() const;
    std::string redo_label() const;

    // Edits since the last save point (true when the saved district differs by any step).
    bool dirty() const { return !unsaved_.empty(); }
    // The district as it is now is the one saved.
    void mark_saved();
    // Edits since the save point, in order (see the file comment): for the journal.
    const std::vector<PosterEdit>& unsaved() const { return unsaved_; }

private:
    struct Step {
        PosterEdit edit;
        std::uint64_t serial;  // which step an unsaved entry refers to
    };
    struct UnsavedTag {
        std::uint64_t serial;
        bool inverse;  // the inverse of the step (an undo past the save point)
    };
    void log(PosterEdit edit, std::uint64_t serial, bool inverse);
    bool last_logged_is(std::uint64_t serial, bool inverse) const;
    void drop_last_logged();

    std::vector<Step> undo_;
    std::vector<Step> redo_;
    std::vector<PosterEdit> unsaved_;  // kept apart from the tags so unsaved() is a plain vector
    std::vector<UnsavedTag> unsaved_tags_;
    std::uint64_t next_serial_ = 1;
};

}  // namespace geo
