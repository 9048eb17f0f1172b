#include "geo/io/ogr_geometry.h"

namespace geo {
namespace {

Ring ring_from(const OGRLinearRing& r) {
    Ring out;
    out.reserve(r.getNumPoints());
    for (int i = 0; i < r.getNumPoints(); ++i) out.push_back({r.getX(i), r.getY(i)});
    return out;
}

Polygon polygon_from(const OGRPolygon& p) {
    Polygon out;
    if (p.getExteriorRing()) out.outer = ring_from(*p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRings(); ++i)
        out.holes.push_back(ring_from(*p.getInteriorRing(i)));
    return out;
}

LineString line_from(const OGRLineString& l) {
    LineString out;
    out.reserve(l.getNumPoints());
    for (int i = 0; i < l.getNumPoints(); ++i) out.push_back({l.getX(i), l.getY(i)});
    return out;
}

OGRLinearRing* ring_to(const Ring& r) {
    auto* out = new OGRLinearRing();
    out->setNumPoints(static_cast<int>(r.size()));
    for (std::size_t i = 0; i < r.size(); ++i) out->setPoint(static_cast<int>(i), r[i].x, r[i].y);
    return out;
}

}  // namespace

Geometry from_ogr(const OGRGeometry& geometry) {
    if (geometry.IsEmpty()) return std::monostate{};
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPoint: {
            const auto& p = *geometry.toPoint();
            return XY{p.getX(), p.getY()};
        }
        case wkbPolygon:
            return MultiPolygon{polygon_from(*geometry.toPolygon())};
        case wkbMultiPolygon: {
            MultiPolygon out;
            for (const auto* p : *geometry.toMultiPolygon()) out.push_back(polygon_from(*p));
            return out;
        }
        case wkbLineString:
            return MultiLineString{line_from(*geometry.toLineString())};
        case wkbMultiLineString: {
            MultiLineString out;
            for (const auto* l : *geometry.toMultiLineString()) out.push_back(line_from(*l));
            return out;
        }
        default:
            return std::monostate{};
    }
}

OgrGeometryPtr to_ogr(const Geometry& geometry) {
    if (const auto* p = std::get_if<XY>(&geometry)) return OgrGeometryPtr(new OGRPoint(p->x, p->y));
    if (const auto* mp = std::get_if<MultiPolygon>(&geometry)) {
        auto* out = new OGRMultiPolygon();
        for (const auto& poly : *mp) {
            auto* ogr_poly = new OGRPolygon();
            ogr_poly->addRingDirectly(ring_to(poly.outer));
            for (const auto& hole : poly.holes) ogr_poly->addRingDirectly(ring_to(hole));
            out->addGeometryDirectly(ogr_poly);
        }
        return OgrGeometryPtr(out);
    }
    if (const auto* ml = std::get_if<MultiLineString>(&geometry)) {
        auto* out = new OGRMultiLineString();
        for (const auto& line : *ml) {
            auto* ogr_line = new OGRLineString();
            ogr_line->setNumPoints(static_cast<int>(line.size()));
            for (std::size_t i = 0; i < line.size(); ++i)
                ogr_line->setPoint(static_cast<int>(i), line[i].x, line[i].y);
            out->addGeometryDirectly(ogr_line);
        }
        return OgrGeometryPtr(out);
    }
    return nullptr;
}

}  // namespace geo
