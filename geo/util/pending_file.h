#pragma once
// Writing a file so that a failure or a crash never leaves a half-written one under its name:
// write to a hidden temporary sibling ("<dir>/.<name>.tmp-<pid>", same file system), then
// commit(), which renames it over the target in one step. Not committed, it is removed.
#include <filesystem>

namespace geo {

class PendingFile {
public:
    explicit PendingFile(const std::filesystem::path& target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    // Where to write.
    const std::filesystem::path& path() const { return path_; }
    // Replaces the target with what was written; IoError when the rename fails.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path path_;
    bool committed_ = false;
};

}  // namespace geo
