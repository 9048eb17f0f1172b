#pragma once
// patrolmap review: the weekly review's figures (declared apart from commands.h, which every
// command includes).
#include "app/cli/commands.h"

namespace cli {

void add_review_command(CLI::App& app, Action& action);

}  // namespace cli
