// patrolmap review WS --week 2021-W24 [--json]: the weekly review's (会商) figures: the week, the
// last 4 weeks and the year to date against their previous periods with the Poisson test, the
// 26-week series with its expected band, and the week's cases by fraud type and age band, by
// neighbourhood (per 1,000 people, with the officer) and by source, the early warnings by
// channel, repeat and near-repeat places, the actions (banners, visits, lectures). --out writes
// the printed review. Every figure here comes from geo::build_weekly_review.
#include <array>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "app/cli/cmd_review.h"
#include "app/cli/text_format.h"
#include "geo/evaluate/selection_args.h"
#include "geo/io/workspace_store.h"
#include "geo/planning/iso_week.h"
#include "geo/planning/completion.h"
#include "geo/report/review_pdf.h"
#include "geo/review/breakdowns.h"
#include "geo/review/knox.h"
#include "geo/review/repeats.h"
#include "geo/review/weekly_figures.h"
#include "geo/review/weekly_review.h"
#include "geo/util/error.h"
#include "geo/util/time_parse.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, week, out, lang = "zh";
    bool json = false;
    std::vector<std::string> types;
};

nlohmann::json optional_number(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json warnings_json(const geo::WarningTotals& t) {
    return {{"warnings", t.warnings}, {"dissuaded", t.dissuaded}, {"payment_stopped", t.payment_stopped}, {"lost", t.lost},
            {"protected_yuan", t.protected_yuan}};
}

nlohmann::json totals_json(const geo::CaseTotals& t) {
    return {{"cases", t.cases}, {"loss_yuan", t.loss_yuan}, {"dissuaded", t.dissuaded}, {"payment_stopped", t.payment_stopped}};
}

std::string change_mark(const geo::HeadlineRow& row) {
    if (!row.available) return "n/a";
    if (row.cases.significant_rise) return "▲ rise";
    if (row.cases.significant_fall) return "▼ fall";
    return "";
}

int run(const Args& a) {
    const geo::District d = geo::read_district(a.workspace);
    const std::string& zone = d.metadata.timezone;
    const auto week = geo::parse_iso_week(a.week, zone);
    if (!week) throw geo::BadInput("--week '" + a.week + "' is not an ISO week such as 2021-W24");
    geo::IncidentFilter filter;
    for (const auto& t : a.types) {
        const auto type = geo::parse_enum<geo::FraudType>(t);
        if (!type) throw geo::BadInput("--type '" + t + "' is not one of " + geo::allowed_names<geo::FraudType>());
        filter.fraud_types.insert(*type);
    }
    const geo::WeeklyReview review = geo::build_weekly_review(d, filter, a.week, *week);
    const auto& rows = review.headline;
    const auto& series = review.series;
    const auto& type_age = review.type_age;
    const auto& hoods = review.neighbourhoods;
    const auto& sources = review.sources;
    const auto& repeats = review.repeats;
    const auto& visits = review.visits;
    const auto& knox = review.knox;
    const auto& put_up = review.put_up;
    const auto& actions = review.actions;

    if (!a.out.empty()) {
        if (a.lang != "zh" && a.lang != "en") throw geo::BadInput("--lang '" + a.lang + "' is not zh or en");
        const geo::ReviewReport report{d.metadata.name,
                                       geo::format_local(week->from, zone, "%Y-%m-%d") + " – " +
                                           geo::format_local(week->to - std::chrono::seconds(1), zone, "%Y-%m-%d"),
                                       review};
        geo::write_review_pdf(report, d, a.lang == "zh" ? geo::ReportLanguage::zh : geo::ReportLanguage::en, a.out);
        note() << "wrote " << a.out << '\n';
    }
    if (a.json) {
        nlohmann::json j;
        j["week"] = a.week;
        j["test"] = "two-sided conditional test of two Poisson counts (exact binomial), alpha 0.05";
        for (const auto& r : rows)
            j["headline"].push_back({{"row", r.label},
                                     {"from", geo::format_iso8601_utc(r.current.from)},
                                     {"to", geo::format_iso8601_utc(r.current.to)},
                                     {"now", totals_json(r.now)},
                                     {"before", totals_json(r.before)},
                                     {"warnings_now", warnings_json(r.warned_now)},
                                     {"warnings_before", warnings_json(r.warned_before)},
                                     {"available", r.available},
                                     {"p_value", r.cases.p_value},
                                     {"significant_rise", r.available && r.cases.significant_rise},
                                     {"significant_fall", r.available && r.cases.significant_fall}});
        for (const auto& p : series)
            j["series"].push_back({{"week", p.label}, {"cases", p.cases}, {"warnings", p.warnings}, {"expected", optional_number(p.expected)},
                                   {"low", optional_number(p.low)}, {"high", optional_number(p.high)}, {"spike", p.spike}});
        for (std::size_t t = 0; t < type_age.cases.size(); ++t)
            for (std::size_t b = 0; b < type_age.cases[t].size(); ++b)
                if (type_age.cases[t][b] > 0)
                    j["by_type_and_age"].push_back({{"fraud_type", geo::EnumNames<geo::FraudType>::names[t]},
                                                    {"age_band", geo::EnumNames<geo::AgeBand>::names[b]},
                                                    {"cases", type_age.cases[t][b]}});
        for (const auto& h : hoods)
            j["by_neighbourhood"].push_back({{"id", h.id}, {"name", h.name}, {"officer", h.officer}, {"cases", h.cases},
                                             {"population", h.population}, {"per_1000", optional_number(h.per_1000)}});
        for (std::size_t s = 0; s < sources.size(); ++s)
            j["by_source"][std::string(geo::EnumNames<geo::IncidentSource>::names[s])] = sources[s];
        for (std::size_t c = 0; c < review.channels.size(); ++c)
            j["warnings_by_channel"][std::string(geo::EnumNames<geo::WarningChannel>::names[c])] = warnings_json(review.channels[c]);
        for (const auto& r : repeats)
            j["repeats"].push_back({{"building_id", r.building_id}, {"cases", r.cases}, {"earlier", r.earlier},
                                    {"first_earlier", geo::format_iso8601_utc(r.first_earlier)}});
        j["knox"] = {{"cases", knox.cases}, {"year_cases", review.knox_year_cases},
                     {"from", geo::format_iso8601_utc(review.knox_window.from)}, {"permutations", knox.permutations}, {"distance_bands_m", knox.distance_bands_m},
                     {"time_bands_days", knox.time_bands_days}};
        for (const auto& row : knox.cells) {
            nlohmann::json cells = nlohmann::json::array();
            for (const auto& c : row) cells.push_back({{"observed", c.observed}, {"expected", c.expected}, {"ratio", c.ratio}, {"p", c.p_value}});
            j["knox"]["cells"].push_back(cells);
        }
        for (const auto& v : visits)
            j["visits"].push_back({{"officer_id", v.officer_id}, {"officer", v.officer_name}, {"issued", v.issued},
                                   {"planned", v.planned}, {"done", v.done}, {"off_plan", v.off_plan}});
        j["actions"]["week_cases"] = actions.week_cases;
        j["actions"]["week_cases_in_reach"] = actions.week_cases_in_reach;
        j["actions"]["week_cases_covered_before"] = actions.week_cases_covered_before;
        j["actions"]["banner_radius_m"] = actions.banner_radius_m;
        j["actions"]["banners"] = nlohmann::json::array();
        for (const auto& b : actions.banners)
            j["actions"]["banners"].push_back({{"x", b.at.x}, {"y", b.at.y}, {"place", b.place}, {"neighbourhood", b.neighbourhood},
                                               {"cases_in_reach", b.cases_in_reach}});
        j["actions"]["visits"] = nlohmann::json::array();
        for (const auto& v : actions.visits)
            j["actions"]["visits"].push_back({{"building_id", v.building_id}, {"address", v.address}, {"neighbourhood", v.neighbourhood},
                                              {"officer", v.officer}, {"priority", v.priority}, {"reasons", v.reasons}});
        j["actions"]["lectures"] = nlohmann::json::array();
        for (const auto& l : actions.lectures) {
            nlohmann::json types = nlohmann::json::array(), ages = nlohmann::json::array();
            for (auto t : l.top_types) types.push_back(geo::name_of(t));
            for (auto b : l.top_ages) ages.push_back(geo::name_of(b));
            j["actions"]["lectures"].push_back({{"neighbourhood_id", l.neighbourhood_id}, {"neighbourhood", l.neighbourhood},
                                                {"officer", l.officer}, {"cases_4_weeks", l.cases},
                                                {"per_1000", optional_number(l.per_1000)}, {"top_types", types}, {"top_ages", ages}});
        }
        j["lectures"] = {{"held", review.lectures_held}, {"attendance", review.lecture_attendance}, {"leaflets", review.leaflets}};
        j["map"] = {{"week_cases", review.map.week_cases.size()}, {"quarter_cases", review.map.quarter_cases},
                    {"hot_cells", review.map.hot.size()}, {"emerging_cells", review.map.emerging.size()}};
        for (std::size_t k = 0; k < put_up.size(); ++k) j["put_up"][std::string(geo::EnumNames<geo::PosterKind>::names[k])] = put_up[k];
        std::cout << j.dump(2) << '\n';
        return 0;
    }

    std::cout << fmt::format("Weekly review {} ({} to {})\n\n", a.week, geo::format_local(week->from, zone, "%Y-%m-%d"),
                             geo::format_local(week->to - std::chrono::seconds(1), zone, "%Y-%m-%d"));
    std::cout << "  " << pad("", 14) << pad("Cases", 7, true) << pad("Before", 8, true) << pad("p", 8, true) << "  "
              << pad("", 8) << pad("Loss (¥)", 12, true) << pad("Warnings", 10, true) << pad("Dissuaded", 11, true)
              << pad("Stopped", 9, true) << pad("Kept (¥)", 12, true) << '\n';
    for (const auto& r : rows)
        std::cout << "  " << pad(r.label, 14) << pad(std::to_string(r.now.cases), 7, true)
                  << pad(r.available ? std::to_string(r.before.cases) : "-", 8, true)
                  << pad(r.available ? fmt::format("{:.3f}", r.cases.p_value) : "-", 8, true) << "  " << pad(change_mark(r), 8)
                  << pad(thousands(static_cast<std::int64_t>(r.now.loss_yuan + 0.5)), 12, true)
                  << pad(std::to_string(r.warned_now.warnings), 10, true) << pad(std::to_string(r.warned_now.dissuaded), 11, true)
                  << pad(std::to_string(r.warned_now.payment_stopped), 9, true)
                  << pad(thousands(static_cast<std::int64_t>(r.warned_now.protected_yuan + 0.5)), 12, true) << '\n';
    std::cout << "  (▲/▼: a rise or fall beyond chance, two-sided exact test of two Poisson counts, p < 0.05;\n"
                 "   warnings, dissuaded, stopped and kept: the early warnings layer)\n\n";
    std::cout << "  Last 8 weeks   Cases  Expected (mean ± 2 sd of the 8 before)\n";
    for (std::size_t k = series.size() >= 8 ? series.size() - 8 : 0; k < series.size(); ++k) {
        const auto& p = series[k];
        std::cout << "  " << pad(p.label, 13) << pad(std::to_string(p.cases), 6, true) << "  "
                  << (p.expected ? fmt::format("{:.1f} ({:.1f}–{:.1f})", *p.expected, *p.low, *p.high) : std::string("-"))
                  << (p.spike ? "  ▲ spike" : "") << '\n';
    }
    std::cout << "\n  Highest rates this week (cases per 1,000 people)\n";
    for (std::size_t k = 0; k < std::min<std::size_t>(5, hoods.size()); ++k) {
        const auto& h = hoods[k];
        std::cout << "  " << pad(h.name.empty() ? h.id : h.name, 14) << pad(std::to_string(h.cases), 4, true)
                  << pad(h.per_1000 ? fmt::format("{:.2f}", *h.per_1000) : "-", 8, true) << "  " << h.officer << '\n';
    }
    std::cout << fmt::format("\n  Repeat places this week: {} (earlier cases there in the year before)\n", repeats.size());
    for (std::size_t k = 0; k < std::min<std::size_t>(5, repeats.size()); ++k)
        std::cout << "  " << pad(repeats[k].building_id.empty() ? "(by place)" : repeats[k].building_id, 12)
                  << pad(std::to_string(repeats[k].earlier), 4, true) << "  " << fmt::format("{}", fmt::join(repeats[k].cases, ", "))
                  << '\n';
    std::cout << fmt::format("\n  Near repeats over the year ({} cases, Knox test, {} shuffles): ratio observed / expected\n",
                             knox.cases, knox.permutations);
    std::cout << "  " << pad("", 10);
    for (double t : knox.time_bands_days) std::cout << pad(fmt::format("≤{:g} d", t), 12, true);
    std::cout << '\n';
    for (std::size_t r = 0; r < knox.distance_bands_m.size(); ++r) {
        std::cout << "  " << pad(fmt::format("≤{:g} m", knox.distance_bands_m[r]), 10);
        for (std::size_t c = 0; c < knox.time_bands_days.size(); ++c) {
            const auto& cell = knox.cells[r][c];
            std::cout << pad(fmt::format("{:.2f}{}", cell.ratio, cell.p_value < 0.05 ? "*" : " "), 12, true);
        }
        std::cout << '\n';
    }
    std::cout << "  (* p < 0.05)\n\n  Visits this week\n";
    for (const auto& v : visits)
        if (v.issued || v.off_plan)
            std::cout << "  " << pad(v.officer_name.empty() ? v.officer_id : v.officer_name, 10)
                      << fmt::format("{} of {} planned, {} off the plan\n", v.done, v.planned, v.off_plan);
    std::cout << fmt::format("\n  Put up this week: {} posters, {} contact cards, {} banners\n", put_up[0], put_up[1], put_up[2]);
    std::cout << fmt::format("  Lectures held: {} ({} people, {} leaflets)\n", review.lectures_held, review.lecture_attendance, review.leaflets);
    std::cout << fmt::format("\n  Banners for this week's cases ({} of {} within {:.0f} m of a banner hanging; these reach {})\n",
                             actions.week_cases_covered_before, actions.week_cases, actions.banner_radius_m, actions.week_cases_in_reach);
    for (const auto& b : actions.banners)
        std::cout << "  " << pad(b.place.empty() ? fmt::format("({:.0f}, {:.0f})", b.at.x, b.at.y) : b.place, 28) << pad(b.neighbourhood, 12)
                  << pad(std::to_string(b.cases_in_reach), 4, true) << '\n';
    std::cout << "\n  Buildings to visit first\n";
    for (const auto& v : actions.visits)
        std::cout << "  " << pad(v.building_id, 8) << pad(v.neighbourhood, 12) << pad(v.officer, 8) << fmt::format("{:7.1f}  ", v.priority)
                  << fmt::format("{}", fmt::join(v.reasons, "；")) << '\n';
    std::cout << "\n  Neighbourhoods for the lecture team (last 4 weeks)\n";
    for (const auto& l : actions.lectures) {
        std::vector<std::string_view> types, ages;
        for (auto t : l.top_types) types.push_back(geo::name_of(t));
        for (auto b : l.top_ages) ages.push_back(geo::name_of(b));
        std::cout << "  " << pad(l.neighbourhood, 12) << pad(l.officer, 8) << pad(std::to_string(l.cases), 4, true)
                  << pad(l.per_1000 ? fmt::format("{:.2f}", *l.per_1000) : "-", 8, true) << "  " << fmt::format("{}", fmt::join(types, ", "))
                  << "; " << fmt::format("{}", fmt::join(ages, ", ")) << '\n';
    }
    return 0;
}

}  // namespace

void add_review_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("review", "The weekly review (会商): the week against the last, 4 weeks, the year, with tests");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--week", a->week, "ISO week, e.g. 2021-W24 (workspace time zone)")->required();
    cmd->add_option("--type", a->types, "Only these fraud types (repeatable)");
    cmd->add_flag("--json", a->json, "Print every figure as one JSON object");
    cmd->add_option("--out", a->out, "Also write the printed review, A4 PDF");
    cmd->add_option("--lang", a->lang, "Language of the PDF: zh or en")->capture_default_str();
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
