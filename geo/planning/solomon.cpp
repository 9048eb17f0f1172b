#include "geo/planning/solomon.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "geo/util/error.h"

namespace geo::planning {
namespace {

bool blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

std::string first_word(const std::string& line) {
    std::istringstream words(line);
    std::string word;
    words >> word;
    return word;
}

}  // namespace

SolomonInstance read_solomon(std::istream& in, const std::string& source) {
    SolomonInstance out;
    enum class Section { name, vehicle, customer } section = Section::name;
    bool vehicle_read = false;
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (blank(line)) continue;
        const std::string word = first_word(line);
        if (section == Section::name) {
            out.name = word;
            section = Section::vehicle;
            continue;
        }
        if (word == "VEHICLE" || word == "NUMBER") continue;  // section title and column header
        if (word == "CUSTOMER") {
            if (!vehicle_read) throw BadInput(fmt::format("{} line {}: CUSTOMER before the vehicle count and capacity", source, line_no));
            section = Section::customer;
            continue;
        }
        if (word == "CUST") continue;  // column header
        std::istringstream fields(line);
        if (section == Section::vehicle) {
            if (vehicle_read || !(fields >> out.vehicles >> out.capacity) || out.vehicles < 1 || out.capacity < 0)
                throw BadInput(fmt::format("{} line {}: expected the vehicle count and capacity, got '{}'", source, line_no, line));
            vehicle_read = true;
            continue;
        }
        SolomonCustomer c;
        std::string rest;
        if (!(fields >> c.number >> c.x >> c.y >> c.demand >> c.ready_min >> c.due_min >> c.service_min) || (fields >> rest))
            throw BadInput(fmt::format("{} line {}: expected 'number x y demand ready due service', got '{}'", source, line_no, line));
        if (c.number != static_cast<int>(out.customers.size()))
            throw BadInput(fmt::format("{} line {}: customer {} where {} was expected (rows run 0, 1, 2, ...)", source, line_no,
                                       c.number, out.customers.size()));
        if (c.due_min < c.ready_min)
            throw BadInput(fmt::format("{} line {}: customer {} is due ({:g}) before it is ready ({:g})", source, line_no, c.number,
                                       c.due_min, c.ready_min));
        out.customers.push_back(c);
    }
    if (out.customers.empty()) throw BadInput(fmt::format("{}: no CUSTOMER rows (not a Solomon instance)", source));
    return out;
}

SolomonInstance read_solomon(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw BadInput(fmt::format("{}: cannot open the Solomon instance", file.string()));
    return read_solomon(in, file.filename().string());
}

double solomon_distance(const SolomonInstance& instance, int i, int j) {
    const SolomonCustomer& a = instance.customers[static_cast<std::size_t>(i)];
    const SolomonCustomer& b = instance.customers[static_cast<std::size_t>(j)];
    return std::hypot(a.x - b.x, a.y - b.y);
}

PrizeVrpProblem solomon_problem(const SolomonInstance& instance, int vehicles) {
    const std::size_t n = instance.customers.size();
    const auto days = static_cast<std::size_t>(std::max(vehicles, 0));
    PrizeVrpProblem p;
    p.time_min.resize(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) p.time_min[i * n + j] = solomon_distance(instance, static_cast<int>(i), static_cast<int>(j));
    p.prize.assign(n, 1.0);
    p.prize[0] = 0;
    for (const SolomonCustomer& c : instance.customers) {
        p.service_min.push_back(c.service_min);
        p.earliest_min.push_back(c.ready_min);
        p.latest_min.push_back(c.due_min);
        p.demand.push_back(c.demand);
    }
    p.day_limit_min.assign(days, instance.customers[0].due_min);
    p.day_capacity.assign(days, instance.capacity);
    return p;
}

}  // namespace geo::planning
