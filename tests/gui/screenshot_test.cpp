// The window renders the sample under Xvfb + Mesa in both languages and writes a PNG.
// Skipped, loudly, only where xvfb-run is missing.
#include <cstdlib>

#include <doctest/doctest.h>

#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

namespace {

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
        const auto png = dir / ("window-" + language + ".png");
        REQUIRE(render(png, language) == 0);
        const test::PngImage image = test::load_png(png);
        REQUIRE(image.width == 1280);
        REQUIRE(image.height == 800);
        // The map's background is far from all there is: the choropleth fills much of it.
        CHECK(image.count_unlike({247, 246, 242}, 0, 0, 0, 1280, 800) > 1280 * 800 / 2);
        // Text is drawn: many dark pixels.
        CHECK(1280 * 800 - image.count_unlike({0, 0, 0}, 60, 0, 0, 1280, 800) > 5000);
    }
}
