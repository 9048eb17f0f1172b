#pragma once
// Shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.cpp). Each harness defines
// LLVMFuzzerTestOneInput and feeds its bytes to one of our parsers. The contract under test:
// whatever the bytes, a parser returns a value or throws geo::BadInput (the message the user
// sees, exit code 2). Any other exception, a crash, a sanitizer report, a hang or a huge
// allocation is a finding.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "geo/model/district.h"
#include "geo/util/error.h"

namespace fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

// Runs `parse`; a BadInput is the expected answer to bad bytes and is swallowed. Everything
// else propagates, so libFuzzer stops on it with the input that caused it.
template <class F> bool accepts(F&& parse) {
    try {
        parse();
        return true;
    } catch (const geo::BadInput&) {
        return false;
    }
}

// A property the harness checks on accepted input: when it fails, abort so libFuzzer keeps the
// input as a crash (assert() vanishes in release builds).
void require(bool ok, const char* what);

// The bundled sample workspace, which the harnesses only read, and its district read once.
std::filesystem::path sample_workspace();
const geo::District& sample_district();

// Splits "first line\nrest" (no newline: the whole text is `rest`).
std::pair<std::string, std::string> first_line(const std::string& text);

}  // namespace fuzz
