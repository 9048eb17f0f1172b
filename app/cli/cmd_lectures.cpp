// patrolmap lectures WS --weeks 2021-W25..2021-W30 [--teams 10] [--per-team-week 2] [--min-gap 4]
//     [--radius 1000] [--half-life 30] --out plan/ [--json]
// The lecture team's plan (geo/outreach/lecture_plan.h): plan/lectures.csv, plan/lectures.geojson
// (the venues with their weeks, WGS84) and plan/lectures.pdf (the printed schedule, Chinese).
#include <filesystem>
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
};

std::string kind_text(const geo::LectureVenue& v) {
    return v.id.rfind("square-", 0) == 0 ? "square" : std::string(geo::name_of(v.kind));
}

std::string topics_text(const std::vector<geo::FraudType>& topics) {
    std::vector<std::string_view> names;
    for (auto t : topics) names.push_back(geo::name_of(t));
    return fmt::format("{}", fmt::join(names, "+"));
}

int run(const Args& a) {
    const geo::District d = geo::read_district(a.workspace);
    const auto weeks = geo::week_range(a.weeks, d.metadata.timezone);
    const geo::LecturePlan plan = geo::plan_lectures(d, weeks, a.options);
    const std::string& zone = d.metadata.timezone;
    if (!a.out.empty()) {
        const std::filesystem::path dir(a.out);
        std::filesystem::create_directories(dir);
        geo::CsvWriter csv(dir / "lectures.csv");
        csv.row({"week", "team", "date", "venue_id", "venue", "kind", "audience", "topics", "risk_per_1000", "neglected", "score"});
        std::vector<geo::OutputFeature> points;
        for (const auto& l : plan.lectures) {
            const geo::LectureVenue& v = plan.venues[l.venue];
            const std::string date = geo::format_local(l.day, zone, "%Y-%m-%d");
            csv.row({l.week, std::to_string(l.team), date, v.id, v.name, kind_text(v), std::to_string(v.audience),
                     topics_text(l.why.topics), fmt::format("{:.4f}", l.why.per_1000), l.why.neglected ? "yes" : "no",
                     fmt::format("{:.4f}", l.why.score)});
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
                         {"risk_per_1000", l.why.per_1000}, {"neglected", l.why.neglected}, {"score", l.why.score}});
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
                                 topics_text(l.why.topics), l.why.per_1000, l.why.neglected ? "  (no lecture there for weeks)" : "");
    }
    return 0;
}

}  // namespace

void add_lectures_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("lectures", "The lecture team's plan: venues by week and team, with topics for their audience");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--weeks", a->weeks, "ISO weeks, e.g. 2021-W25..2021-W30")->required();
    cmd->add_option("--teams", a->options.teams, "Lecture teams")->capture_default_str();
    cmd->add_option("--per-team-week", a->options.per_team_week, "Talks per team a week")->capture_default_str();
    cmd->add_option("--min-gap", a->options.min_gap_weeks, "Weeks before a venue is visited again")->capture_default_str();
    cmd->add_option("--radius", a->options.radius_m, "Cases within this many metres of a venue count")->capture_default_str();
    cmd->add_option("--half-life", a->options.half_life_days, "A case's weight halves every this many days")->capture_default_str();
    cmd->add_option("--out", a->out, "Folder for lectures.csv, lectures.geojson and lectures.pdf");
    cmd->add_flag("--json", a->json, "Print the plan as JSON");
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
