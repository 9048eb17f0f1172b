#pragma once
// Draws the map's layers into an offscreen colour texture the size of the map panel, which
// the UI shows with ImGui::Image. Backs up and restores every piece of GL state it changes.
#include <vector>

#include "app/map/camera.h"
#include "app/map/gpu_layers.h"

namespace map {

// One drawable in paint order (bottom first).
struct DrawItem {
    enum class Kind { fill, line, point, raster, heatmap } kind;
    const void* layer;  // FillLayer*, LineLayer*, PointLayer*, RasterLayer* or HeatPointLayer*, by kind
    float opacity = 1;
    PointShape shape = PointShape::circle;
    float size_scale = 1;
    const HeatmapStyle* heatmap = nullptr;  // for Kind::heatmap
};

class MapRenderer {
public:
    MapRenderer();  // compiles the shaders: needs a current GL 3.3 context
    // Renders into the texture; `origin` is the map coordinate the layers' floats are relative to.
    void render(const Camera& camera, geo::XY origin, const std::vector<DrawItem>& items,
                const Colour8& background);
    GLuint texture() const { return colour_.get(); }
    // The last frame's pixels, RGBA rows top to bottom.
    std::vector<unsigned char> read_pixels() const;
    // The last heatmap's densities (per km²) at pixel centres, rows top to bottom; empty when
    // no heatmap was drawn.
    std::vector<float> read_densities() const;

private:
    void ensure_target(int width, int height);
    void draw_heatmap(const Camera& camera, geo::XY origin, const DrawItem& item, GLuint map_framebuffer);
    UniqueProgram fill_, line_, point_, raster_, heat_splat_, heat_colour_;
    UniqueFramebuffer heat_framebuffer_;
    UniqueTexture heat_texture_;
    bool heat_drawn_ = false;
    UniqueVertexArray empty_vao_;
    UniqueFramebuffer framebuffer_;
    UniqueTexture colour_;
    int width_ = 0, height_ = 0;
};

}  // namespace map
