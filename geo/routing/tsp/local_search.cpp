#include "geo/routing/tsp/local_search.h"

#include "geo/routing/tsp/lin_kernighan.h"
#include "geo/routing/tsp/or_opt.h"
#include "geo/routing/tsp/two_opt.h"

namespace geo::tsp {
namespace {

bool improve_from(MoveContext& m, Move move, int city) {
    switch (move) {
    case Move::two_opt: return two_opt_from(m, city);
    case Move::or_opt: return or_opt_from(m, city);
    case Move::lin_kernighan: return lin_kernighan_from(m, city);
    }
    return false;
}

}  // namespace

void local_search(MoveContext& m, const std::vector<Move>& moves) {
    while (!m.active.empty()) {
        const int city = m.active.pop();
        for (const Move move : moves)
            if (improve_from(m, move, city)) {
                m.active.push(city);
                break;
            }
    }
}

}  // namespace geo::tsp
