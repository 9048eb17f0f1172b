// patrolmap cards and settings on a copy of the sample: a PDF written, a bad neighbourhood
// refused with exit 2, the QR URLs set through one commit and read back, ftp:// refused.
#include <cstdio>
#include <filesystem>

#include <doctest/doctest.h>

#include "geo/io/workspace_store.h"
#include "tests/common/fixtures.h"
#include "tests/common/run_command.h"

namespace {

std::string pdf_text(const std::filesystem::path& pdf) {
    std::string out;
    FILE* pipe = popen(("pdftotext '" + pdf.string() + "' -").c_str(), "r");
    char buffer[4096];
    while (pipe && fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pipe) pclose(pipe);
    return out;
}

}  // namespace

TEST_CASE("cards writes the contact cards PDF and posters, an unknown neighbourhood exits 2 naming it") {
    test::ScratchDir dir;
    const auto ws = (test::source_dir() / "data" / "jiangnan.gpkg").string();
    const auto pdf = dir / "cards.pdf";
    const auto r = test::run_patrolmap({"cards", ws, "--neighbourhood", "N01", "--out", pdf.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("1 A6 contact cards on 1 A4 page") != std::string::npos);
    CHECK(pdf_text(pdf).find("警民联系牌") != std::string::npos);
    CHECK((std::filesystem::status(pdf).permissions() & std::filesystem::perms::others_read) == std::filesystem::perms::none);

    const auto poster = dir / "poster.pdf";
    const auto p = test::run_patrolmap({"cards", ws, "--kind", "poster", "--neighbourhood", "N02", "--out", poster.string()});
    REQUIRE_MESSAGE(p.exit_code == 0, p.err);
    CHECK(pdf_text(poster).find("反诈提醒") != std::string::npos);

    const auto bad = test::run_patrolmap({"cards", ws, "--neighbourhood", "N99", "--out", (dir / "x.pdf").string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--neighbourhood 'N99' is not a neighbourhood") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "x.pdf"));
    CHECK(test::run_patrolmap({"cards", ws, "--kind", "flyer", "--out", (dir / "y.pdf").string()}).exit_code == 2);
}

TEST_CASE("settings prints the QR URLs, sets them in one commit and refuses ftp://") {
    test::ScratchDir dir;
    const auto ws = dir / "ws.gpkg";
    std::filesystem::copy_file(test::source_dir() / "data" / "jiangnan.gpkg", ws);
    const geo::Metadata before = geo::read_metadata(ws);

    const auto shown = test::run_patrolmap({"settings", ws.string()});
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.out.find(before.platform_url) != std::string::npos);
    CHECK(shown.out.find(before.app_url) != std::string::npos);

    const auto set = test::run_patrolmap(
        {"settings", ws.string(), "--platform-url", "https://jzz.example/a", "--app-url", "http://app.example/b"});
    REQUIRE_MESSAGE(set.exit_code == 0, set.err);
    const geo::Metadata after = geo::read_metadata(ws);
    CHECK(after.platform_url == "https://jzz.example/a");
    CHECK(after.app_url == "http://app.example/b");
    CHECK(after.change == before.change + 1);
    const auto log = geo::changes_since(ws, before.change);
    REQUIRE(log.size() == 1);
    CHECK(log.front().tables == "metadata");
    CHECK(test::run_patrolmap({"settings", ws.string()}).out.find("https://jzz.example/a") != std::string::npos);

    const auto refused = test::run_patrolmap({"settings", ws.string(), "--app-url", "ftp://x"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--app-url") != std::string::npos);
    const auto refused_platform = test::run_patrolmap({"settings", ws.string(), "--platform-url", "ftp://x"});
    CHECK(refused_platform.exit_code == 2);
    CHECK(refused_platform.err.find("--platform-url") != std::string::npos);
    CHECK(geo::read_metadata(ws).change == after.change);  // nothing written
    CHECK(geo::read_metadata(ws).app_url == "http://app.example/b");

    // An empty URL removes the code; only the flag given changes.
    REQUIRE(test::run_patrolmap({"settings", ws.string(), "--app-url", ""}).exit_code == 0);
    CHECK(geo::read_metadata(ws).app_url.empty());
    CHECK(geo::read_metadata(ws).platform_url == "https://jzz.example/a");
}
