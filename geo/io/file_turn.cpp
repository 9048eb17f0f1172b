#include "geo/io/file_turn.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <mutex>
#include <utility>

namespace geo {
namespace {

// Turns this process holds, by file: the first takes the flock, the others count.
std::mutex turns_mutex;
std::map<std::string, int> turns_held;

}  // namespace

FileTurn::FileTurn(const std::filesystem::path& file, Kind kind) {
    std::error_code ec;
    const std::string key = std::filesystem::canonical(file, ec).string();
    if (ec) return;
    {
        std::lock_guard lock(turns_mutex);
        if (const auto held = turns_held.find(key); held != turns_held.end()) {
            ++held->second;
            key_ = key;
            return;
        }
    }
    // Not waited for with the map locked: another of the process's threads may be letting go.
    // Two threads that both find no turn both wait here, one after the other.
    const int fd = ::open(key.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    int rc;
    do rc = ::flock(fd, kind == Kind::write ? LOCK_EX : LOCK_SH);
    while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        ::close(fd);
        return;
    }
    std::lock_guard lock(turns_mutex);
    ++turns_held[key];
    key_ = key;
    fd_ = fd;
}

void FileTurn::release() {
    if (key_.empty()) return;
    std::lock_guard lock(turns_mutex);
    if (--turns_held[key_] == 0) turns_held.erase(key_);
    if (fd_ >= 0) ::close(fd_);  // closing the descriptor ends the flock
    key_.clear();
    fd_ = -1;
}

FileTurn::~FileTurn() { release(); }

FileTurn::FileTurn(FileTurn&& other) noexcept : key_(std::exchange(other.key_, {})), fd_(std::exchange(other.fd_, -1)) {}

FileTurn& FileTurn::operator=(FileTurn&& other) noexcept {
    if (this != &other) {
        release();
        key_ = std::exchange(other.key_, {});
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

}  // namespace geo
