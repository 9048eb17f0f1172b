#include "geo/edit/autosave.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/edit/edit_json.h"
#include "geo/io/district_rows.h"
#include "geo/io/source_reader.h"
#include "geo/io/workspace_store.h"
#include "geo/util/error.h"
#include "geo/util/pending_file.h"
#include "geo/util/time_parse.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace geo {
namespace {

constexpr const char* kJournalFormat = "patrolmap-poster-journal";
constexpr int kJournalVersion = 1;

std::string errno_text() { return std::strerror(errno); }

// Closes a POSIX file descriptor on every path out.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

// Writes `text` to a temporary sibling and commits it over `target` (PendingFile: private,
// flushed to disk, renamed, folder flushed), so that `target` is at every instant either the old
// file or the whole new one, also after a power cut.
void write_atomically(const fs::path& target, const std::string& text) {
    PendingFile pending(target);
    auto fail = [&](const std::string& what) { throw IoError("cannot write " + target.string() + ": " + what); };
    FileDescriptor fd(::open(pending.path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (fd.get() < 0) fail(errno_text());
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(fd.get(), text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(errno_text());
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd.release()) != 0) fail(errno_text());
    pending.commit();
}

std::string read_whole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot read " + path.string() + ": " + errno_text());
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw IoError("cannot read " + path.string());
    return text.str();
}

std::string now_iso_utc() {
    return format_iso8601_utc(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::string edit_context(const fs::path& journal, std::size_t index) {
    return fmt::format("{} edit {}", journal.string(), index + 1);
}

void require_replayable(const District& district, const Journal& journal) {
    if (journal.stale || district.metadata.updated != journal.workspace_updated)
        throw BadInput(fmt::format(
            "{}: made on the workspace as updated {}, but it is now at {}; its {} edit(s) are not "
            "replayed",
            journal.path.string(), journal.workspace_updated,
            journal.stale ? journal.workspace_updated_now : district.metadata.updated,
            journal.edits.size()));
}

// "posters: added BAN-0003; moved PO00001; deleted PO00007" for the workspace's change log.
std::string describe_edits(const std::vector<PosterEdit>& edits) {
    std::string out = "posters saved:";
    std::size_t shown = 0;
    for (const auto& edit : edits) {
        if (++shown > 12) {
            out += fmt::format(" … ({} edits)", edits.size());
            break;
        }
        out += std::visit([](const auto& e) -> std::string {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, AddPoster>) return " added " + e.poster.id + ";";
            else if constexpr (std::is_same_v<E, MovePoster>) return " moved " + e.id + ";";
            else return " deleted " + e.poster.id + ";";
        }, edit);
    }
    return out;
}

}  // namespace

Journal parse_journal(const fs::path& path, const std::string& text) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        throw BadInput(fmt::format("{}: corrupt journal, not valid JSON (byte {})", path.string(),
                                   e.byte));
    } catch (const json::exception& e) {
        // Also out_of_range: a number too large for a double ("1E400"), found by fuzzing.
        throw BadInput(fmt::format("{}: corrupt journal, not valid JSON ({})", path.string(), e.what()));
    }
    auto string_field = [&](const char* key) {
        if (!root.is_object() || !root.contains(key) || !root[key].is_string())
            throw BadInput(fmt::format("{}: not a PatrolMap edit journal (field {} is missing or "
                                       "not a string)",
                                       path.string(), key));
        return root[key].get<std::string>();
    };
    if (string_field("format") != kJournalFormat)
        throw BadInput(path.string() + ": not a PatrolMap edit journal (format is not " +
                       kJournalFormat + ")");
    if (!root.contains("version") || root["version"] != kJournalVersion)
        throw BadInput(fmt::format("{}: journal version {} is not {}, which this PatrolMap reads",
                                   path.string(), root.value("version", json()).dump(),
                                   kJournalVersion));
    Journal journal;
    journal.path = path;
    journal.workspace_updated = string_field("workspace_updated");
    journal.written = string_field("written");
    if (!root.contains("edits") || !root["edits"].is_array())
        throw BadInput(path.string() + ": not a PatrolMap edit journal (no edits array)");
    const json& edits = root["edits"];
    for (std::size_t i = 0; i < edits.size(); ++i)
        journal.edits.push_back(edit_from_json(edits[i], edit_context(path, i)));
    return journal;
}

fs::path journal_path(const fs::path& workspace) {
    if (is_database_workspace(workspace.string())) {
        // A database has no folder beside it: the journal stays on this machine, in the user's
        // state folder, named by the connection (its password left out) so each database has one.
        const char* state = std::getenv("XDG_STATE_HOME");
        const char* home = std::getenv("HOME");
        const fs::path base = state && *state ? fs::path(state) : fs::path(home && *home ? home : "/tmp") / ".local" / "state";
        const std::string label = source_label(workspace.string());
        std::string name;
        for (const char c : label) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        fs::create_directories(base / "patrolmap");
        return base / "patrolmap" / (name.substr(0, 120) + fmt::format("-{:016x}", std::hash<std::string>{}(label)) + ".journal.json");
    }
    return workspace.parent_path() / ("." + workspace.filename().string() + ".journal.json");
}

void write_journal(const fs::path& workspace, const Metadata& metadata,
                   const std::vector<PosterEdit>& edits) {
    json root = {{"format", kJournalFormat},
                 {"version", kJournalVersion},
                 {"workspace", workspace.filename().string()},
                 {"workspace_updated", metadata.updated},
                 {"written", now_iso_utc()},
                 {"edits", json::array()}};
    for (const auto& edit : edits) root["edits"].push_back(edit_to_json(edit));
    const fs::path path = journal_path(workspace);
    std::string text;
    try {
        text = root.dump(1, '\t') + "\n";
    } catch (const json::type_error& e) {
        // Text from a source that was not UTF-8 (json 316); the edits stay in memory.
        throw BadInput(path.string() + ": cannot journal the edits, a text is not UTF-8 (" +
                       e.what() + ")");
    }
    write_atomically(path, text);
}

void remove_journal(const fs::path& workspace) {
    const fs::path path = journal_path(workspace);
    std::error_code ec;
    fs::remove(path, ec);
    if (ec) throw IoError("cannot remove " + path.string() + ": " + ec.message());
}

void sync_journal(const fs::path& workspace, const Metadata& metadata,
                  const EditHistory& history) {
    if (history.dirty()) write_journal(workspace, metadata, history.unsaved());
    else remove_journal(workspace);
}

std::optional<Journal> find_journal(const fs::path& workspace) {
    const fs::path path = journal_path(workspace);
    if (!fs::exists(path)) return std::nullopt;
    Journal journal = parse_journal(path, read_whole(path));
    journal.workspace_updated_now = read_metadata(workspace).updated;
    journal.stale = journal.workspace_updated != journal.workspace_updated_now;
    return journal;
}

void replay(District& district, const Journal& journal) {
    require_replayable(district, journal);
    // Edits touch the posters only: keeping them is enough to undo a half-done replay.
    std::vector<Poster> before = district.posters;
    for (std::size_t i = 0; i < journal.edits.size(); ++i) {
        try {
            geo::apply(district, journal.edits[i]);
        } catch (const BadInput& e) {
            district.posters = std::move(before);
            throw BadInput(edit_context(journal.path, i) + ": " + e.what());
        }
    }
}

void replay(District& district, const Journal& journal, EditHistory& history) {
    require_replayable(district, journal);
    std::vector<Poster> posters_before = district.posters;
    EditHistory history_before = history;
    for (std::size_t i = 0; i < journal.edits.size(); ++i) {
        try {
            history.perform(district, journal.edits[i]);
        } catch (const BadInput& e) {
            district.posters = std::move(posters_before);
            history = std::move(history_before);
            throw BadInput(edit_context(journal.path, i) + ": " + e.what());
        }
    }
}

namespace {

// The unsaved edits onto `fresh` (the posters as another program may have left them); BadInput
// naming the edit that no longer fits and that program's changes (`since`, from the change log).
void rebase_edits(const fs::path& workspace, District& fresh, const EditHistory& history,
                  const std::vector<ChangeEntry>& since) {
    const std::vector<PosterEdit>& edits = history.unsaved();
    for (std::size_t i = 0; i < edits.size(); ++i) {
        try {
            geo::apply_rebased(fresh, edits[i]);
        } catch (const BadInput& e) {
            std::string others;
            for (const auto& c : since)
                if (c.tables.find("posters") != std::string::npos) others += (others.empty() ? "" : "; ") + c.summary;
            throw BadInput(fmt::format(
                "{}: the posters were changed by another program since they were read ({}), and unsaved edit {} "
                "no longer fits: {}; nothing was saved, the edits are kept",
                workspace.string(), others.empty() ? "the workspace changed" : others, i + 1, e.what()));
        }
    }
}

}  // namespace

void save_posters(const fs::path& workspace, District& district, EditHistory& history) {
    // The unsaved edits replayed onto the posters as they are in the file, inside the write:
    // when no other program changed the posters since they were read, that is exactly
    // district.posters; when one did, its changes are kept and ours go on top (the edit history
    // is the merge), or, when an edit no longer fits (a poster moved or deleted meanwhile), the
    // save is refused, naming the poster, and nothing is written.
    // Read before the write's transaction, for a refusal's message only.
    const std::vector<ChangeEntry> since = changes_since(workspace, district.metadata.change);
    std::vector<Poster> merged;
    const std::string label = workspace.filename().string();
    const Metadata committed = rebuild_layer(
        workspace, LayerKind::posters,
        [&](std::vector<Row> rows) {
            District fresh;
            fresh.metadata = district.metadata;
            append_rows(rows, LayerKind::posters, fresh, label);
            rebase_edits(workspace, fresh, history, since);
            merged = fresh.posters;
            return to_rows(fresh, LayerKind::posters);
        },
        describe_edits(history.unsaved()));
    district.posters = std::move(merged);
    district.metadata = committed;
    history.mark_saved();
    // The journal is stale now (older stamp) and find_journal would ignore it; failing to
    // remove it is not a failed save, so it is not reported.
    std::error_code ec;
    fs::remove(journal_path(workspace), ec);
}

District reload_with_edits(const fs::path& workspace, const District& current, const EditHistory& history) {
    District fresh = read_district(workspace);
    rebase_edits(workspace, fresh, history, changes_since(workspace, current.metadata.change));
    return fresh;
}

}  // namespace geo
