#include "geo/network/components.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace geo {
namespace {

// Renumbers raw component ids so that 0 is the largest (ties: the one with the lowest node).
Components ranked(std::vector<int> raw, int raw_count) {
    std::vector<int> size(static_cast<std::size_t>(raw_count), 0), first(static_cast<std::size_t>(raw_count), -1);
    for (std::size_t v = 0; v < raw.size(); ++v) {
        const auto c = static_cast<std::size_t>(raw[v]);
        ++size[c];
        if (first[c] < 0) first[c] = static_cast<int>(v);
    }
    std::vector<int> order(static_cast<std::size_t>(raw_count));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
        return size[ua] != size[ub] ? size[ua] > size[ub] : first[ua] < first[ub];
    });
    std::vector<int> rank(static_cast<std::size_t>(raw_count));
    Components out;
    for (std::size_t i = 0; i < order.size(); ++i) {
        rank[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
        out.sizes.push_back(size[static_cast<std::size_t>(order[i])]);
    }
    for (int& c : raw) c = rank[static_cast<std::size_t>(c)];
    out.component_of_node = std::move(raw);
    return out;
}

}  // namespace

Components weak_components(const RoadGraph& graph, Profile profile) {
    const int n = graph.node_count();
    std::vector<int> parent(static_cast<std::size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int v) {
        while (parent[static_cast<std::size_t>(v)] != v)
            v = parent[static_cast<std::size_t>(v)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(v)])];
        return v;
    };
    const CsrAdjacency& adj = graph.adjacency(profile);
    for (int v = 0; v < n; ++v)
        for (std::uint32_t i = adj.offsets[static_cast<std::size_t>(v)]; i < adj.offsets[static_cast<std::size_t>(v) + 1]; ++i) {
            const int a = find(v), b = find(adj.arcs[i].head);
            if (a != b) parent[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
        }
    std::vector<int> raw(static_cast<std::size_t>(n)), id_of_root(static_cast<std::size_t>(n), -1);
    int count = 0;
    for (int v = 0; v < n; ++v) {
        const auto root = static_cast<std::size_t>(find(v));
        if (id_of_root[root] < 0) id_of_root[root] = count++;
        raw[static_cast<std::size_t>(v)] = id_of_root[root];
    }
    return ranked(std::move(raw), count);
}

Components strong_components(const RoadGraph& graph, Profile profile) {
    const int n = graph.node_count();
    const CsrAdjacency& adj = graph.adjacency(profile);
    std::vector<int> index(static_cast<std::size_t>(n), -1), low(static_cast<std::size_t>(n), 0), raw(static_cast<std::size_t>(n), -1);
    std::vector<bool> on_stack(static_cast<std::size_t>(n), false);
    std::vector<int> stack;
    std::vector<std::pair<int, std::uint32_t>> call;  // (node, next arc to look at)
    int next_index = 0, count = 0;
    for (int root = 0; root < n; ++root) {
        if (index[static_cast<std::size_t>(root)] >= 0) continue;
        call.push_back({root, adj.offsets[static_cast<std::size_t>(root)]});
        index[static_cast<std::size_t>(root)] = low[static_cast<std::size_t>(root)] = next_index++;
        stack.push_back(root), on_stack[static_cast<std::size_t>(root)] = true;
        while (!call.empty()) {
            auto& [v, arc] = call.back();
            const auto uv = static_cast<std::size_t>(v);
            if (arc < adj.offsets[uv + 1]) {
                const int w = adj.arcs[arc++].head;
                const auto uw = static_cast<std::size_t>(w);
                if (index[uw] < 0) {
                    index[uw] = low[uw] = next_index++;
                    stack.push_back(w), on_stack[uw] = true;
                    call.push_back({w, adj.offsets[uw]});
                } else if (on_stack[uw]) {
                    low[uv] = std::min(low[uv], index[uw]);
                }
                continue;
            }
            if (low[uv] == index[uv]) {
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[static_cast<std::size_t>(w)] = false;
                    raw[static_cast<std::size_t>(w)] = count;
                } while (w != v);
                ++count;
            }
            const int finished = v;
            call.pop_back();
            if (!call.empty()) {
                const auto up = static_cast<std::size_t>(call.back().first);
                low[up] = std::min(low[up], low[static_cast<std::size_t>(finished)]);
            }
        }
    }
    return ranked(std::move(raw), count);
}

std::string describe_pieces(const Components& c) {
    if (c.count() == 0) return "no nodes";
    if (c.count() == 1) return fmt::format("1 piece of {} nodes", c.sizes.front());
    std::string sizes;
    const int shown = std::min(c.count(), 5);
    for (int i = 0; i < shown; ++i) {
        if (i) sizes += (i + 1 == shown && shown == c.count()) ? " and " : ", ";
        sizes += fmt::format("{}", c.sizes[static_cast<std::size_t>(i)]);
    }
    if (shown < c.count()) sizes += fmt::format(" and {} more", c.count() - shown);
    return fmt::format("{} pieces: {} nodes", c.count(), sizes);
}

}  // namespace geo
