#pragma once
// GPU-side layers of the map: triangle fills, screen-width line segments (instanced quads)
// and point symbols (GL points).
// Each owns its buffers; positions are float metres from the scene's origin.
#include <cstdint>
#include <vector>

#include "app/map/gl_handles.h"

namespace map {

struct Colour8 {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

struct FillVertex {
    float x, y;
    Colour8 colour;
};

struct LineSegment {
    float x0, y0, x1, y1;
    Colour8 colour;
    float width_px;
};

struct PointSprite {
    float x, y;
    Colour8 colour;
    float size_px;
};

enum class PointShape : int { circle = 0, square = 1, diamond = 2, triangle = 3 };

class FillLayer {
public:
    void upload(const std::vector<FillVertex>& triangles);  // 3 vertices per triangle
    void draw() const;
    std::size_t vertex_count() const { return count_; }

private:
    UniqueVertexArray vao_;
    UniqueBuffer vbo_;
    std::size_t count_ = 0;
};

class LineLayer {
public:
    void upload(const std::vector<LineSegment>& segments);
    void draw() const;
    std::size_t segment_count() const { return count_; }

private:
    UniqueVertexArray vao_;
    UniqueBuffer vbo_;
    std::size_t count_ = 0;
};

class PointLayer {
public:
    void upload(const std::vector<PointSprite>& points);
    void draw() const;
    std::size_t point_count() const { return count_; }

private:
    UniqueVertexArray vao_;
    UniqueBuffer vbo_;
    std::size_t count_ = 0;
};

// Incidents for the live heatmap: position and weight (1, loss, or a recency decay).
struct HeatPoint {
    float x, y;
    float weight;
};

class HeatPointLayer {
public:
    void upload(const std::vector<HeatPoint>& points);
    void draw() const;  // instanced quads, one per point
    std::size_t point_count() const { return count_; }

private:
    UniqueVertexArray vao_;
    UniqueBuffer vbo_;
    std::size_t count_ = 0;
};

// How the heatmap is computed and coloured.
struct HeatmapStyle {
    int kernel = 0;              // geo::Kernel's order: quartic, triangular, uniform, epanechnikov, gaussian
    float bandwidth_m = 300;
    float scale = 0;             // c/h² · 10⁶: per-km² density of one unit of weight at profile 1
    float range_min = 0, range_max = 1;  // per km²
    float opacity = 0.8f;
    Colour8 stops[5];
};

// One georeferenced RGBA image (rows north to south) over a map extent.
class RasterLayer {
public:
    void upload(const std::vector<std::uint8_t>& rgba, int width, int height, float min_x, float min_y, float max_x,
                float max_y);
    void clear();
    bool empty() const { return !texture_; }
    GLuint texture() const { return texture_.get(); }
    const float* extent() const { return extent_; }

private:
    UniqueTexture texture_;
    float extent_[4] = {};
};

}  // namespace map
