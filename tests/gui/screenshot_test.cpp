// The window renders the sample under Xvfb + Mesa and writes a PNG (issue 3 adds the map
// and pixel checks of its layers). Skipped, loudly, only where xvfb-run is missing.
#include <cstdlib>
#include <vector>

#include <doctest/doctest.h>
#include <stb/stb_image.h>

#include "tests/common/fixtures.h"

namespace {

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
    int count(unsigned char r, unsigned char g, unsigned char b, int tolerance) const {
        int n = 0;
        for (std::size_t i = 0; i + 3 < rgba.size(); i += 4)
            n += std::abs(rgba[i] - r) <= tolerance && std::abs(rgba[i + 1] - g) <= tolerance &&
                 std::abs(rgba[i + 2] - b) <= tolerance;
        return n;
    }
};

Image load_png(const std::filesystem::path& path) {
    Image image;
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    if (pixels) {
        image.rgba.assign(pixels, pixels + static_cast<std::size_t>(image.width) * image.height * 4);
        stbi_image_free(pixels);
    }
    return image;
}

int render(const std::filesystem::path& png, const std::string& lang) {
    const std::string command = "xvfb-run -a -s '-screen 0 1280x800x24' '" + test::binary("patrolmap").string() +
                                "' gui '" + (test::source_dir() / "data/jiangnan.gpkg").string() +
                                "' --size 1280x800 --lang " + lang + " --screenshot '" + png.string() + "' >/dev/null 2>&1";
    return std::system(command.c_str());
}

}  // namespace

TEST_CASE("the window renders the sample in Chinese and English") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        MESSAGE("xvfb-run is not installed: GUI check skipped");
        return;
    }
    test::ScratchDir dir;
    for (const char* lang : {"zh", "en"}) {
        const std::string language = lang;
        CAPTURE(language);
        const auto png = dir / (std::string("summary-") + lang + ".png");
        REQUIRE(render(png, lang) == 0);
        const Image image = load_png(png);
        CHECK(image.width == 1280);
        CHECK(image.height == 800);
        // The choropleth's fills (neither the panels' greys nor the map's background) cover much of the window.
        CHECK(image.count(247, 246, 242, 0) < 1280 * 800 / 2);

        // Text is drawn: many dark pixels.
        CHECK(image.count(0, 0, 0, 60) > 5000);
    }
}
