#pragma once
// Crash recovery for planners' edits, and the save that cannot lose them.
//
// While edits are unsaved the app keeps a journal beside the workspace,
// `<dir>/.<workspace file name>.journal.json`, holding the workspace's `updated` stamp (the
// state the edits were made on) and the unsaved edits (edit_json.h). After every edit, undo or
// redo the app calls sync_journal. On the next start, find_journal + replay bring the edits back
// when the app died before saving. The app settles a journal found at start before the first
// edit (recover it with replay, or discard it with remove_journal; a stale one is shown and then
// removed or kept aside as the planner says), since sync_journal overwrites or removes it.
//
// Why a save cannot lose data:
// - The save is one SQLite transaction on the workspace (workspace_store.h), so a failed or
//   killed save leaves the workspace file as it was; the journal is removed only after the
//   commit succeeded, so the edits are always in one of the two.
// - A crash between the commit and the journal's removal leaves a journal made against the old
//   `updated` stamp: find_journal reports it stale and replay refuses it, so saved edits are
//   never applied twice. (Stamps have whole-second resolution; in the unlikely case of a save in
//   the same second as the state the journal was made on, replay still stops at the first edit
//   that no longer fits: an add of an id that exists or a move of a poster not at its start.)
// - Another program's changes since the read are not overwritten: the save replays the unsaved
//   edits onto the posters as they are in the file, inside its transaction (the edit history is
//   the merge), and refuses, writing nothing, when an edit no longer fits there.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/edit/edit_history.h"
#include "geo/edit/poster_edits.h"
#include "geo/model/district.h"

namespace geo {

struct Journal {
    std::filesystem::path path;          // the journal file
    std::string workspace_updated;       // the workspace's `updated` stamp the edits were made on
    std::string workspace_updated_now;   // the stamp the workspace has now
    std::string written;                 // when the journal was written, ISO 8601 UTC
    bool stale = false;  // made against another state of the workspace: show it, never replay it
    std::vector<PosterEdit> edits;       // in the order they were made
};

// `<dir>/.<ws filename>.journal.json` beside a file; for a database, in the user's state folder
// ($XDG_STATE_HOME or ~/.local/state)/patrolmap/, named by the connection.
std::filesystem::path journal_path(const std::filesystem::path& workspace);

// Writes the journal atomically (temporary file, fsync, rename): a crash while writing leaves
// the previous journal whole. `metadata` is the district's, as read from the workspace.
// IoError when the file cannot be written.
void write_journal(const std::filesystem::path& workspace, const Metadata& metadata,
                   const std::vector<PosterEdit>& edits);
// No error when there is none; IoError when it exists and cannot be removed.
void remove_journal(const std::filesystem::path& workspace);
// What the app calls after each change: writes history.unsaved() while the history is dirty,
// removes the journal once it is not (undone back to the save point).
void sync_journal(const std::filesystem::path& workspace, const Metadata& metadata,
                  const EditHistory& history);

// The journal beside `workspace`, edits parsed back, or nullopt when there is none. Reads the
// workspace's metadata to tell whether the journal is stale. BadInput naming the journal file
// when it is not valid JSON or not a journal; BadInput when the workspace cannot be read.
std::optional<Journal> find_journal(const std::filesystem::path& workspace);

// A journal's text parsed (what find_journal does after reading the file; `path` names it in
// messages). `workspace_updated_now` and `stale` are left for the caller. BadInput naming the
// file, and the edit number and field, for anything that is not a journal as write_journal
// writes it.
Journal parse_journal(const std::filesystem::path& path, const std::string& text);

// Applies the journal's edits to `district`, which must be the workspace as read now (its
// `updated` stamp the journal's). All or nothing: BadInput, with the district unchanged, for a
// stale journal or an edit that does not fit (naming the journal file and the edit number).
// For previews only: the edits replayed here are in no history, so the app's next sync_journal
// would write a journal without them. The app recovers with the overload below.
void replay(District& district, const Journal& journal);
// The same through the history, which the app uses: the replayed edits become unsaved,
// undoable steps, so the next sync_journal writes them again and the next save writes them.
// History and district are both left unchanged on error.
void replay(District& district, const Journal& journal, EditHistory& history);

// Saves the posters layer: inside one transaction (rebuild_layer), the history's unsaved edits
// applied (apply_rebased) to the posters as they are in the file, which are then written. When
// no other program changed the posters since the district was read, that is district.posters;
// when one did, its changes are kept and district.posters becomes the merged layer. Then the
// workspace's new metadata goes into district.metadata, the history is marked saved and the
// journal removed. When it throws, the workspace file, the district, the history and the
// journal are all as they were: IoError (disk, permissions, a lock held too long) or BadInput
// (the workspace is missing, or an edit no longer fits the posters another program changed:
// the message names the poster and that program's change). A journal that cannot be removed
// after a successful save is left in place (it is stale by its stamp).
void save_posters(const std::filesystem::path& workspace, District& district,
                  EditHistory& history);

// The workspace as it is in the file now, with the history's unsaved edits replayed onto its
// posters (apply_rebased): what the app shows once another program changed the workspace, its
// planner's edits kept on top. BadInput naming the edit that no longer fits, and the other
// program's changes; the caller then keeps what it has (a save would be refused the same way).
District reload_with_edits(const std::filesystem::path& workspace, const District& current,
                           const EditHistory& history);

}  // namespace geo
