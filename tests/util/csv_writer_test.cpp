// The one CSV writer: RFC 4180 quoting (carriage returns too) and all-or-nothing files.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "geo/util/csv_writer.h"
#include "tests/common/fixtures.h"
#include "tests/common/workspace_builders.h"

TEST_CASE("csv_cell quotes what a reader would split or trim, and only that") {
    CHECK(geo::csv_cell("B0001") == "B0001");
    CHECK(geo::csv_cell("江南街道后吴村75号") == "江南街道后吴村75号");
    CHECK(geo::csv_cell("a,b") == "\"a,b\"");
    CHECK(geo::csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(geo::csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(geo::csv_cell("old\r\nmac") == "\"old\r\nmac\"");
    CHECK(geo::csv_cell("cr\ronly") == "\"cr\ronly\"");
    CHECK(geo::csv_cell(" padded") == "\" padded\"");
    CHECK(geo::csv_cell("") == "");
}

TEST_CASE("CsvWriter writes the file whole at commit, private to its owner, or not at all") {
    test::ScratchDir dir;
    const auto path = dir / "out.csv";
    {
        geo::CsvWriter csv(path);
        csv.row({"id", "note"});
        csv.row({"B1", "a,b"});
        CHECK_FALSE(std::filesystem::exists(path));  // nothing under the name until commit
        csv.commit();
    }
    CHECK(test::read_text(path) == "id,note\nB1,\"a,b\"\n");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    {
        geo::CsvWriter abandoned(path);
        abandoned.row({"x"});
    }  // not committed: the old file stays, no temporary is left
    CHECK(test::read_text(path) == "id,note\nB1,\"a,b\"\n");
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) files += entry.is_regular_file();
    CHECK(files == 1);
}
