// The crash journal of unsaved poster edits (autosave.h), as the app reads it at start.
// Accepted journals are replayed onto the sample's posters: every edit applies or the replay
// throws BadInput with the posters unchanged (all or nothing).
#include "geo/edit/autosave.h"
#include "geo/io/workspace_store.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz::sample_district();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text_of(data, size);
    fuzz::accepts([&] {
        const geo::Journal journal = geo::parse_journal("fuzz.journal.json", text);
        geo::District district = fuzz::sample_district();
        district.metadata.updated = journal.workspace_updated;  // as if made on this state
        const std::size_t posters_before = district.posters.size();
        const bool replayed = fuzz::accepts([&] { geo::replay(district, journal); });
        if (!replayed)
            fuzz::require(district.posters.size() == posters_before, "a refused replay leaves the posters");
    });
    return 0;
}
