// Contact cards and posters on the sample: the printed QR codes decode (pdftoppm at 300 dpi, then
// zbarimg) back to the workspace's URLs, once per card; the Chinese text is there (pdftotext);
// an empty URL prints no code; the poster names the neighbourhood's most frequent fraud type of
// the last 90 days, checked against a direct count.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <stb/stb_image_write.h>

#include "geo/io/workspace_store.h"
#include "geo/planning/talking_points.h"
#include "geo/report/contact_cards.h"
#include "geo/report/qr_code.h"
#include "geo/spatial/point_in_area.h"
#include "geo/util/error.h"
#include "tests/common/fixtures.h"
#include "tests/common/png_image.h"

using namespace geo;

namespace {

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[4096];
    while (pipe && fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pipe) pclose(pipe);
    return out;
}

// What zbarimg reads on page `page` of `pdf` rendered at 300 dpi: each decoded text and how often.
std::map<std::string, int> decoded_codes(const std::filesystem::path& pdf, int page, const test::ScratchDir& dir) {
    const auto prefix = dir / ("page" + std::to_string(page));
    run("pdftoppm -r 300 -png -singlefile -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" + pdf.string() + "' '" +
        prefix.string() + "'");
    std::map<std::string, int> codes;
    const std::string out = run("zbarimg --raw -q '" + prefix.string() + ".png' 2>/dev/null");
    std::size_t at = 0;
    while (at < out.size()) {
        const std::size_t end = out.find('\n', at);
        const std::string line = out.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (!line.empty()) ++codes[line];
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return codes;
}

std::string pdf_text(const std::filesystem::path& pdf) { return run("pdftotext -layout '" + pdf.string() + "' -"); }

const District& sample() {
    static const District d = read_district(test::source_dir() / "data/jiangnan.gpkg");
    return d;
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("encode_qr gives a square symbol with its three finder patterns and refuses what QR cannot hold") {
    const QrCode code = encode_qr("https://jinzhongzhao.example/yongkang/jiangnan");
    CHECK(code.size >= 21);
    CHECK((code.size - 21) % 4 == 0);  // versions grow by 4 modules a side
    REQUIRE(code.modules.size() == static_cast<std::size_t>(code.size * code.size));
    // Each finder is a 7 x 7 dark ring around a light ring around a 3 x 3 dark centre.
    for (const auto& [fx, fy] : {std::pair{0, 0}, std::pair{code.size - 7, 0}, std::pair{0, code.size - 7}}) {
        CHECK(code.dark(fx, fy));
        CHECK(code.dark(fx + 6, fy + 6));
        CHECK_FALSE(code.dark(fx + 1, fy + 1));
        CHECK(code.dark(fx + 3, fy + 3));
    }
    CHECK_THROWS_AS(encode_qr(""), BadInput);
    CHECK_THROWS_AS(encode_qr(std::string(3000, 'x')), BadInput);  // over 2,331 bytes at level M
}

TEST_CASE("one contact card: both QR codes decode back to the workspace's URLs once, and the card's text is Chinese") {
    const District& d = sample();
    REQUIRE_FALSE(d.metadata.platform_url.empty());
    REQUIRE_FALSE(d.metadata.app_url.empty());
    test::ScratchDir dir;
    CardOptions o;
    o.neighbourhood_id = d.neighbourhoods.front().id;
    const auto pdf = dir / "card.pdf";
    const CardsWritten written = write_contact_cards_pdf(d, o, pdf);
    CHECK(written.cards == 1);
    CHECK(written.pages == 1);
    CHECK(written.notes.empty());
    const auto codes = decoded_codes(pdf, 1, dir);
    CHECK(codes.size() == 2);
    CHECK(codes.count(d.metadata.platform_url) == 1);
    CHECK(codes.count(d.metadata.app_url) == 1);
    if (codes.count(d.metadata.platform_url)) CHECK(codes.at(d.metadata.platform_url) == 1);
    if (codes.count(d.metadata.app_url)) CHECK(codes.at(d.metadata.app_url) == 1);

    const Neighbourhood& hood = d.neighbourhoods.front();
    const Officer* officer = nullptr;
    for (const auto& p : d.officers)
        if (p.id == hood.officer_id) officer = &p;
    REQUIRE(officer);
    const std::string text = pdf_text(pdf);
    CHECK(has(text, "警民联系牌"));
    CHECK(has(text, hood.name));
    CHECK(has(text, officer->name));
    CHECK(has(text, officer->phone));
    CHECK(has(text, hood.liaison));
    CHECK(has(text, "金钟罩反诈平台"));
    CHECK(has(text, "国家反诈中心APP"));
}

TEST_CASE("a full A6 page holds four cards, each with its two codes") {
    const District& d = sample();
    test::ScratchDir dir;
    const auto pdf = dir / "cards.pdf";
    const CardsWritten written = write_contact_cards_pdf(d, CardOptions{}, pdf);
    CHECK(written.cards == d.neighbourhoods.size());
    CHECK(written.pages == (d.neighbourhoods.size() + 3) / 4);
    const auto codes = decoded_codes(pdf, 1, dir);
    CHECK(codes.size() == 2);
    CHECK(codes.count(d.metadata.platform_url) == 1);
    if (codes.count(d.metadata.platform_url)) CHECK(codes.at(d.metadata.platform_url) == 4);
    if (codes.count(d.metadata.app_url)) CHECK(codes.at(d.metadata.app_url) == 4);
}

TEST_CASE("an empty app URL prints only the platform's code, and says so") {
    District d = sample();
    d.metadata.app_url.clear();
    test::ScratchDir dir;
    CardOptions o;
    o.neighbourhood_id = d.neighbourhoods.front().id;
    const auto pdf = dir / "card.pdf";
    const CardsWritten written = write_contact_cards_pdf(d, o, pdf);
    REQUIRE(written.notes.size() == 1);
    CHECK(has(written.notes.front(), "qr_app_url"));
    const auto codes = decoded_codes(pdf, 1, dir);
    CHECK(codes.size() == 1);
    CHECK(codes.count(d.metadata.platform_url) == 1);
    CHECK_FALSE(has(pdf_text(pdf), "国家反诈中心APP"));
}

TEST_CASE("one card per building entrance carries the building's address") {
    const District& d = sample();
    test::ScratchDir dir;
    CardOptions o;
    o.neighbourhood_id = d.neighbourhoods.front().id;
    o.per_building = true;
    std::vector<std::string> addresses;
    for (const auto& b : d.buildings)
        if (b.neighbourhood_id == o.neighbourhood_id) addresses.push_back(b.address);
    REQUIRE(addresses.size() > 1);
    const auto pdf = dir / "cards.pdf";
    const CardsWritten written = write_contact_cards_pdf(d, o, pdf);
    CHECK(written.cards == addresses.size());
    const std::string text = pdf_text(pdf);
    for (const auto& a : addresses) CHECK(has(text, a));
}

TEST_CASE("an officer's PNG photo is printed, a JPEG or a missing file gives the silhouette and a note") {
    District d = sample();
    test::ScratchDir dir;
    {
        // A 30 x 40 px photo of one green, a colour found nowhere else on a card.
        std::vector<unsigned char> green(30 * 40 * 3);
        for (std::size_t i = 0; i < green.size(); i += 3) green[i] = 40, green[i + 1] = 170, green[i + 2] = 60;
        REQUIRE(stbi_write_png((dir / "p.png").c_str(), 30, 40, 3, green.data(), 30 * 3) != 0);
    }
    const Neighbourhood& hood = d.neighbourhoods.front();
    CardOptions o;
    o.neighbourhood_id = hood.id;
    o.photo_folder = dir.path();
    for (auto& p : d.officers)
        if (p.id == hood.officer_id) p.photo = "p.png";
    CHECK(write_contact_cards_pdf(d, o, dir / "a.pdf").notes.empty());
    // The photo's green is on the page: 25 x 32 mm at 50 dpi is about 49 x 63 px.
    run("pdftoppm -r 50 -png -singlefile '" + (dir / "a.pdf").string() + "' '" + (dir / "a").string() + "'");
    const test::PngImage page = test::load_png(dir / "a.png");
    const int all = page.width * page.height;
    CHECK(all - page.count_unlike({40, 170, 60}, 12, 0, 0, page.width, page.height) > 40 * 50);
    for (auto& p : d.officers)
        if (p.id == hood.officer_id) p.photo = "p.jpg";
    const CardsWritten jpeg = write_contact_cards_pdf(d, o, dir / "b.pdf");
    REQUIRE(jpeg.notes.size() == 1);
    CHECK(has(jpeg.notes.front(), "not a PNG"));
    for (auto& p : d.officers)
        if (p.id == hood.officer_id) p.photo = "missing.png";
    const CardsWritten missing = write_contact_cards_pdf(d, o, dir / "c.pdf");
    REQUIRE(missing.notes.size() == 1);
    CHECK(has(missing.notes.front(), "does not exist"));
}

TEST_CASE("the poster names the neighbourhood's most frequent fraud type of the last 90 days, by a direct count") {
    const District& d = sample();
    const std::vector<std::int32_t> where = neighbourhood_of_incidents(d);
    Timestamp end = d.incidents.front().time;
    for (const auto& i : d.incidents) end = std::max(end, i.time);
    const Timestamp start = end - std::chrono::days(90);
    // The first neighbourhood whose top type leads the second by at least one case.
    for (std::size_t k = 0; k < d.neighbourhoods.size(); ++k) {
        std::map<FraudType, std::int64_t> direct;
        for (std::size_t i = 0; i < d.incidents.size(); ++i)
            if (where[i] == static_cast<std::int32_t>(k) && d.incidents[i].time > start && d.incidents[i].time <= end)
                ++direct[d.incidents[i].fraud_type];
        std::vector<std::pair<std::int64_t, FraudType>> ranked;
        for (const auto& [type, n] : direct) ranked.push_back({n, type});
        std::sort(ranked.rbegin(), ranked.rend());
        if (ranked.size() < 2 || ranked[0].first == ranked[1].first) continue;

        const auto top = top_fraud_types(d, where, k, end, 90, 3);
        REQUIRE(!top.empty());
        CHECK(top.front().type == ranked[0].second);
        CHECK(top.front().cases == ranked[0].first);
        test::ScratchDir dir;
        CardOptions o;
        o.kind = CardKind::poster;
        o.neighbourhood_id = d.neighbourhoods[k].id;
        const auto pdf = dir / "poster.pdf";
        CHECK(write_contact_cards_pdf(d, o, pdf).pages == 1);
        const std::string text = pdf_text(pdf);
        CHECK(has(text, fraud_type_zh(ranked[0].second)));
        // Its line reads "1   网购退款诈骗      3起" (pdftotext drops the thin space before 起).
        const std::size_t at = text.find(fraud_type_zh(ranked[0].second));
        REQUIRE(at != std::string::npos);
        std::string line = text.substr(at, text.find('\n', at) - at);
        std::erase(line, ' ');
        CHECK(line == std::string(fraud_type_zh(ranked[0].second)) + std::to_string(ranked[0].first) + "起");
        CHECK(has(text, d.neighbourhoods[k].name));
        CHECK(has(text, "反诈提醒"));
        // Counts by type only: no case's id, loss or victim's age band.
        for (const auto& i : d.incidents) {
            if (where[&i - d.incidents.data()] != static_cast<std::int32_t>(k)) continue;
            CHECK_FALSE(has(text, i.id));
        }
        CHECK(decoded_codes(pdf, 1, dir).size() == 2);
        return;
    }
    FAIL("no neighbourhood of the sample has a single most frequent type in the last 90 days");
}

TEST_CASE("an unknown neighbourhood is bad input naming the ids") {
    CardOptions o;
    o.neighbourhood_id = "N99";
    test::ScratchDir dir;
    try {
        write_contact_cards_pdf(sample(), o, dir / "x.pdf");
        FAIL("no error");
    } catch (const BadInput& e) {
        CHECK(has(e.what(), "N99"));
        CHECK(has(e.what(), "N01"));
    }
    CHECK_FALSE(std::filesystem::exists(dir / "x.pdf"));
}
