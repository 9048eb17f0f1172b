#include "tests/common/fixtures.h"

#include <random>
#include <stdexcept>

namespace test {

std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(PATROLMAP_FIXTURES_DIR) / name;
}

std::filesystem::path source_dir() { return PATROLMAP_SOURCE_DIR; }

std::filesystem::path external(const std::string& name) {
    return source_dir() / "data" / "external" / name;
}

std::filesystem::path binary(const std::string& name) {
    return std::filesystem::path(PATROLMAP_BIN_DIR) / name;
}

ScratchDir::ScratchDir() {
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = std::filesystem::temp_directory_path() /
                         ("patrolmap-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a scratch directory");
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace test
