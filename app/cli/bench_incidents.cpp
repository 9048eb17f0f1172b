#include "app/cli/bench_incidents.h"

#include <algorithm>
#include <cmath>

#include "geo/util/error.h"

namespace cli {

std::vector<geo::Incident> replicated_incidents(const geo::District& district, std::size_t count,
                                                const geo::Envelope& square, const std::string& workspace) {
    std::vector<const geo::Incident*> seeds;
    geo::Envelope tile;
    for (const auto& incident : district.incidents)
        if (std::isfinite(incident.location.x) && std::isfinite(incident.location.y)) {
            seeds.push_back(&incident);
            tile.expand(incident.location);
        }
    if (seeds.empty()) throw geo::BadInput(workspace + ": no incidents to replicate");
    constexpr double jitter_m = 25;
    SplitMix64 rng{20210101};
    std::vector<geo::Incident> out;
    out.reserve(count);
    for (std::size_t copy = 0; out.size() < count; ++copy) {
        const double shift_x = square.min_x - tile.min_x + rng.uniform() * std::max(0.0, square.width() - tile.width());
        const double shift_y = square.min_y - tile.min_y + rng.uniform() * std::max(0.0, square.height() - tile.height());
        for (const geo::Incident* seed : seeds) {
            if (out.size() == count) break;
            geo::Incident i = *seed;
            i.id += "-" + std::to_string(copy);
            // A copy is another place: its building is another building.
            if (auto b = i.extras.find("building_id"); b != i.extras.end())
                if (auto* text = std::get_if<std::string>(&b->second)) *text += "-" + std::to_string(copy);
            const double x = seed->location.x + shift_x + (2 * rng.uniform() - 1) * jitter_m;
            const double y = seed->location.y + shift_y + (2 * rng.uniform() - 1) * jitter_m;
            i.location = {std::clamp(x, square.min_x, square.max_x), std::clamp(y, square.min_y, square.max_y)};
            out.push_back(std::move(i));
        }
    }
    return out;
}

}  // namespace cli
