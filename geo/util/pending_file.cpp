#include "geo/util/pending_file.h"

#include <unistd.h>

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

void PendingFile::commit() {
    std::error_code ec;
    fs::rename(path_, target_, ec);
    if (ec) throw IoError("cannot replace " + target_.string() + ": " + ec.message());
    committed_ = true;
}

}  // namespace geo
