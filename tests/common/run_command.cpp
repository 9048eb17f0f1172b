#include "tests/common/run_command.h"

#include <sys/wait.h>

#include <cstdlib>

#include "tests/common/fixtures.h"
#include "tests/common/workspace_builders.h"

namespace test {

namespace {
std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}
}  // namespace

CommandResult run_patrolmap(const std::vector<std::string>& args) {
    ScratchDir dir;
    std::string command = shell_quote(binary("patrolmap").string());
    for (const auto& a : args) command += " " + shell_quote(a);
    command += " >" + shell_quote((dir / "out").string()) + " 2>" + shell_quote((dir / "err").string()) + " </dev/null";
    const int status = std::system(command.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(dir / "out");
    r.err = read_text(dir / "err");
    return r;
}

}  // namespace test
