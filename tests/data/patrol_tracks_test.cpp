// The sample's week of patrol tracks against the truth they were simulated from: the matcher
// finds the streets walked (at least 97% of the distance, both ways), and the visits found
// from the tracks are the visits made, but for those the phone hardly saw (precision and recall
// printed and bounded).
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <map>
#include <set>

#include "data/generator/jiangnan.h"
#include "data/generator/patrol_tracks.h"
#include "geo/planning/iso_week.h"
#include "geo/tracks/path_agreement.h"
#include "geo/tracks/track_visits.h"

namespace {

struct Sample {
    geo::District district = sample::generate_jiangnan();
    sample::PatrolWeek week = sample::simulate_patrol_week(district, sample::kDefaultSeed);
};

const Sample& the_sample() {
    static const Sample s;
    return s;
}

}  // namespace

TEST_CASE("sample patrols: every officer's working days tracked, deterministic, a wrong turn among them, the plan issued") {
    const Sample& s = the_sample();
    CHECK(s.district.tracks == s.week.tracks);  // the generator keeps what the simulation made
    CHECK(s.district.planned_visits == s.week.planned);
    std::set<std::string> officers;
    for (const auto& t : s.week.tracks) officers.insert(t.officer_id);
    CHECK(officers.size() == s.district.officers.size());
    CHECK(s.week.tracks.size() >= 50);
    std::size_t wrong = 0, knocked = 0;
    for (const auto& t : s.week.truth) wrong += t.wrong_turn, knocked += t.knocked.size();
    CHECK(wrong >= 1);
    CHECK(knocked >= 1);
    const auto again = sample::simulate_patrol_week(s.district, sample::kDefaultSeed);
    CHECK(again.tracks == s.week.tracks);
}

TEST_CASE("sample patrols: the matched streets agree with the streets walked on at least 97% of the distance") {
    const Sample& s = the_sample();
    const geo::RoadGraph graph = geo::build_road_graph(s.district.roads);
    geo::MapMatcher matcher(graph, geo::Profile::walking, geo::MatchOptions{.sigma_m = 15});
    geo::PathAgreement all;
    double worst = 1;
    for (std::size_t i = 0; i < s.week.tracks.size(); ++i) {
        const geo::TrackMatch m = matcher.match(s.week.tracks[i].points);
        std::vector<geo::EdgeSpan> matched;
        for (const auto& c : m.chains) matched.insert(matched.end(), c.begin(), c.end());
        const geo::PathAgreement a = geo::path_agreement(s.week.truth[i].walked, matched);
        all.truth_m += a.truth_m, all.matched_m += a.matched_m, all.common_m += a.common_m;
        worst = std::min(worst, a.recall());
    }
    MESSAGE(fmt::format("{} tracks: walked {:.1f} km, matched {:.1f} km, recall {:.2f}%, precision {:.2f}%, worst track recall {:.1f}%",
                        s.week.tracks.size(), all.truth_m / 1000, all.matched_m / 1000, 100 * all.recall(), 100 * all.precision(),
                        100 * worst));
    CHECK(all.recall() >= 0.97);
    CHECK(all.precision() >= 0.97);
}

TEST_CASE("sample patrols: visits found from the tracks against the visits made") {
    const Sample& s = the_sample();
    const auto window = geo::parse_iso_week(sample::kPatrolWeek, s.district.metadata.timezone);
    REQUIRE(window);
    const geo::TrackVisitReport r = geo::visits_from_tracks(s.district, sample::kPatrolWeek, *window);
    // A stay the phone hardly saw (signal lost indoors: fewer than 4 fixes at the door) cannot
    // be told from a knock at the door; the others must be found.
    std::set<std::pair<std::string, std::string>> truth, observable, found;  // (track, building)
    for (const auto& t : s.week.truth)
        for (const auto& stay : t.stays) {
            truth.insert({t.track_id, stay.building_id});
            if (stay.fixes >= 4) observable.insert({t.track_id, stay.building_id});
        }
    std::size_t ambiguous = 0;
    for (const auto& v : r.visits) found.insert({v.track_id, v.building_id}), ambiguous += v.ambiguous;
    std::size_t hits = 0, observable_hits = 0;
    for (const auto& f : found) hits += truth.count(f), observable_hits += observable.count(f);
    const double precision = static_cast<double>(hits) / static_cast<double>(found.size());
    const double recall = static_cast<double>(hits) / static_cast<double>(truth.size());
    const double observable_recall = static_cast<double>(observable_hits) / static_cast<double>(observable.size());
    MESSAGE(fmt::format("visits made {} ({} seen by at least 4 fixes), found {} ({} ambiguous), right {}: precision {:.1f}%, recall {:.1f}% "
                        "({:.1f}% of those seen); {} planned stops listed as not visited; {} dwells near no building",
                        truth.size(), observable.size(), found.size(), ambiguous, hits, 100 * precision, 100 * recall,
                        100 * observable_recall, r.not_visited.size(), r.elsewhere.size()));
    CHECK(r.tracks == s.week.tracks.size());
    CHECK(precision >= 0.95);
    CHECK(observable_recall >= 0.95);
    CHECK(recall >= 0.85);
}
