#pragma once
// Writing a file so that a failure or a crash never leaves a half-written one under its name:
// write to a hidden temporary sibling ("<dir>/.<name>.tmp-<pid>", same file system), then
// commit(), which makes it private (0600: a station's data is personal data), flushes it to
// disk (fsync), renames it over the target in one step and flushes the folder, so that after a
// crash or a power cut the target is the old file or the whole new one. Not committed, the
// temporary is removed.
#include <filesystem>
#include <string_view>

namespace geo {

// Owner read and write only: what every workspace, journal, report and export is created with.
inline constexpr std::filesystem::perms kPrivateFilePerms =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;

class PendingFile {
public:
    explicit PendingFile(const std::filesystem::path& target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    // Where to write.
    const std::filesystem::path& path() const { return path_; }
    // Replaces the target with what was written (closed by the caller); IoError when the
    // file cannot be flushed or renamed.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path path_;
    bool committed_ = false;
};

// `bytes` as the whole of `path`, through a PendingFile: the old file or all of the new one.
// IoError naming `path` when it cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// fsync of a file or a folder; IoError naming `path` when it fails.
void flush_to_disk(const std::filesystem::path& path);

}  // namespace geo
