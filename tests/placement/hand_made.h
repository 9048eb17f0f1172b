#pragma once
// Builders for the hand-made districts of the placement tests: a road from its vertices, a
// case on a day of 2021 with its loss.
#include <chrono>
#include <string>
#include <vector>

#include "geo/model/district.h"

namespace test {

inline geo::Timestamp date_of(int day_of_2021) {
    using namespace std::chrono;
    return geo::Timestamp{sys_days{year{2021} / January / 1} + days{day_of_2021}};
}

inline geo::Road road(const std::string& id, geo::LineString line, bool oneway = false) {
    geo::Road r;
    r.id = id;
    r.line = {std::move(line)};
    r.oneway = oneway;
    return r;
}

inline geo::Incident incident(const std::string& id, double x, double y, int on_day, double loss = 0) {
    geo::Incident i;
    i.id = id;
    i.location = {x, y};
    i.time = date_of(on_day);
    i.loss_yuan = loss;
    return i;
}

// Two crossroads 2 km apart, W at (0, 0) and E at (2000, 0), each arm 500 m long.
inline std::vector<geo::Road> two_crossroads_roads() {
    return {road("w-ew", {{-500, 0}, {0, 0}, {500, 0}}), road("w-ns", {{0, -500}, {0, 0}, {0, 500}}),
            road("e-ew", {{1500, 0}, {2000, 0}, {2500, 0}}), road("e-ns", {{2000, -500}, {2000, 0}, {2000, 500}})};
}

}  // namespace test
