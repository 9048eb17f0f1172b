#pragma once
// Small helpers for readable terminal output.
#include <cstdint>
#include <ostream>
#include <string>

namespace cli {

// Where the command line writes what: results (tables, JSON, figures asked for) on stdout;
// progress and summary lines ("wrote banners.geojson", "imported 300 incidents") on stderr, so
// `patrolmap ... > result.txt` keeps the result alone; --quiet silences stderr's share.
void set_quiet(bool quiet);
bool quiet();
// The stream for a summary line: std::cerr, or one that drops everything under --quiet.
std::ostream& note();

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
