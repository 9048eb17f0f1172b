#include "geo/edit/poster_edits.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "geo/util/error.h"

namespace geo {
namespace {

// How far a poster may stand from a move's start and still count as there. Coordinates
// round-trip exactly through the GeoPackage and the journal; the slack is only for a caller
// that built `from` through a float.
constexpr double kMoveSlack_m = 0.001;

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

std::string kind_words(PosterKind kind) {
    std::string words(name_of(kind));
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

std::string_view id_prefix(PosterKind kind) {
    switch (kind) {
        case PosterKind::poster: return "PST";
        case PosterKind::contact_card: return "CC";
        case PosterKind::banner: return "BAN";
    }
    return "PST";
}

std::string at_text(XY p) { return fmt::format("({:.3f}, {:.3f})", p.x, p.y); }

void require_finite(XY p, const std::string& id, const char* verb) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
        throw BadInput(fmt::format("cannot {} poster '{}': {} is not a finite point", verb, id,
                                   at_text(p)));
}

std::size_t index_of(const District& district, const std::string& id, const char* verb) {
    if (auto i = find_poster(district, id)) return *i;
    throw BadInput(fmt::format("cannot {} poster '{}': no poster has that id", verb, id));
}

void insert_poster(District& district, const Poster& poster, std::optional<std::size_t> index,
                   const char* verb) {
    if (poster.id.empty()) throw BadInput(fmt::format("cannot {} a poster without an id", verb));
    if (find_poster(district, poster.id))
        throw BadInput(fmt::format("cannot {} poster '{}': a poster with that id exists", verb,
                                   poster.id));
    require_finite(poster.location, poster.id, verb);
    auto& posters = district.posters;
    const std::size_t at = index.value_or(posters.size());
    if (at > posters.size())
        throw BadInput(fmt::format("cannot {} poster '{}' at position {}: the layer has {}", verb,
                                   poster.id, at, posters.size()));
    posters.insert(posters.begin() + static_cast<std::ptrdiff_t>(at), poster);
}

void erase_poster(District& district, const std::string& id, std::optional<std::size_t> index,
                  const char* verb) {
    const std::size_t at = index_of(district, id, verb);
    if (index && *index != at)
        throw BadInput(fmt::format("cannot {} poster '{}': it is at position {}, not {}", verb, id,
                                   at, *index));
    district.posters.erase(district.posters.begin() + static_cast<std::ptrdiff_t>(at));
}

void move_poster(District& district, const std::string& id, XY from, XY to, const char* verb) {
    require_finite(to, id, verb);
    Poster& poster = district.posters[index_of(district, id, verb)];
    if (std::hypot(poster.location.x - from.x, poster.location.y - from.y) > kMoveSlack_m)
        throw BadInput(fmt::format("cannot {} poster '{}': it stands at {}, not at {}", verb, id,
                                   at_text(poster.location), at_text(from)));
    poster.location = to;
}

}  // namespace

std::optional<std::size_t> find_poster(const District& district, const std::string& id) {
    const auto& posters = district.posters;
    auto it = std::find_if(posters.begin(), posters.end(),
                           [&](const Poster& p) { return p.id == id; });
    if (it == posters.end()) return std::nullopt;
    return static_cast<std::size_t>(it - posters.begin());
}

void apply(District& district, const PosterEdit& edit) {
    std::visit(Overloaded{
                   [&](const AddPoster& e) { insert_poster(district, e.poster, e.index, "add"); },
                   [&](const MovePoster& e) { move_poster(district, e.id, e.from, e.to, "move"); },
                   [&](const DeletePoster& e) {
                       erase_poster(district, e.poster.id, e.index, "delete");
                   },
               },
               edit);
}

void apply_rebased(District& district, const PosterEdit& edit) {
    std::visit(Overloaded{
                   [&](const AddPoster& e) {
                       const std::size_t n = district.posters.size();
                       insert_poster(district, e.poster, e.index ? std::optional(std::min(*e.index, n)) : std::nullopt, "add");
                   },
                   [&](const MovePoster& e) { move_poster(district, e.id, e.from, e.to, "move"); },
                   [&](const DeletePoster& e) { erase_poster(district, e.poster.id, std::nullopt, "delete"); },
               },
               edit);
}

void revert(District& district, const PosterEdit& edit) {
    std::visit(Overloaded{
                   [&](const AddPoster& e) {
                       erase_poster(district, e.poster.id, std::nullopt, "undo the adding of");
                   },
                   [&](const MovePoster& e) {
                       move_poster(district, e.id, e.to, e.from, "undo the move of");
                   },
                   [&](const DeletePoster& e) {
                       insert_poster(district, e.poster, e.index, "put back");
                   },
               },
               edit);
}

PosterEdit inverse_of(const District& district, const PosterEdit& edit) {
    return std::visit(
        Overloaded{
            [&](const AddPoster& e) -> PosterEdit {
                const std::size_t at = index_of(district, e.poster.id, "undo the adding of");
                return DeletePoster{district.posters[at], at};
            },
            [&](const MovePoster& e) -> PosterEdit { return MovePoster{e.id, e.to, e.from}; },
            [&](const DeletePoster& e) -> PosterEdit { return AddPoster{e.poster, e.index}; },
        },
        edit);
}

std::string describe(const PosterEdit& edit) {
    return std::visit(
        Overloaded{
            [](const AddPoster& e) { return "add " + kind_words(e.poster.kind) + " " + e.poster.id; },
            [](const MovePoster& e) { return "move " + e.id; },
            [](const DeletePoster& e) {
                return "delete " + kind_words(e.poster.kind) + " " + e.poster.id;
            },
        },
        edit);
}

const std::string& poster_id(const PosterEdit& edit) {
    return std::visit(Overloaded{
                          [](const AddPoster& e) -> const std::string& { return e.poster.id; },
                          [](const MovePoster& e) -> const std::string& { return e.id; },
                          [](const DeletePoster& e) -> const std::string& { return e.poster.id; },
                      },
                      edit);
}

std::string next_poster_id(const District& district, PosterKind kind) {
    const std::string prefix = std::string(id_prefix(kind)) + "-";
    // Numbers past 18 digits would overflow std::uint64_t; they are skipped here, and the
    // final look-up below still keeps the new id off them.
    constexpr std::size_t kMaxDigits = 18;
    std::uint64_t highest = 0;
    for (const Poster& p : district.posters) {
        if (p.id.size() <= prefix.size() || p.id.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string_view digits = std::string_view(p.id).substr(prefix.size());
        if (digits.size() > kMaxDigits ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        highest = std::max<std::uint64_t>(highest, std::stoull(std::string(digits)));
    }
    std::string id;
    for (std::uint64_t n = highest + 1;; ++n) {
        id = fmt::format("{}{:04d}", prefix, n);
        if (!find_poster(district, id)) return id;
    }
}

PosterEdit make_delete(const District& district, const std::string& id) {
    const std::size_t at = index_of(district, id, "delete");
    return DeletePoster{district.posters[at], at};
}

PosterEdit make_move(const District& district, const std::string& id, XY to) {
    const std::size_t at = index_of(district, id, "move");
    return MovePoster{id, district.posters[at].location, to};
}

}  // namespace geo
