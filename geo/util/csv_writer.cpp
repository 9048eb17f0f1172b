#include "geo/util/csv_writer.h"

#include "geo/util/error.h"

namespace geo {

std::string csv_cell(std::string_view text) {
    const bool needs_quotes = text.find_first_of(",\"\n\r") != std::string_view::npos ||
                              (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs_quotes) return std::string(text);
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

CsvWriter::CsvWriter(const std::filesystem::path& path) : target_(path), pending_(path), out_(pending_.path()) {
    if (!out_) throw IoError("cannot write " + target_.string());
}

void CsvWriter::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out_ << ',';
        out_ << csv_cell(cells[i]);
    }
    out_ << '\n';
}

void CsvWriter::commit() {
    out_.close();
    if (!out_) throw IoError("cannot write " + target_.string() + " (disk full?)");
    pending_.commit();
}

}  // namespace geo
