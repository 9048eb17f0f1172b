// geo/ is the core library: no ImGui, GLFW or OpenGL may leak into it (views live in app/).
#include <fstream>
#include <regex>

#include <doctest/doctest.h>

#include "tests/common/fixtures.h"

TEST_CASE("geo/ includes no ImGui, GLFW or OpenGL header") {
    const std::regex forbidden(R"(#\s*include\s*[<"](imgui|GLFW/|GL/|EGL/|glad|backends/))");
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() / "geo")) {
        if (!entry.is_regular_file()) continue;
        const auto ext = entry.path().extension();
        if (ext != ".h" && ext != ".cpp") continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            CHECK_MESSAGE(!std::regex_search(line, forbidden), entry.path().string() << ":" << number << ": " << line);
        }
    }
    CHECK(files > 10);
}
