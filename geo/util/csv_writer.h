#pragma once
// The one CSV writer (RFC 4180): every CSV PatrolMap writes (rejection reports, coverage
// worklists, review tables) goes through it, so quoting is the same everywhere and no file is
// left half-written (PendingFile: temporary sibling, 0600, fsync, rename).
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "geo/util/pending_file.h"

namespace geo {

// A field as CSV text: quoted, with quotes doubled, when it holds a comma, a quote, a line feed
// or a carriage return, or starts or ends with a space (which readers may trim).
std::string csv_cell(std::string_view text);

class CsvWriter {
public:
    // Rows go to a temporary file beside `path`; `path` itself changes only at commit().
    explicit CsvWriter(const std::filesystem::path& path);
    // One line; cells are quoted as csv_cell does.
    void row(const std::vector<std::string>& cells);
    // Closes, checks the writes, and puts the file in place. IoError naming the file when the
    // disk refused any of it; not committed, nothing is left behind.
    void commit();

private:
    std::filesystem::path target_;
    PendingFile pending_;
    std::ofstream out_;
};

}  // namespace geo
