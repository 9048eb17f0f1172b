// TSPLIB instances (bench-tsp and the solver's tests read them).
// Property: an accepted instance has as many coordinates (or matrix rows) as its DIMENSION, and
// its distance matrix builds (small instances only, to keep the fuzzer fast).
#include "geo/routing/tsp/tsplib.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text_of(data, size);
    fuzz::accepts([&] {
        const geo::tsp::TsplibInstance instance = geo::tsp::parse_tsplib(text, "fuzz.tsp");
        fuzz::require(instance.dimension > 0, "positive dimension");
        if (instance.weight_type != geo::tsp::EdgeWeightType::explicit_matrix)
            fuzz::require(static_cast<int>(instance.coords.size()) == instance.dimension, "one coordinate per node");
        if (instance.dimension <= 300) (void)geo::tsp::tsplib_matrix(instance);
    });
    return 0;
}
