#include "geo/util/pending_file.h"

#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "geo/util/error.h"

namespace fs = std::filesystem;

namespace geo {

PendingFile::PendingFile(const fs::path& target)
    : target_(target),
      path_(target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))) {
    std::error_code ec;
    fs::remove(path_, ec);  // a leftover of a crashed run with the same pid
}

PendingFile::~PendingFile() {
    if (!committed_) {
        std::error_code ec;
        fs::remove(path_, ec);
    }
}

void flush_to_disk(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError("cannot open " + path.string() + ": " + std::strerror(errno));
    const int result = ::fsync(fd);
    const int fsync_errno = errno;
    ::close(fd);
    if (result != 0) throw IoError("cannot flush " + path.string() + " to disk: " + std::strerror(fsync_errno));
}

void PendingFile::commit() {
    std::error_code ec;
    fs::permissions(path_, kPrivateFilePerms, fs::perm_options::replace, ec);
    if (ec) throw IoError("cannot make " + path_.string() + " private: " + ec.message());
    // Data first, then the rename: without the fsync a power cut can leave the new name
    // pointing at a file whose blocks never reached the disk.
    flush_to_disk(path_);
    fs::rename(path_, target_, ec);
    if (ec) throw IoError("cannot replace " + target_.string() + ": " + ec.message());
    committed_ = true;
    // The rename lives in the folder: flush it too. Best effort, as the file is whole either way
    // and some file systems refuse fsync on a folder.
    const fs::path folder = target_.parent_path().empty() ? fs::path(".") : target_.parent_path();
    try {
        flush_to_disk(folder);
    } catch (const IoError&) {
    }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    PendingFile pending(path);
    {
        std::ofstream out(pending.path(), std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) throw IoError("cannot write " + path.string());
    }
    pending.commit();
}

}  // namespace geo
