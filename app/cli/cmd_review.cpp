// patrolmap review WS --week 2021-W24 [--json]: the weekly review's (会商) figures: the week, the
// last 4 weeks and the year to date against their previous periods with the Poisson test, the
// 26-week series with its expected band, and the week's cases by fraud type and age band, by
// neighbourhood (per 1,000 people, with the officer) and by source. The printed review (PDF)
// is to come; every figure here comes from geo/review.
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
    const auto rows = geo::headline_rows(d, filter, *week);
    const auto series = geo::weekly_series(d, filter, *week);
    const auto type_age = geo::cases_by_type_and_age(d, filter, *week);
    const auto hoods = geo::neighbourhoods_by_rate(d, filter, *week);
    const auto sources = geo::cases_by_source(d, filter, *week);
    const auto repeats = geo::repeat_places(d, filter, *week);
    const auto visits = geo::weekly_completion(d, a.week, *week);
    // Near repeats over the year up to the week: how far and how long the raised risk lasts.
    std::vector<geo::XY> points;
    std::vector<geo::Timestamp> times;
    {
        geo::IncidentFilter year = filter;
        year.window = geo::TimeWindow{week->to - std::chrono::hours(24 * 364), week->to};
        for (const auto& i : d.incidents)
            if (year.matches(i)) points.push_back(i.location), times.push_back(i.time);
    }
    geo::KnoxOptions knox_options;
    knox_options.distance_bands_m = {100, 200, 400};
    knox_options.time_bands_days = {7, 14, 30};
    const geo::KnoxTable knox = geo::knox_test(points, times, knox_options);
    std::array<std::int64_t, 3> put_up{};
    for (const auto& p : d.posters)
        if (p.installed && week->contains(*p.installed)) ++put_up[static_cast<std::size_t>(p.kind)];

    if (!a.out.empty()) {
        if (a.lang != "zh" && a.lang != "en") throw geo::BadInput("--lang '" + a.lang + "' is not zh or en");
        geo::ReviewReport report{d.metadata.name,
                                 a.week,
                                 geo::format_local(week->from, zone, "%Y-%m-%d") + " – " +
                                     geo::format_local(week->to - std::chrono::seconds(1), zone, "%Y-%m-%d"),
                                 rows,
                                 series,
                                 hoods,
                                 type_age,
                                 sources,
                                 repeats,
                                 knox};
        geo::write_review_pdf(report, a.lang == "zh" ? geo::ReportLanguage::zh : geo::ReportLanguage::en, a.out);
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
                                     {"available", r.available},
                                     {"p_value", r.cases.p_value},
                                     {"significant_rise", r.available && r.cases.significant_rise},
                                     {"significant_fall", r.available && r.cases.significant_fall}});
        for (const auto& p : series)
            j["series"].push_back({{"week", p.label}, {"cases", p.cases}, {"expected", optional_number(p.expected)},
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
        for (const auto& r : repeats)
            j["repeats"].push_back({{"building_id", r.building_id}, {"cases", r.cases}, {"earlier", r.earlier},
                                    {"first_earlier", geo::format_iso8601_utc(r.first_earlier)}});
        j["knox"] = {{"cases", knox.cases}, {"permutations", knox.permutations}, {"distance_bands_m", knox.distance_bands_m},
                     {"time_bands_days", knox.time_bands_days}};
        for (const auto& row : knox.cells) {
            nlohmann::json cells = nlohmann::json::array();
            for (const auto& c : row) cells.push_back({{"observed", c.observed}, {"expected", c.expected}, {"ratio", c.ratio}, {"p", c.p_value}});
            j["knox"]["cells"].push_back(cells);
        }
        for (const auto& v : visits)
            j["visits"].push_back({{"officer_id", v.officer_id}, {"officer", v.officer_name}, {"issued", v.issued},
                                   {"planned", v.planned}, {"done", v.done}, {"off_plan", v.off_plan}});
        for (std::size_t k = 0; k < put_up.size(); ++k) j["put_up"][std::string(geo::EnumNames<geo::PosterKind>::names[k])] = put_up[k];
        std::cout << j.dump(2) << '\n';
        return 0;
    }

    std::cout << fmt::format("Weekly review {} ({} to {})\n\n", a.week, geo::format_local(week->from, zone, "%Y-%m-%d"),
                             geo::format_local(week->to - std::chrono::seconds(1), zone, "%Y-%m-%d"));
    std::cout << "  " << pad("", 14) << pad("Cases", 7, true) << pad("Before", 8, true) << pad("p", 8, true) << "  "
              << pad("", 8) << pad("Loss (¥)", 12, true) << pad("Dissuaded", 11, true) << pad("Stopped", 9, true) << '\n';
    for (const auto& r : rows)
        std::cout << "  " << pad(r.label, 14) << pad(std::to_string(r.now.cases), 7, true)
                  << pad(r.available ? std::to_string(r.before.cases) : "-", 8, true)
                  << pad(r.available ? fmt::format("{:.3f}", r.cases.p_value) : "-", 8, true) << "  " << pad(change_mark(r), 8)
                  << pad(thousands(static_cast<std::int64_t>(r.now.loss_yuan + 0.5)), 12, true)
                  << pad(std::to_string(r.now.dissuaded), 11, true) << pad(std::to_string(r.now.payment_stopped), 9, true) << '\n';
    std::cout << "  (▲/▼: a rise or fall beyond chance, two-sided exact test of two Poisson counts, p < 0.05)\n\n";
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
