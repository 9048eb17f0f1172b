#pragma once
// Planners' edits of the posters layer (posters, 警民联系牌 contact cards, banners) as plain
// commands. A view never changes the district itself: it builds one of these and hands it to
// EditHistory (edit_history.h), which applies it and can take it back. Each command carries
// everything needed to revert it, so `revert(apply(d))` gives back `d` exactly, order included.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>

#include "geo/model/district.h"

namespace geo {

// A new poster. Appended at the end of District::posters, or inserted at `index` when given
// (how the inverse of a delete puts a poster back where it was; see inverse_of).
struct AddPoster {
    Poster poster;
    std::optional<std::size_t> index;
};

// One poster dragged from `from` to `to` (workspace CRS, metres). Applying it checks that the
// poster still stands at `from`, so a move cannot be replayed on a district it was not made on.
struct MovePoster {
    std::string id;
    XY from;
    XY to;
};

// What was removed and where it stood in District::posters, to put it back exactly.
struct DeletePoster {
    Poster poster;
    std::size_t index = 0;
};

using PosterEdit = std::variant<AddPoster, MovePoster, DeletePoster>;

// Apply / revert on the district. Both leave the district untouched when they throw:
// BadInput for an unknown id, a duplicate id on add (or on putting a deleted poster back),
// an empty id, a location that is not finite, or a move whose poster is not at `from`
// (within 1 mm).
// Call them qualified, geo::apply: with a std::variant argument, argument-dependent lookup also
// finds std::apply(F&&, Tuple&&), which wins for a non-const edit and fails to compile.
void apply(District& district, const PosterEdit& edit);
void revert(District& district, const PosterEdit& edit);

// apply onto posters another program may have changed since the edit was made (a save's
// merge, autosave.h): positions are not held to (an add goes at its index or the end, a delete
// finds its poster by id); ids and a move's start still are, so an edit whose poster was
// deleted, re-added or moved meanwhile throws BadInput and is not applied.
void apply_rebased(District& district, const PosterEdit& edit);

// The edit that takes `district` back to the state before `edit`, where `district` is the state
// right after it: add <-> delete at the poster's current index, move from->to <-> to->from.
// Used to journal an undo that goes past the last save. BadInput for an unknown id.
PosterEdit inverse_of(const District& district, const PosterEdit& edit);

// "add banner BAN-0007", "move PST-0012", "delete contact card CC-0003": English text for the
// UI's undo menu (the UI translates the verb and the kind).
std::string describe(const PosterEdit& edit);

// The id an edit is about.
const std::string& poster_id(const PosterEdit& edit);

// A new id for a poster of `kind`: "PST-0001", "CC-0001" or "BAN-0001" style, one above the
// highest number already used with that prefix, so it never clashes with an existing id
// (more digits once past 9999).
std::string next_poster_id(const District& district, PosterKind kind);

// Factories that take the undo information from the current district; BadInput for an
// unknown id.
PosterEdit make_delete(const District& district, const std::string& id);
PosterEdit make_move(const District& district, const std::string& id, XY to);

// Index of the poster with this id in District::posters, or nullopt.
std::optional<std::size_t> find_poster(const District& district, const std::string& id);

}  // namespace geo
