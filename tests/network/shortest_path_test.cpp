// Shortest paths: against Floyd–Warshall on small random networks, A* against Dijkstra, routes
// that start and end partway along edges, one-way streets, and matrices.
#include "geo/network/shortest_path.h"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "geo/network/components.h"
#include "geo/util/error.h"
#include "tests/network/road_fixtures.h"

using geo::Profile;
using geo::RoadClass;
using geo::SearchKind;
using geo::SnappedPoint;

namespace {

constexpr double inf = geo::unreachable_time_s;

struct RandomNetwork {
    std::vector<geo::XY> points;
    std::vector<geo::Road> roads;
};

// n points on a 1 km square, m straight roads between random pairs, random classes, 30% one-way.
RandomNetwork random_network(int n, int m, std::mt19937_64& rng) {
    RandomNetwork net;
    std::uniform_int_distribution<int> coord(0, 1000), pick(0, n - 1), cls(0, 4), speed(0, 2);
    std::bernoulli_distribution oneway(0.3);
    for (int i = 0; i < n; ++i) net.points.push_back({static_cast<double>(coord(rng)) + 0.25 * i, static_cast<double>(coord(rng))});
    for (int k = 0; k < m; ++k) {
        const int a = pick(rng);
        int b = pick(rng);
        if (a == b) b = (a + 1) % n;
        net.roads.push_back(test::road("r" + std::to_string(k), static_cast<RoadClass>(cls(rng)), oneway(rng),
                                       speed(rng) == 0 ? 0.0 : 20.0 + 10 * speed(rng),
                                       {net.points[static_cast<std::size_t>(a)], net.points[static_cast<std::size_t>(b)]}));
    }
    return net;
}

// Travel times between the network's points by Floyd–Warshall over the roads themselves.
std::vector<std::vector<double>> floyd_warshall(const RandomNetwork& net, Profile profile) {
    const std::size_t n = net.points.size();
    std::vector<std::vector<double>> t(n, std::vector<double>(n, inf));
    for (std::size_t i = 0; i < n; ++i) t[i][i] = 0;
    auto index_of = [&](const geo::XY& p) {
        return static_cast<std::size_t>(std::find(net.points.begin(), net.points.end(), p) - net.points.begin());
    };
    for (const auto& r : net.roads) {
        const auto& line = r.line.front();
        const std::size_t a = index_of(line.front()), b = index_of(line.back());
        const double length = std::hypot(line.back().x - line.front().x, line.back().y - line.front().y);
        double forward = length / (geo::walking_speed_kmh / 3.6), backward = forward;
        if (profile == Profile::driving) {
            if (r.road_class == RoadClass::path) continue;
            forward = length / (geo::driving_speed_kmh(r) / 3.6);
            backward = r.oneway ? inf : forward;
        }
        t[a][b] = std::min(t[a][b], forward);
        t[b][a] = std::min(t[b][a], backward);
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) t[i][j] = std::min(t[i][j], t[i][k] + t[k][j]);
    return t;
}

// A snapped point sitting exactly on a node: offset 0 or the full length of an edge there.
SnappedPoint at_node(const geo::RoadGraph& g, const geo::XY& p) {
    for (std::size_t e = 0; e < g.edges().size(); ++e) {
        const auto& edge = g.edges()[e];
        if (edge.line.front() == p) return {static_cast<int>(e), 0.0, 0.0, p};
        if (edge.line.back() == p) return {static_cast<int>(e), edge.length_m, 0.0, p};
    }
    return {};
}

}  // namespace

TEST_CASE("Dijkstra and A* agree with Floyd–Warshall on small random networks") {
    std::mt19937_64 rng(5);
    for (int trial = 0; trial < 12; ++trial) {
        const RandomNetwork net = random_network(9, 16, rng);
        const auto g = geo::build_road_graph(net.roads);
        for (const Profile profile : {Profile::walking, Profile::driving}) {
            const auto expected = floyd_warshall(net, profile);
            for (std::size_t i = 0; i < net.points.size(); ++i)
                for (std::size_t j = 0; j < net.points.size(); ++j) {
                    const SnappedPoint from = at_node(g, net.points[i]), to = at_node(g, net.points[j]);
                    if (!from.valid() || !to.valid()) continue;  // a point no road reaches
                    CAPTURE(trial);
                    CAPTURE(i);
                    CAPTURE(j);
                    for (const SearchKind kind : {SearchKind::dijkstra, SearchKind::astar}) {
                        const auto route = geo::shortest_route(g, profile, from, to, kind);
                        if (std::isinf(expected[i][j])) CHECK_FALSE(route.cost.reachable());
                        else CHECK(route.cost.time_s == doctest::Approx(expected[i][j]).epsilon(1e-9));
                    }
                }
        }
    }
}

TEST_CASE("A* finds the same times as Dijkstra between points partway along edges") {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> coord(0, 1000);
    for (int trial = 0; trial < 6; ++trial) {
        const RandomNetwork net = random_network(30, 60, rng);
        const auto g = geo::build_road_graph(net.roads);
        for (const Profile profile : {Profile::walking, Profile::driving}) {
            const geo::Snapper snapper(g, profile);
            for (int k = 0; k < 20; ++k) {
                const SnappedPoint a = snapper.snap({coord(rng), coord(rng)}), b = snapper.snap({coord(rng), coord(rng)});
                const auto dijkstra = geo::shortest_route(g, profile, a, b, SearchKind::dijkstra);
                const auto astar = geo::shortest_route(g, profile, a, b, SearchKind::astar);
                CHECK(dijkstra.cost.reachable() == astar.cost.reachable());
                if (dijkstra.cost.reachable()) CHECK(astar.cost.time_s == doctest::Approx(dijkstra.cost.time_s).epsilon(1e-9));
            }
        }
    }
}

TEST_CASE("A route starts and ends partway along edges, with its geometry") {
    const auto g = geo::build_road_graph(test::small_network());
    const geo::Snapper snapper(g, Profile::walking);
    // From (30, 10) on a-b to (150, -10) on b-c: 70 m + 50 m at 5 km/h.
    const auto route = geo::shortest_route(g, Profile::walking, snapper.snap({30, 10}), snapper.snap({150, -10}));
    REQUIRE(route.cost.reachable());
    CHECK(route.cost.length_m == doctest::Approx(120.0).epsilon(1e-12));
    CHECK(route.cost.time_s == doctest::Approx(120.0 * 3.6 / 5.0).epsilon(1e-12));
    CHECK(route.geometry == geo::LineString{{30, 0}, {50, 0}, {100, 0}, {150, 0}});
    CHECK(route.nodes.size() == 1);

    // Both on a-b: straight along it, no node.
    const auto along = geo::shortest_route(g, Profile::walking, snapper.snap({80, 5}), snapper.snap({20, 5}));
    CHECK(along.cost.length_m == doctest::Approx(60.0).epsilon(1e-12));
    CHECK(along.geometry == geo::LineString{{80, 0}, {50, 0}, {20, 0}});
    CHECK(along.nodes.empty());
}

TEST_CASE("Driving cannot leave a one-way dead end that walking can") {
    //  a ---- b ---- c
    //         v          (100, 50) lies on the one-way b -> d
    //         d
    const auto g = geo::build_road_graph(test::small_network());
    const SnappedPoint on_bd = geo::Snapper(g, Profile::driving).snap({100, 50});
    const SnappedPoint at_a = geo::Snapper(g, Profile::driving).snap({0, 0});
    CHECK_FALSE(geo::shortest_route(g, Profile::driving, on_bd, at_a).cost.reachable());
    const auto in = geo::shortest_route(g, Profile::driving, at_a, on_bd);
    CHECK(in.cost.time_s == doctest::Approx(10.0 + 2.5).epsilon(1e-12));  // a-b at 36 km/h, half of b-d at 72
    const auto walked = geo::shortest_route(g, Profile::walking, on_bd, at_a);
    CHECK(walked.cost.length_m == doctest::Approx(150.0).epsilon(1e-12));
}

TEST_CASE("An error in a matrix worker thread reaches the caller instead of ending the process") {
    std::mt19937_64 rng(5);
    const RandomNetwork net = random_network(20, 40, rng);
    const auto g = geo::build_road_graph(net.roads);
    const geo::Snapper snapper(g, Profile::driving);
    std::vector<SnappedPoint> points;
    for (int k = 0; k < 12; ++k) points.push_back(snapper.snap({50.0 * k, 40.0 * k}));
    SnappedPoint foreign = points[7];
    foreign.edge = static_cast<int>(g.edges().size()) + 5;  // snapped on some other graph
    points[7] = foreign;
    for (unsigned threads : {1u, 2u, 4u}) {
        CAPTURE(threads);
        CHECK_THROWS_AS(geo::many_to_many(g, Profile::driving, points, points, threads), geo::InternalError);
    }
}

TEST_CASE("One-to-many and the matrices equal point-to-point routes, whatever the thread count") {
    std::mt19937_64 rng(17);
    std::uniform_real_distribution<double> coord(0, 1000);
    const RandomNetwork net = random_network(40, 90, rng);
    const auto g = geo::build_road_graph(net.roads);
    const geo::Snapper snapper(g, Profile::driving);
    std::vector<SnappedPoint> points;
    for (int k = 0; k < 25; ++k) points.push_back(snapper.snap({coord(rng), coord(rng)}));

    const auto one = geo::many_to_many(g, Profile::driving, points, points, 1);
    const auto two = geo::many_to_many(g, Profile::driving, points, points, 2);
    CHECK(one.time_s == two.time_s);
    CHECK(one.length_m == two.length_m);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto row = geo::one_to_many(g, Profile::driving, points[i], points);
        for (std::size_t j = 0; j < points.size(); ++j) {
            const auto route = geo::shortest_route(g, Profile::driving, points[i], points[j], SearchKind::dijkstra);
            CHECK(row[j].time_s == one.time(i, j));
            if (route.cost.reachable()) {
                CHECK(one.time(i, j) == doctest::Approx(route.cost.time_s).epsilon(1e-9));
                CHECK(one.length(i, j) == doctest::Approx(route.cost.length_m).epsilon(1e-9));
            } else {
                CHECK(std::isinf(one.time(i, j)));
            }
        }
        CHECK(one.time(i, i) == 0.0);
    }
}

TEST_CASE("A stop the post cannot reach is named") {
    const auto g = geo::build_road_graph(test::small_network());
    const geo::Snapper snapper(g, Profile::walking);
    const std::vector<SnappedPoint> stops = {snapper.snap({0, 10}), snapper.snap({200, 10}), snapper.snap({550, 510})};
    const auto m = geo::many_to_many(g, Profile::walking, stops, stops);
    CHECK(geo::unreachable_from(m, 0) == std::vector<std::size_t>{2});
    CHECK_THROWS_WITH_AS(geo::require_reachable(m, 0, {"post", "B1", "B2"}, Profile::walking),
                         "stop B2 is unreachable from the post (walking): it lies on a piece of the road network not "
                         "connected to the post's",
                         geo::BadInput);
    // Driving: the dead end b -> d can be entered but not left.
    const geo::Snapper car(g, Profile::driving);
    const std::vector<SnappedPoint> by_car = {car.snap({0, 10}), car.snap({110, 60})};
    const auto d = geo::many_to_many(g, Profile::driving, by_car, by_car);
    CHECK_THROWS_WITH_AS(geo::require_reachable(d, 0, {"post", "B9"}, Profile::driving),
                         "stop B9 is unreachable from the post (driving): there is no way back from it to the post "
                         "(one-way streets)",
                         geo::BadInput);
}
