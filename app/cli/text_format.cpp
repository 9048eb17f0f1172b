#include "app/cli/text_format.h"

#include <iostream>

#include <unistd.h>

#include <cstdio>

namespace cli {

std::string thousands(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::size_t display_width(const std::string& s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        std::uint32_t cp = c;
        int len = 1;
        if (c >= 0xF0) len = 4, cp = c & 0x07;
        else if (c >= 0xE0) len = 3, cp = c & 0x0F;
        else if (c >= 0xC0) len = 2, cp = c & 0x1F;
        for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
        i += len;
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

std::string pad(const std::string& s, std::size_t width, bool right) {
    const std::size_t w = display_width(s);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

namespace {
bool g_quiet = false;
}  // namespace

void set_quiet(bool quiet) { g_quiet = quiet; }
bool quiet() { return g_quiet; }

std::ostream& note() {
    static std::ostream discard(nullptr);  // no buffer: every write is dropped
    return g_quiet ? discard : std::cerr;
}

ProgressLine::ProgressLine(std::string label) : label_(std::move(label)), tty_(::isatty(2)) {}

void ProgressLine::update(std::size_t done, std::size_t total) {
    if (total == 0 || g_quiet) return;
    const double share = double(done) / double(total);
    if (tty_) {
        const int filled = static_cast<int>(share * 30);
        std::fprintf(stderr, "\r%s [%s%s] %3d%% (%zu/%zu)", label_.c_str(),
                     std::string(filled, '#').c_str(), std::string(30 - filled, '.').c_str(),
                     static_cast<int>(share * 100), done, total);
        open_ = true;
    } else {
        const int decile = static_cast<int>(share * 10);
        if (decile != last_decile_) {
            std::fprintf(stderr, "%s %d%% (%zu/%zu)\n", label_.c_str(), decile * 10, done, total);
            last_decile_ = decile;
        }
    }
}

void ProgressLine::finish() {
    if (open_) std::fputc('\n', stderr);
    open_ = false;
}

}  // namespace cli
