// geo/ is the core library: no ImGui, GLFW or OpenGL may leak into it (views live in app/).
#include <cstdlib>
#include <fstream>
#include <regex>
#include <vector>

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

// A clone stands on its own (issue 15): nothing the build, the tests or the README read may
// reach outside the repository, where a fresh clone has nothing.
TEST_CASE("No source, build file or README reads the shared folder beside the checkout") {
    const auto root = test::source_dir();
    int files = 0;
    std::vector<std::filesystem::path> to_read{root / "CMakeLists.txt", root / "Makefile", root / "README.md"};
    for (const char* folder : {"geo", "app", "data/generator", "tests", ".ci", "shaders"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder))
            if (entry.is_regular_file() && entry.path().extension() != ".gpkg") to_read.push_back(entry.path());
    const std::string forbidden = std::string("..") + "/shared";  // split so this file passes itself
    for (const auto& path : to_read) {
        ++files;
        std::ifstream in(path);
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            CHECK_MESSAGE(line.find(forbidden) == std::string::npos, path.string() << ":" << number << ": " << line);
        }
    }
    CHECK(files > 100);
}

// The committed public data are the files their SOURCES.md names, unchanged (SHA256SUMS).
TEST_CASE("External data match their checksums") {
    const auto dir = test::source_dir() / "data" / "external";
    REQUIRE(std::filesystem::exists(dir / "SHA256SUMS"));
    const std::string command = "cd '" + dir.string() + "' && sha256sum --quiet -c SHA256SUMS";
    CHECK(std::system(command.c_str()) == 0);
    std::ifstream sums(dir / "SHA256SUMS");
    std::string line;
    int listed = 0;
    while (std::getline(sums, line)) ++listed;
    CHECK(listed == 26);
}
