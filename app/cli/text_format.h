#pragma once
// Small helpers for readable terminal output.
#include <cstdint>
#include <string>

namespace cli {

// 65000 -> "65,000"
std::string thousands(std::int64_t value);
// Display width of UTF-8 text: CJK ideographs and full-width forms count 2 columns.
std::size_t display_width(const std::string& utf8);
// Pads to `width` display columns (left-aligned) or right-aligns when `right`.
std::string pad(const std::string& utf8, std::size_t width, bool right = false);

// A one-line progress bar on stderr, redrawn in place when stderr is a terminal and
// printed at every 10% otherwise (logs stay readable).
class ProgressLine {
public:
    explicit ProgressLine(std::string label);
    void update(std::size_t done, std::size_t total);
    void finish();

private:
    std::string label_;
    bool tty_;
    int last_decile_ = -1;
    bool open_ = false;
};

}  // namespace cli
