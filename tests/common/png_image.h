#pragma once
// PNG screenshots for GUI tests: load, read pixels, count colours.
#include <filesystem>
#include <vector>

namespace test {

struct Rgb {
    int r = 0, g = 0, b = 0;
};

struct PngImage {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;

    Rgb at(int x, int y) const;
    // Pixels in [x0, x1) x [y0, y1) farther than `tolerance` (per channel) from `colour`.
    int count_unlike(Rgb colour, int tolerance, int x0, int y0, int x1, int y1) const;
};

PngImage load_png(const std::filesystem::path& path);
bool close(Rgb a, Rgb b, int tolerance);

}  // namespace test
