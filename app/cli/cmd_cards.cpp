// patrolmap cards WS [--neighbourhood N01] [--kind contact_card|poster] [--size a6|a5]
// [--per neighbourhood|building] --out cards.pdf: printable 警民联系牌 (A6 four or A5 two to an
// A4 page, with crop marks) or A4 anti-fraud posters per neighbourhood, with the officer, the
// liaison group and QR codes for the URLs `patrolmap settings` sets (geo/report/contact_cards.h).
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/text_format.h"
#include "geo/io/workspace_store.h"
#include "geo/report/contact_cards.h"
#include "geo/util/error.h"

namespace cli {
namespace {

struct Args {
    std::string workspace, neighbourhood, kind = "contact_card", size = "a6", per = "neighbourhood", out;
};

int run(const Args& a) {
    geo::CardOptions options;
    if (a.kind == "contact_card") options.kind = geo::CardKind::contact_card;
    else if (a.kind == "poster") options.kind = geo::CardKind::poster;
    else throw geo::BadInput("--kind '" + a.kind + "' is not contact_card or poster");
    if (a.size == "a6") options.size = geo::CardSize::a6;
    else if (a.size == "a5") options.size = geo::CardSize::a5;
    else throw geo::BadInput("--size '" + a.size + "' is not a6 or a5");
    if (a.per != "neighbourhood" && a.per != "building") throw geo::BadInput("--per '" + a.per + "' is not neighbourhood or building");
    if (a.per == "building" && options.kind == geo::CardKind::poster)
        throw geo::BadInput("--per building is for contact cards; posters are one per neighbourhood");
    options.per_building = a.per == "building";
    options.neighbourhood_id = a.neighbourhood;
    options.photo_folder = std::filesystem::absolute(a.workspace).parent_path();

    const geo::District d = geo::read_district(a.workspace);
    if (!a.neighbourhood.empty()) {
        bool found = false;
        for (const auto& h : d.neighbourhoods) found = found || h.id == a.neighbourhood;
        if (!found)
            throw geo::BadInput("--neighbourhood '" + a.neighbourhood + "' is not a neighbourhood of " + a.workspace +
                                (d.neighbourhoods.empty() ? std::string(" (it has none)")
                                                          : " (ids " + d.neighbourhoods.front().id + " to " + d.neighbourhoods.back().id + ")"));
    }
    const geo::CardsWritten written = geo::write_contact_cards_pdf(d, options, a.out);
    for (const auto& line : written.notes) note() << "note: " << line << '\n';
    const bool poster = options.kind == geo::CardKind::poster;
    std::cout << fmt::format("{}: {} {} on {} A4 page{}\n", a.out, written.cards,
                             poster ? "posters" : (options.size == geo::CardSize::a5 ? "A5 contact cards" : "A6 contact cards"),
                             written.pages, written.pages == 1 ? "" : "s");
    return 0;
}

}  // namespace

void add_cards_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("cards", "Printable 警民联系牌 contact cards or anti-fraud posters with QR codes (PDF)");
    auto a = std::make_shared<Args>();
    cmd->add_option("WS", a->workspace, "Workspace (.gpkg)")->required();
    cmd->add_option("--neighbourhood", a->neighbourhood, "Only this neighbourhood (id, e.g. N01); default all");
    cmd->add_option("--kind", a->kind, "contact_card (cut from A4) or poster (one A4 page per neighbourhood)")->capture_default_str();
    cmd->add_option("--size", a->size, "Contact cards: a6 (4 per A4 page) or a5 (2 per page)")->capture_default_str();
    cmd->add_option("--per", a->per, "Contact cards: one per neighbourhood, or one per building entrance with its address")
        ->capture_default_str();
    cmd->add_option("--out", a->out, "The PDF to write")->required();
    cmd->callback([a, &action] { action = [a] { return run(*a); }; });
}

}  // namespace cli
