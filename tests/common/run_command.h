#pragma once
// Runs build/bin/patrolmap with arguments and captures what it printed and its exit code.
#include <string>
#include <vector>

namespace test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Arguments are passed through a shell with single quotes around each.
CommandResult run_patrolmap(const std::vector<std::string>& args);

}  // namespace test
