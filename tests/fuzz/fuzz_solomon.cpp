// Solomon VRPTW instances (bench-vrptw reads them).
// Property: an accepted instance turns into our planning problem (small instances only).
#include <algorithm>
#include <sstream>

#include "geo/planning/solomon.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(fuzz::text_of(data, size));
    fuzz::accepts([&] {
        const geo::planning::SolomonInstance instance = geo::planning::read_solomon(in, "fuzz.txt");
        fuzz::require(!instance.customers.empty(), "a depot");
        if (instance.customers.size() <= 300)
            (void)geo::planning::solomon_problem(instance, std::clamp(instance.vehicles, 1, 25));
    });
    return 0;
}
