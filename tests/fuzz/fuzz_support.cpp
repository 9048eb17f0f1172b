#include "tests/fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

#include "geo/io/workspace_store.h"

namespace fuzz {
namespace fs = std::filesystem;

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz property failed: %s\n", what);
    std::abort();
}

fs::path sample_workspace() { return fs::path(PATROLMAP_SOURCE_DIR) / "data" / "jiangnan.gpkg"; }

const geo::District& sample_district() {
    static const geo::District district = geo::read_district(sample_workspace());
    return district;
}

std::pair<std::string, std::string> first_line(const std::string& text) {
    const auto nl = text.find('\n');
    if (nl == std::string::npos) return {std::string(), text};
    return {text.substr(0, nl), text.substr(nl + 1)};
}

}  // namespace fuzz
