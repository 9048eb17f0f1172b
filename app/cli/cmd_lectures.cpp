// patrolmap lectures WS --weeks 2021-W25..2021-W30 [--teams 10] [--per-team-week 2] [--min-gap 4]
//     [--radius 1000] [--half-life 30] --out plan/ [--json]
// The lecture team's plan (geo/outreach/lecture_plan.h): plan/lectures.csv, plan/lectures.geojson
// (the venues with their weeks, WGS84) and plan/lectures.pdf (the printed schedule, Chinese).
// patrolmap lectures WS --record VENUE --date D [--topics a+b] --attendance N [--leaflets M]
// records a lecture held (the patrolmap_lectures table); the plan spaces its venues from them.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/hotspots/geojson_output.h"
#include "geo/io/workspace_store.h"
#include "geo/outreach/lecture_plan.h"
#include "geo/report/lecture_schedule_pdf.h"
#include "geo/util/csv_writer.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, weeks, out;
    geo::LecturePlanOptions options;
    bool json = false;
    // --record: a lecture held.
    std::string record, date, topics;
    std::int64_t attendance = -1, leaflets = 0;
};

// patrolmap lectures WS --record VENUE --date D [--topics a+b] --attendance N [--leaflets M]
int record(const Args& a) {
    const geo::District d = geo::read_district(a.workspace);
    const auto venues = geo::lecture_venues(d);
    const bool known = std::any_of(venues.begin(), venues.end(), [&](const geo::LectureVenue& v) { return v.id == a.record; });
    if (!known) throw geo::BadInput("--record '" + a.record + "' is not a lecture venue (a school, firm, village hall or community "
                                    "centre's site id, or square-<neighbourhood id>)");
    const auto day = geo::parse_iso8601(a.date, d.metadata.timezone);
    if (a.date.size() != 10 || !day) throw geo::BadInput("--date '" + a.date + "' is not a day such as 2021-06-22");
    if (*day > std::chrono::system_clock::now()) throw geo::BadInput("--date " + a.date + " is in the future");
    if (a.attendance < 0 || a.attendance > 100000) throw geo::BadInput("--attendance: the people who came, 0 to 100,000");
    if (a.leaflets < 0 || a.leaflets > 1000000) throw geo::BadInput("--leaflets: 0 to 1,000,000");
    std::string topics;
    std::stringstream in(a.topics);
    for (std::string t; std::getline(in, t, '+');) {
        if (!geo::parse_enum<geo::FraudType>(t)) throw geo::BadInput("--topics: '" + t + "' is not one of " + geo::allowed_names<geo::FraudType>());
        topics += (topics.empty() ? "" : "+") + t;
    }
    geo::LectureRecord l{a.record, a.date, topics, a.attendance, a.leaflets, "cli", geo::format_iso8601_utc(
                             std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()))};
    geo::commit_lectures(a.workspace, {l});
    note() << "recorded the lecture at " << a.record << " on " << a.date << " (" << a.attendance << " people)\n";
    return 0;
}

std::string kind_text(const geo::LectureVenue& v) {
    return v.id.rfind("square-", 0) == 0 ? "square" : std::string(geo::name_of(v.kind));
}

std::string topics_text(const std::vector<geo::FraudType>& topics) {
    std::vector<std::string_view> names;
    for (auto t : topics) names.push_back(geo::name_of(t));
    return fmt::format("{}", fmt::join(names, "+"));
}

int run(const Args& a) {
    if (!a.record.empty()) return record(a);
    if (a.weeks.empty()) throw geo::BadInput("say --weeks to plan, or --record VENUE --date D --attendance N to record a lecture held");
    const geo::District d = geo::read_district(a.workspace);
    const auto weeks = geo::week_range(a.weeks, d.metadata.timezone);
    const geo::LecturePlan plan = geo::plan_lectures(d, weeks, a.options);
    const std::string& zone = d.metadata.timezone;
    if (!a.out.empty()) {
        const std::filesystem::path dir(a.out);
        std::filesystem::create_directories(dir);
        geo::CsvWriter csv(dir / "lectures.csv");
        csv.row({"week", "team", "date", "venue_id", "venue", "kind", "audience", "topics", "risk_per_1000", "neglected", "score", "held"});
        std::vector<geo::OutputFeature> points;
        for (const auto& l : plan.lectures) {
            const geo::LectureVenue& v = plan.venues[l.venue];
            const std::string date = geo::format_local(l.day, zone, "%Y-%m-%d");
            csv.row({l.week, std::to_string(l.team), date, v.id, v.name, kind_text(v), std::to_string(v.audience),
                     topics_text(l.why.topics), fmt::format("{:.4f}", l.why.per_1000), l.why.neglected ? "yes" : "no",
                     fmt::format("{:.4f}", l.why.score), l.held ? "yes" : "no"});
            points.push_back({v.location,
                              {{"week", l.week}, {"team", std::int64_t(l.team)}, {"date", date}, {"venue_id", v.id}, {"venue", v.name},
                               {"audience", v.audience}, {"topics", topics_text(l.why.topics)}, {"risk_per_1000", l.why.per_1000}}});
        }
        csv.commit();
        geo::write_polygon_file(dir / "lectures.geojson", d.metadata.crs, "lectures", points, "lecture venues");
        geo::write_lecture_schedule_pdf(plan, d, dir / "lectures.pdf");
        note() << "wrote " << (dir / "lectures.csv").string() << ", lectures.geojson and lectures.pdf: " << plan.lectures.size()
               << " lectures in " << weeks.size() << " weeks\n";
    }
    if (a.json) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& l : plan.lectures) {
            const geo::LectureVenue& v = plan.venues[l.venue];
            nlohmann::json topics = nlohmann::json::array();
            for (auto t : l.why.topics) topics.push_back(geo::name_of(t));
            j.push_back({{"week", l.week}, {"team", l.team}, {"date", geo::format_local(l.day, zone, "%Y-%m-%d")}, {"venue_id", v.id},
                         {"venue", v.name}, {"audience", v.audience}, {"topics", topics}, {"risk", l.why.risk},
                         {"risk_per_1000", l.why.per_1000}, {"neglected", l.why.neglected}, {"score", l.why.score}, {"held", l.held}});
        }
        std::cout << j.dump(2) << '\n';
        return 0;
    }
    std::string week;
    for (const auto& l : plan.lectures) {
        if (l.week != week) std::cout << (week.empty() ? "" : "\n") << (week = l.week) << '\n';
        const geo::LectureVenue& v = plan.venues[l.venue];
        std::cout << fmt::format("  team {:>2}  {}  {} ({}, {} people)  {}  {:.2f}/1000{}\n", l.team,
                                 geo::format_local(l.day, zone, "%m-%d"), v.name, kind_text(v), v.audience,
                                 topics_text(l.why.topics), l.why.per_1000,
                                 l.held ? "  (held)" : l.why.neglected ? "  (no lecture there for weeks)" : "");
    }
    return 0;
}

}  // namespace

void add_lectures_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("lectures", "The lecture team's plan: venues by week and team, with topics for their audience");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--weeks", a->weeks, "ISO weeks to plan, e.g. 2021-W25..2021-W30");
    cmd->add_option("--teams", a->options.teams, "Lecture teams")->capture_default_str();
    cmd->add_option("--per-team-week", a->options.per_team_week, "Talks per team a week")->capture_default_str();
    cmd->add_option("--min-gap", a->options.min_gap_weeks, "Weeks before a venue is visited again")->capture_default_str();
    cmd->add_option("--radius", a->options.radius_m, "Cases within this many metres of a venue count")->capture_default_str();
    cmd->add_option("--half-life", a->options.half_life_days, "A case's weight halves every this many days")->capture_default_str();
    cmd->add_option("--out", a->out, "Folder for lectures.csv, lectures.geojson and lectures.pdf");
    cmd->add_flag("--json", a->json, "Print the plan as JSON");
    cmd->add_option("--record", a->record, "Record a lecture held at this venue (site id or square-<neighbourhood>)");
    cmd->add_option("--date", a->date, "With --record: the day, e.g. 2021-06-22");
    cmd->add_option("--topics", a->topics, "With --record: fraud types joined by +, e.g. investment+health_product");
    cmd->add_option("--attendance", a->attendance, "With --record: the people who came");
    cmd->add_option("--leaflets", a->leaflets, "With --record: leaflets handed out");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
