// --layer-state, the view set from the command line (screenshots, tests, the station's saved
// views), applied to the app state over the bundled sample, as `patrolmap gui` does.
// Left out: routes= and banners=, which run the week planner and the banner placement over the
// whole sample (seconds per input, and a plan's ticks write to the workspace); their values are
// checked by the same code paths as the other keys, and their runs by the gui and cli suites.
#include "app/gui/app_state.h"
#include "app/gui/layer_state.h"
#include "tests/fuzz/fuzz_support.h"

namespace {
const gui::AppState& pristine() {
    static const gui::AppState state = gui::load_state(fuzz::sample_workspace());
    return state;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)pristine();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string spec = fuzz::text_of(data, size);
    if (spec.find("routes=") != std::string::npos || spec.find("banners=") != std::string::npos) return -1;
    gui::AppState state = pristine();
    fuzz::accepts([&] { gui::apply_layer_state(spec, state); });
    return 0;
}
