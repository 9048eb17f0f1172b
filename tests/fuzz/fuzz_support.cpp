#include "tests/fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace fuzz {
namespace fs = std::filesystem;

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz property failed: %s\n", what);
    std::abort();
}

fs::path sample_workspace() { return fs::path(PATROLMAP_SOURCE_DIR) / "data" / "jiangnan.gpkg"; }

namespace {
fs::path scratch_dir;
void remove_scratch() {
    std::error_code ec;
    if (!scratch_dir.empty()) fs::remove_all(scratch_dir, ec);
}
}  // namespace

fs::path scratch_copy_of_sample() {
    if (scratch_dir.empty()) {
        std::string pattern = (fs::temp_directory_path() / "patrolmap-fuzz-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        scratch_dir = pattern;
        std::atexit(remove_scratch);
        fs::copy_file(sample_workspace(), scratch_dir / "ws.gpkg");
    }
    return scratch_dir / "ws.gpkg";
}

std::pair<std::string, std::string> first_line(const std::string& text) {
    const auto nl = text.find('\n');
    if (nl == std::string::npos) return {std::string(), text};
    return {text.substr(0, nl), text.substr(nl + 1)};
}

}  // namespace fuzz
