#include "geo/query/search.h"

#include <algorithm>
#include <initializer_list>
#include <optional>

namespace geo {
namespace {

// How well a record matches; lower is better.
enum class Match { exact_id, exact_name, prefix, substring };

std::string fold_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trim_spaces(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

// The best match of `folded_query` against a record's id and its names; nullopt when none.
std::optional<Match> best_match(std::string_view folded_query, std::string_view id,
                                std::initializer_list<std::string_view> names) {
    std::optional<Match> best;
    const auto consider = [&](std::string_view field, Match exact) {
        if (field.empty()) return;
        const std::string folded = fold_ascii(field);
        std::optional<Match> m;
        if (folded == folded_query) m = exact;
        else if (folded.starts_with(folded_query)) m = Match::prefix;
        else if (folded.find(folded_query) != std::string::npos) m = Match::substring;
        if (m && (!best || *m < *best)) best = m;
    };
    consider(id, Match::exact_id);
    for (std::string_view name : names) consider(name, Match::exact_name);
    return best;
}

std::string label_of(std::string_view name, std::string_view id) {
    if (name.empty() || name == id) return std::string(id);
    return std::string(name) + " (" + std::string(id) + ")";
}

struct Ranked {
    Match match;
    SearchHit hit;
};

std::optional<XY> officer_location(const District& district, const Officer& officer) {
    if (officer.post) return *officer.post;
    if (!officer.post_site_id.empty()) {
        for (const Site& site : district.sites)
            if (site.id == officer.post_site_id) return site.location;
    }
    for (const Neighbourhood& hood : district.neighbourhoods)
        if (hood.officer_id == officer.id && !hood.area.empty()) return centroid(hood.area);
    return std::nullopt;
}

}  // namespace

std::vector<SearchHit> search(const District& district, std::string_view query, std::size_t limit) {
    const std::string folded_query = fold_ascii(trim_spaces(query));
    if (folded_query.empty() || limit == 0) return {};

    std::vector<Ranked> ranked;
    for (std::size_t i = 0; i < district.neighbourhoods.size(); ++i) {
        const Neighbourhood& n = district.neighbourhoods[i];
        if (auto m = best_match(folded_query, n.id, {n.name, n.name_en})) {
            const std::string name = !n.name.empty() && !n.name_en.empty() ? n.name + " " + n.name_en
                                                                           : n.name + n.name_en;
            ranked.push_back({*m, {LayerKind::neighbourhoods, i, label_of(name, n.id),
                                      centroid(n.area)}});
        }
    }
    for (std::size_t i = 0; i < district.officers.size(); ++i) {
        const Officer& o = district.officers[i];
        if (auto m = best_match(folded_query, o.id, {o.name})) {
            if (auto where = officer_location(district, o))
                ranked.push_back({*m, {LayerKind::officers, i, label_of(o.name, o.id), *where}});
        }
    }
    for (std::size_t i = 0; i < district.buildings.size(); ++i) {
        const Building& b = district.buildings[i];
        if (auto m = best_match(folded_query, b.id, {b.address}))
            ranked.push_back({*m, {LayerKind::buildings, i, label_of(b.address, b.id), b.location}});
    }
    for (std::size_t i = 0; i < district.sites.size(); ++i) {
        const Site& s = district.sites[i];
        if (auto m = best_match(folded_query, s.id, {s.name}))
            ranked.push_back({*m, {LayerKind::sites, i, label_of(s.name, s.id), s.location}});
    }

    // Records were gathered in layer order and index order: a stable sort by match keeps that.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Ranked& a, const Ranked& b) { return a.match < b.match; });
    std::vector<SearchHit> out;
    for (std::size_t k = 0; k < ranked.size() && k < limit; ++k) out.push_back(std::move(ranked[k].hit));
    return out;
}

}  // namespace geo
