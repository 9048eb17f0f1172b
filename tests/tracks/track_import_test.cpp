// Reading GPS track files (geo/tracks/track_import.h) from small literal GPX, GeoJSON, CSV and
// KML files: grouping into tracks, ids, times in the workspace zone, coordinates in the workspace
// CRS, the split at local midnight, every check as a BadInput naming file, feature and field, and
// --skip-invalid dropping exactly the bad points.
#include <doctest/doctest.h>

#include <date/date.h>

#include "geo/tracks/track_import.h"
#include "geo/util/error.h"
#include "tests/common/fixtures.h"
#include "tests/common/workspace_builders.h"

using namespace geo;
using namespace std::chrono_literals;

namespace {

// A workspace as read_district gives it: CGCS2000 Gauss-Krüger 120°E, Shanghai time, two officers.
District district() {
    District d;
    d.metadata.crs = "EPSG:4549";
    d.metadata.timezone = "Asia/Shanghai";
    d.officers.push_back(Officer{"P01", "应国强", {}, {}, 0, {}, {}, {}});
    d.officers.push_back(Officer{"P03", "陈伟东", {}, {}, 0, {}, {}, {}});
    return d;
}

Timestamp utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
    return date::sys_days{date::year{y} / mo / d} + std::chrono::hours(h) + std::chrono::minutes(mi) +
           std::chrono::seconds(s);
}

TrackImport read(const test::ScratchDir& dir, const std::string& name, const std::string& text,
                 TrackImportOptions options = {}) {
    test::write_text(dir / name, text);
    options.path = (dir / name).string();
    return read_track_file(options, district());
}

// The BadInput message reading the file gives, or "" when it reads.
std::string refusal(const test::ScratchDir& dir, const std::string& name, const std::string& text,
                    TrackImportOptions options = {}) {
    try {
        read(dir, name, text, std::move(options));
    } catch (const BadInput& e) {
        return e.what();
    }
    return {};
}

// lon,lat,time,officer rows with this header, for the checks.
std::string csv(const std::string& rows) { return "lon,lat,time,officer\n" + rows; }

// Two tracks; the first has two segments (a tunnel), and times with and without a zone; a
// waypoint that is no track point.
const char* kTwoTracksGpx = R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="28.9" lon="120.03"><name>station</name></wpt>
<trk><name>morning</name>
<trkseg>
<trkpt lat="28.89" lon="120.02"><time>2021-06-15T00:00:00Z</time></trkpt>
<trkpt lat="28.8905" lon="120.0205"><time>2021-06-15T08:01:00</time></trkpt>
</trkseg>
<trkseg>
<trkpt lat="28.891" lon="120.021"><time>2021-06-15T08:05:00+08:00</time></trkpt>
<trkpt lat="28.8915" lon="120.0215"><time>2021-06-15T00:06:30Z</time></trkpt>
</trkseg>
</trk>
<trk><name>afternoon</name><trkseg>
<trkpt lat="28.9" lon="120.03"><time>2021-06-15T14:00:00</time></trkpt>
<trkpt lat="28.9" lon="120.031"><time>2021-06-15T14:03:00</time></trkpt>
</trkseg></trk>
</gpx>
)";

}  // namespace

TEST_CASE("GPX: a track per GPX track and day (segments stay together), the officer from --officer") {
    test::ScratchDir dir;
    TrackImportOptions options;
    options.officer_id = "P03";
    options.mode = TrackMode::driving;
    const TrackImport r = read(dir, "patrol.gpx", kTwoTracksGpx, options);
    REQUIRE(r.tracks.size() == 2);
    const Track& morning = r.tracks[0];
    CHECK(morning.id == "P03-2021-06-15-patrol");
    CHECK(r.tracks[1].id == "P03-2021-06-15-patrol-2");
    CHECK(morning.officer_id == "P03");
    CHECK(morning.source == "patrol.gpx");
    CHECK(morning.mode == TrackMode::driving);
    REQUIRE(morning.points.size() == 4);
    CHECK(r.tracks[1].points.size() == 2);
    CHECK(r.points_read == 6);
    CHECK(r.dropped.empty());
    // Times with a zone as they say; without one, Shanghai time (UTC+8).
    CHECK(morning.points[0].time == utc(2021, 6, 15, 0, 0));
    CHECK(morning.points[1].time == utc(2021, 6, 15, 0, 1));
    CHECK(morning.points[2].time == utc(2021, 6, 15, 0, 5));
    CHECK(morning.points[3].time == utc(2021, 6, 15, 0, 6, 30));
    CHECK(r.tracks[1].points[0].time == utc(2021, 6, 15, 6, 0));
    // 120.02°E 28.89°N in EPSG:4549, as `gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4549` gives it.
    CHECK(std::abs(morning.points[0].at.x - 501950.837841) < 0.01);
    CHECK(std::abs(morning.points[0].at.y - 3197077.653920) < 0.01);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0] == "patrol.gpx: 1 waypoint left out (only track points make tracks)");
}

TEST_CASE("GPX: a track of a single point is dropped with a note, the others kept") {
    test::ScratchDir dir;
    const std::string gpx = R"(<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
<trk><trkseg><trkpt lat="28.89" lon="120.02"><time>2021-06-15T08:00:00</time></trkpt>
<trkpt lat="28.8901" lon="120.02"><time>2021-06-15T08:00:10</time></trkpt></trkseg></trk>
<trk><trkseg><trkpt lat="28.9" lon="120.03"><time>2021-06-15T18:00:00</time></trkpt></trkseg></trk>
</gpx>)";
    TrackImportOptions options;
    options.officer_id = "P01";
    const TrackImport r = read(dir, "lone.gpx", gpx, options);
    REQUIRE(r.tracks.size() == 1);
    CHECK(r.tracks[0].id == "P01-2021-06-15-lone");
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0] == "lone.gpx: P01's track on 2021-06-15 at 18:00:00 has a single point; dropped (a track needs two)");
    CHECK(r.dropped.empty());
}

TEST_CASE("GeoJSON: a line with coordTimes gives a fix per vertex — a multi-line's nested list is read in order") {
    test::ScratchDir dir;
    const std::string geojson = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"officer_id": "P01", "coordTimes": ["2021-06-15T08:00:00", "2021-06-15T08:00:20", "2021-06-15T00:00:40Z"]},
 "geometry": {"type": "LineString", "coordinates": [[120.02, 28.89], [120.0202, 28.89], [120.0204, 28.89]]}},
{"type": "Feature", "properties": {"officer_id": "P01", "coordTimes": [["2021-06-15T09:00:00", "2021-06-15T09:00:30"], ["2021-06-15T09:05:00"]]},
 "geometry": {"type": "MultiLineString", "coordinates": [[[120.02, 28.89], [120.0202, 28.89]], [[120.0204, 28.89]]]}}
]})";
    const TrackImport r = read(dir, "lines.geojson", geojson);
    REQUIRE(r.tracks.size() == 2);
    CHECK(r.tracks[0].id == "P01-2021-06-15-lines");
    CHECK(r.tracks[1].id == "P01-2021-06-15-lines-2");
    REQUIRE(r.tracks[0].points.size() == 3);
    CHECK(r.tracks[0].points[1].time == utc(2021, 6, 15, 0, 0, 20));
    CHECK(r.tracks[0].points[2].time == utc(2021, 6, 15, 0, 0, 40));
    REQUIRE(r.tracks[1].points.size() == 3);
    CHECK(r.tracks[1].points[2].time == utc(2021, 6, 15, 1, 5));
    // 0.0002° of longitude at 28.89°N is about 19.5 m.
    CHECK(r.tracks[0].points[1].at.x - r.tracks[0].points[0].at.x == doctest::Approx(19.5).epsilon(0.01));
}

TEST_CASE("GeoJSON: points with a time, one track per officer named in the file") {
    test::ScratchDir dir;
    const std::string geojson = test::point_collection({
        {R"("time": "2021-06-15T08:00:00", "officer": "P03")", 120.02, 28.89},
        {R"("time": "2021-06-15T08:00:00", "officer": "P01")", 120.03, 28.90},
        {R"("time": "2021-06-15T08:00:30", "officer": "P03")", 120.0201, 28.89},
        {R"("time": "2021-06-15T08:01:00", "officer": "P01")", 120.0301, 28.90},
        {R"("time": "2021-06-15T08:01:00", "officer": "P03")", 120.0202, 28.89},
    });
    TrackImportOptions options;
    options.officer_id = "P01";  // the file says whose each point is: that wins
    const TrackImport r = read(dir, "phones.geojson", geojson, options);
    REQUIRE(r.tracks.size() == 2);
    CHECK(r.tracks[0].id == "P03-2021-06-15-phones");
    CHECK(r.tracks[0].points.size() == 3);
    CHECK(r.tracks[1].id == "P01-2021-06-15-phones");
    CHECK(r.tracks[1].officer_id == "P01");
    CHECK(r.tracks[1].points.size() == 2);
}

TEST_CASE("CSV: lon,lat,time,officer over two days splits at local midnight, not at UTC's") {
    test::ScratchDir dir;
    // 16:00:30Z is 00:00:30 on the 16th in Shanghai.
    const TrackImport r = read(dir, "night.csv", csv("120.02,28.89,2021-06-15T23:58:00,P03\n"
                                                     "120.0202,28.89,2021-06-15T23:59:30,P03\n"
                                                     "120.0204,28.89,2021-06-15T16:00:30Z,P03\n"
                                                     "120.0206,28.89,2021-06-16T00:02:00,P03\n"));
    REQUIRE(r.tracks.size() == 2);
    CHECK(r.tracks[0].id == "P03-2021-06-15-night");
    CHECK(r.tracks[1].id == "P03-2021-06-16-night");
    REQUIRE(r.tracks[0].points.size() == 2);
    REQUIRE(r.tracks[1].points.size() == 2);
    CHECK(r.tracks[1].points[0].time == utc(2021, 6, 15, 16, 0, 30));
    CHECK(r.tracks[0].source == "night.csv");
}

TEST_CASE("CSV: a track column keeps two tracks of one officer apart — no officer gives ids without one") {
    test::ScratchDir dir;
    const TrackImport r = read(dir, "two.csv", "longitude,latitude,time,track\n"
                                               "120.02,28.89,2021-06-15T08:00:00,a\n"
                                               "120.03,28.90,2021-06-15T08:00:00,b\n"
                                               "120.0201,28.89,2021-06-15T08:00:10,a\n"
                                               "120.0301,28.90,2021-06-15T08:00:10,b\n");
    REQUIRE(r.tracks.size() == 2);
    CHECK(r.tracks[0].id == "2021-06-15-two");
    CHECK(r.tracks[1].id == "2021-06-15-two-2");
    CHECK(r.tracks[0].officer_id.empty());
    CHECK(r.tracks[1].points[0].at.x > r.tracks[0].points[0].at.x + 900);  // b is 0.01° (~975 m) east
}

TEST_CASE("KML: placemarks with a TimeStamp in a folder make a track") {
    test::ScratchDir dir;
    const std::string kml = R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>walk</name>
<Placemark><TimeStamp><when>2021-06-15T08:00:00+08:00</when></TimeStamp><Point><coordinates>120.02,28.89</coordinates></Point></Placemark>
<Placemark><TimeStamp><when>2021-06-15T08:01:00</when></TimeStamp><Point><coordinates>120.021,28.891</coordinates></Point></Placemark>
<Placemark><TimeStamp><when>2021-06-15T00:02:00Z</when></TimeStamp><Point><coordinates>120.022,28.892</coordinates></Point></Placemark>
</Folder></Document></kml>
)";
    TrackImportOptions options;
    options.officer_id = "P03";
    const TrackImport r = read(dir, "walk.kml", kml, options);
    REQUIRE(r.tracks.size() == 1);
    CHECK(r.tracks[0].id == "P03-2021-06-15-walk");
    REQUIRE(r.tracks[0].points.size() == 3);
    CHECK(r.tracks[0].points[0].time == utc(2021, 6, 15, 0, 0));
    CHECK(r.tracks[0].points[1].time == utc(2021, 6, 15, 0, 1));
    CHECK(r.tracks[0].points[2].time == utc(2021, 6, 15, 0, 2));
    CHECK(std::abs(r.tracks[0].points[0].at.x - 501950.837841) < 0.01);
}

TEST_CASE("--src-crs reads a file's coordinates in that CRS") {
    test::ScratchDir dir;
    TrackImportOptions options;
    options.source_crs = "EPSG:4549";
    const TrackImport r = read(dir, "projected.csv", "x,y,time,officer\n"
                                                     "501950.5,3197077.25,2021-06-15T08:00:00,P01\n"
                                                     "501960.5,3197077.25,2021-06-15T08:00:10,P01\n", options);
    REQUIRE(r.tracks.size() == 1);
    CHECK(r.tracks[0].points[0].at == XY{501950.5, 3197077.25});
}

TEST_CASE("metres in a file without a CRS are no lon/lat: refused, naming --src-crs") {
    test::ScratchDir dir;
    CHECK(refusal(dir, "metres.csv", "x,y,time,officer\n501950.5,3197077.25,2021-06-15T08:00:00,P01\n")
              .starts_with("metres.csv feature 1: (501950.5, 3197077.25) is not a longitude and latitude (say the "
                           "file's CRS with --src-crs)"));
}

TEST_CASE("each check refuses the file with a sentence naming file, feature and field") {
    test::ScratchDir dir;
    const std::string good = "120.02,28.89,2021-06-15T08:00:00,P03\n";
    // Rows are features 1, 2, 3 (GDAL's CSV feature ids count the rows after the header).
    CHECK(refusal(dir, "t.csv", csv(good + "120.0201,28.89,,P03\n")) ==
          "t.csv feature 2: field time is empty; nothing was imported (--skip-invalid drops such points and writes a report)");
    CHECK(refusal(dir, "t.csv", csv(good + "120.0201,28.89,15/06/2021 08:01,P03\n"))
              .starts_with("t.csv feature 2: field time '15/06/2021 08:01' is not an ISO 8601 time"));
    CHECK(refusal(dir, "t.csv", csv(good + "120.0201,28.89,2021-06-15T08:00:30,P03\n120.0202,28.89,2021-06-15T07:59:00,P03\n"))
              .starts_with("t.csv feature 3: field time 2021-06-15 07:59:00 is earlier than feature 2's 2021-06-15 "
                           "08:00:30: times go backwards"));
    // 0.0072° of longitude (~702 m) in 10 s: about 253 km/h.
    const std::string jump = refusal(dir, "t.csv", csv(good + "120.0272,28.89,2021-06-15T08:00:10,P03\n"));
    CHECK(jump.starts_with("t.csv feature 2: is 0.70 km from feature 1 in 10 s: 25"));
    CHECK(jump.find("km/h, faster than 200 km/h") != std::string::npos);
    CHECK(refusal(dir, "t.csv", csv(good + "120.0201,28.89,2021-06-15T08:00:10,P99\n"))
              .starts_with("t.csv feature 2: field officer 'P99' is not an officer of the workspace (P01, P03)"));
    CHECK(refusal(dir, "t.csv", csv(good + "abc,28.89,2021-06-15T08:00:10,P03\n"))
              .starts_with("t.csv feature 2: column lon 'abc' is not a finite number"));
    const std::string no_geometry = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"time": "2021-06-15T08:00:00"}, "geometry": {"type": "Point", "coordinates": [120.02, 28.89]}},
{"type": "Feature", "properties": {"time": "2021-06-15T08:00:10"}, "geometry": null},
{"type": "Feature", "properties": {"time": "2021-06-15T08:00:20"}, "geometry": {"type": "LineString", "coordinates": []}}]})";
    const std::string both = refusal(dir, "g.geojson", no_geometry);
    CHECK(both.starts_with("g.geojson: 2 points cannot be imported"));
    CHECK(both.find("\n  g.geojson feature 1: has no geometry") != std::string::npos);
    CHECK(both.find("\n  g.geojson feature 2: has an empty geometry") != std::string::npos);
    // A line without a time per vertex, and one whose times do not match its vertices.
    const std::string lines = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"time": "2021-06-15T08:00:00"}, "geometry": {"type": "LineString", "coordinates": [[120.02, 28.89], [120.021, 28.89]]}},
{"type": "Feature", "properties": {"coordTimes": ["2021-06-15T08:00:00"]}, "geometry": {"type": "LineString", "coordinates": [[120.02, 28.89], [120.021, 28.89]]}}]})";
    const std::string line_problems = refusal(dir, "l.geojson", lines);
    CHECK(line_problems.find("l.geojson feature 0: field coordTimes is missing: a line needs a time per vertex") != std::string::npos);
    CHECK(line_problems.find("l.geojson feature 1: field coordTimes has 1 times for 2 vertices") != std::string::npos);
}

TEST_CASE("a 150 km/h car is no jump — --max-speed lowers the limit") {
    test::ScratchDir dir;
    // 0.0042° of longitude at 28.89°N (~410 m) in 10 s: about 148 km/h.
    const std::string rows = csv("120.02,28.89,2021-06-15T08:00:00,P03\n120.0242,28.89,2021-06-15T08:00:10,P03\n");
    CHECK(read(dir, "car.csv", rows).tracks.size() == 1);
    TrackImportOptions slow;
    slow.max_speed_kmh = 100;
    CHECK(refusal(dir, "car.csv", rows, slow).find("faster than 100 km/h") != std::string::npos);
}

TEST_CASE("an unknown --officer, a file without a time column or without points are refused whole") {
    test::ScratchDir dir;
    TrackImportOptions stranger;
    stranger.officer_id = "P99";
    CHECK(refusal(dir, "t.csv", csv("120.02,28.89,2021-06-15T08:00:00,\n"), stranger) ==
          "--officer 'P99' is not an officer of the workspace (P01, P03)");
    CHECK(refusal(dir, "t.csv", "lon,lat,officer\n120.02,28.89,P03\n").starts_with("t.csv: has no time field"));
    CHECK(refusal(dir, "t.csv", "name,time\nx,2021-06-15T08:00:00\n").starts_with("t.csv: has no lon,lat columns"));
    CHECK(refusal(dir, "t.csv", "lon,lat,time\n") == "t.csv: has no track points");
    CHECK(refusal(dir, "missing.gpx", "").find("missing.gpx") != std::string::npos);
}

TEST_CASE("--skip-invalid drops exactly the bad points, lists them in file order and keeps the rest") {
    test::ScratchDir dir;
    TrackImportOptions options;
    options.skip_invalid = true;
    const TrackImport r = read(dir, "mixed.csv",
                               csv("120.02,28.89,2021-06-15T08:00:00,P03\n"     // 1 kept
                                   "120.0201,28.89,banana,P03\n"               // 2 bad time
                                   "120.09,28.89,2021-06-15T08:00:20,P03\n"    // 3 a 7 km jump in 20 s
                                   "120.0202,28.89,2021-06-15T08:00:30,P03\n"  // 4 kept: compared with 1
                                   "120.0203,28.89,2021-06-15T08:00:25,P03\n"  // 5 backwards
                                   "120.0204,28.89,2021-06-15T08:00:40,P99\n"  // 6 unknown officer
                                   "120.0205,28.89,2021-06-15T08:00:50,P03\n"),  // 7 kept
                               options);
    REQUIRE(r.dropped.size() == 4);
    CHECK(r.dropped[0].feature == "2");
    CHECK(r.dropped[0].field == "time");
    CHECK(r.dropped[1].feature == "3");
    CHECK(r.dropped[1].field == "");
    CHECK(r.dropped[1].reason.find("km/h") != std::string::npos);
    CHECK(r.dropped[2].feature == "5");
    CHECK(r.dropped[2].field == "time");
    CHECK(r.dropped[3].feature == "6");
    CHECK(r.dropped[3].field == "officer");
    for (const auto& d : r.dropped) CHECK(d.file == "mixed.csv");
    REQUIRE(r.tracks.size() == 1);
    REQUIRE(r.tracks[0].points.size() == 3);
    CHECK(r.tracks[0].points[1].time == utc(2021, 6, 15, 0, 0, 30));
    CHECK(r.points_read == 7);
}

TEST_CASE("more than 20 problems: the message lists 20 and counts the rest") {
    test::ScratchDir dir;
    std::string rows;
    for (int i = 0; i < 25; ++i) rows += "120.02,28.89,,P03\n";
    const std::string message = refusal(dir, "many.csv", csv(rows));
    CHECK(message.starts_with("many.csv: 25 points cannot be imported"));
    CHECK(message.find("many.csv feature 20: field time is empty") != std::string::npos);
    CHECK(message.find("many.csv feature 21:") == std::string::npos);
    CHECK(message.ends_with("(and 5 more)"));
}
