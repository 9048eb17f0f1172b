#pragma once
// A PatrolMap program's turn at a workspace file: writers one at a time, readers beside each
// other, queued by the kernel (flock(2) on the file itself).
//
// Why: SQLite answers "locked" at once to a transaction that read before it writes, and every
// save changes the schema, so the store retries its opens (workspace_store.cpp). Polling lets a
// waiter lose to each newcomer: 8 programs saving at once on a loaded machine saw saves give up
// after 30 s. flock waits in the kernel until the holder lets go, or dies: a killed program's
// turn ends with it. SQLite's own locks are fcntl(2) locks, which flock does not touch, so other
// programs (QGIS, ogr2ogr) are not held up; against them the retries remain.
//
// Within one process a second turn at the same file (a read inside a write) is given at once:
// flock on a second descriptor would make the process wait for itself.
#include <filesystem>
#include <string>

namespace geo {

class FileTurn {
public:
    enum class Kind { read, write };

    FileTurn() = default;  // no turn (a database, or a file not there yet)
    // Waits for the turn. No turn when the file cannot be opened (it is not there yet): the
    // store's own checks say why.
    FileTurn(const std::filesystem::path& file, Kind kind);
    ~FileTurn();
    FileTurn(FileTurn&& other) noexcept;
    FileTurn& operator=(FileTurn&& other) noexcept;
    FileTurn(const FileTurn&) = delete;
    FileTurn& operator=(const FileTurn&) = delete;

private:
    void release();
    std::string key_;  // the file, as the process's count of turns knows it; empty: no turn
    int fd_ = -1;      // holds the flock; -1 when the process already had the turn
};

}  // namespace geo
