#include "geo/model/enums.h"

namespace geo {

double default_speed_kmh(RoadClass road_class) {
    switch (road_class) {
        case RoadClass::provincial: return 60;
        case RoadClass::arterial: return 50;
        case RoadClass::local: return 30;
        case RoadClass::alley: return 15;
        case RoadClass::path: return 5;
    }
    return 30;
}

}  // namespace geo
