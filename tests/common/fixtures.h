#pragma once
// Shared helpers for the test suites: paths to fixtures and scratch directories.
#include <filesystem>
#include <string>

namespace test {

// tests/fixtures/<name>
std::filesystem::path fixture(const std::string& name);
// data/external/<name>: real public data committed with the project (its SOURCES.md)
std::filesystem::path external(const std::string& name);
// The repository root.
std::filesystem::path source_dir();
// build/bin/<name>
std::filesystem::path binary(const std::string& name);

// A fresh, empty directory removed when the object dies.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace test
