#include "app/map/map_renderer.h"

#include <algorithm>
#include <stdexcept>

#include "app/map/shader_program.h"
#include "shaders_generated.h"

namespace map {
namespace {

// The GL state the renderer touches, saved on entry and put back on exit.
class GlStateBackup {
public:
    GlStateBackup() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &framebuffer_);
        glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_framebuffer_);
        glGetIntegerv(GL_VIEWPORT, viewport_);
        glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
        glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertex_array_);
        glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &array_buffer_);
        glGetIntegerv(GL_ACTIVE_TEXTURE, &active_texture_);
        blend_ = glIsEnabled(GL_BLEND);
        depth_ = glIsEnabled(GL_DEPTH_TEST);
        scissor_ = glIsEnabled(GL_SCISSOR_TEST);
        cull_ = glIsEnabled(GL_CULL_FACE);
        point_size_ = glIsEnabled(GL_PROGRAM_POINT_SIZE);
        glGetIntegerv(GL_BLEND_SRC_RGB, &src_rgb_);
        glGetIntegerv(GL_BLEND_DST_RGB, &dst_rgb_);
        glGetIntegerv(GL_BLEND_SRC_ALPHA, &src_alpha_);
        glGetIntegerv(GL_BLEND_DST_ALPHA, &dst_alpha_);
        glGetFloatv(GL_COLOR_CLEAR_VALUE, clear_);
    }
    ~GlStateBackup() {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(framebuffer_));
        glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_framebuffer_));
        glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
        glUseProgram(static_cast<GLuint>(program_));
        glBindVertexArray(static_cast<GLuint>(vertex_array_));
        glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(array_buffer_));
        glActiveTexture(static_cast<GLenum>(active_texture_));
        set(GL_BLEND, blend_);
        set(GL_DEPTH_TEST, depth_);
        set(GL_SCISSOR_TEST, scissor_);
        set(GL_CULL_FACE, cull_);
        set(GL_PROGRAM_POINT_SIZE, point_size_);
        glBlendFuncSeparate(static_cast<GLenum>(src_rgb_), static_cast<GLenum>(dst_rgb_),
                            static_cast<GLenum>(src_alpha_), static_cast<GLenum>(dst_alpha_));
        glClearColor(clear_[0], clear_[1], clear_[2], clear_[3]);
    }

private:
    static void set(GLenum cap, GLboolean on) { on ? glEnable(cap) : glDisable(cap); }
    GLint framebuffer_ = 0, read_framebuffer_ = 0, viewport_[4] = {}, program_ = 0, vertex_array_ = 0, array_buffer_ = 0, active_texture_ = GL_TEXTURE0;
    GLint src_rgb_ = 0, dst_rgb_ = 0, src_alpha_ = 0, dst_alpha_ = 0;
    GLboolean blend_ = 0, depth_ = 0, scissor_ = 0, cull_ = 0, point_size_ = 0;
    GLfloat clear_[4] = {};
};

void set_view_uniforms(GLuint program, const Camera& camera, geo::XY origin, float opacity) {
    glUseProgram(program);
    glUniform2f(glGetUniformLocation(program, "u_centre"), static_cast<float>(camera.centre().x - origin.x),
                static_cast<float>(camera.centre().y - origin.y));
    glUniform1f(glGetUniformLocation(program, "u_pixels_per_metre"), static_cast<float>(camera.pixels_per_metre()));
    glUniform2f(glGetUniformLocation(program, "u_viewport_px"), static_cast<float>(camera.width_px()),
                static_cast<float>(camera.height_px()));
    glUniform1f(glGetUniformLocation(program, "u_opacity"), opacity);
}

}  // namespace

MapRenderer::MapRenderer()
    : fill_(build_program("fill", shaders::k_fill_vert, shaders::k_fill_frag)),
      line_(build_program("line", shaders::k_line_vert, shaders::k_line_frag)),
      point_(build_program("point", shaders::k_point_vert, shaders::k_point_frag)),
      raster_(build_program("raster", shaders::k_raster_vert, shaders::k_raster_frag)),
      heat_splat_(build_program("heat_splat", shaders::k_heat_splat_vert, shaders::k_heat_splat_frag)),
      heat_colour_(build_program("heat_colour", shaders::k_heat_colour_vert, shaders::k_heat_colour_frag)),
      empty_vao_(make_vertex_array()) {}

void MapRenderer::ensure_target(int width, int height) {
    if (colour_ && width == width_ && height == height_) return;
    colour_ = make_texture();
    glBindTexture(GL_TEXTURE_2D, colour_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    framebuffer_ = make_framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour_.get(), 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error("the map's offscreen framebuffer is incomplete");
    // The heatmap's float target: one 32-bit float per pixel, summed by additive blending.
    heat_texture_ = make_texture();
    glBindTexture(GL_TEXTURE_2D, heat_texture_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, width, height, 0, GL_RED, GL_FLOAT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    heat_framebuffer_ = make_framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, heat_framebuffer_.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, heat_texture_.get(), 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw std::runtime_error("the heatmap's float framebuffer is incomplete (no GL_R32F render target?)");
    width_ = width;
    height_ = height;
}

void MapRenderer::render(const Camera& camera, geo::XY origin, const std::vector<DrawItem>& items,
                         const Colour8& background) {
    GlStateBackup backup;
    GLint texture_binding = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture_binding);
    ensure_target(camera.width_px(), camera.height_px());
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture_binding));

    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer_.get());
    glViewport(0, 0, width_, height_);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_PROGRAM_POINT_SIZE);
    glEnable(GL_BLEND);
    // Colour blends over; alpha accumulates so the texture ends opaque where anything is drawn.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glClearColor(background.r / 255.f, background.g / 255.f, background.b / 255.f, background.a / 255.f);
    glClear(GL_COLOR_BUFFER_BIT);
    heat_drawn_ = false;

    for (const DrawItem& item : items) {
        switch (item.kind) {
            case DrawItem::Kind::fill:
                set_view_uniforms(fill_.get(), camera, origin, item.opacity);
                static_cast<const FillLayer*>(item.layer)->draw();
                break;
            case DrawItem::Kind::line:
                set_view_uniforms(line_.get(), camera, origin, item.opacity);
                static_cast<const LineLayer*>(item.layer)->draw();
                break;
            case DrawItem::Kind::heatmap:
                draw_heatmap(camera, origin, item, framebuffer_.get());
                break;
            case DrawItem::Kind::raster: {
                const auto* raster = static_cast<const RasterLayer*>(item.layer);
                if (raster->empty()) break;
                set_view_uniforms(raster_.get(), camera, origin, item.opacity);
                const float* e = raster->extent();
                glUniform4f(glGetUniformLocation(raster_.get(), "u_extent"), e[0], e[1], e[2], e[3]);
                glUniform1i(glGetUniformLocation(raster_.get(), "u_image"), 0);
                glActiveTexture(GL_TEXTURE0);
                glBindTexture(GL_TEXTURE_2D, raster->texture());
                glBindVertexArray(empty_vao_.get());
                glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
                glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture_binding));
                break;
            }
            case DrawItem::Kind::point:
                set_view_uniforms(point_.get(), camera, origin, item.opacity);
                glUniform1i(glGetUniformLocation(point_.get(), "u_shape"), static_cast<int>(item.shape));
                glUniform1f(glGetUniformLocation(point_.get(), "u_size_scale"), item.size_scale);
                static_cast<const PointLayer*>(item.layer)->draw();
                break;
        }
    }
    glBindVertexArray(0);
}

void MapRenderer::draw_heatmap(const Camera& camera, geo::XY origin, const DrawItem& item, GLuint map_framebuffer) {
    const HeatmapStyle& style = *item.heatmap;
    // Pass 1: densities into the float target, additively.
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, heat_framebuffer_.get());
    const GLfloat zero[4] = {0, 0, 0, 0};
    glClearBufferfv(GL_COLOR, 0, zero);
    glBlendFunc(GL_ONE, GL_ONE);
    set_view_uniforms(heat_splat_.get(), camera, origin, 1);
    glUniform1f(glGetUniformLocation(heat_splat_.get(), "u_bandwidth_m"), style.bandwidth_m);
    glUniform1f(glGetUniformLocation(heat_splat_.get(), "u_scale"), style.scale);
    glUniform1i(glGetUniformLocation(heat_splat_.get(), "u_kernel"), style.kernel);
    static_cast<const HeatPointLayer*>(item.layer)->draw();
    heat_drawn_ = true;

    // Pass 2: colour ramp over the map.
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, map_framebuffer);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(heat_colour_.get());
    glActiveTexture(GL_TEXTURE0);
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, heat_texture_.get());
    glUniform1i(glGetUniformLocation(heat_colour_.get(), "u_density"), 0);
    glUniform2f(glGetUniformLocation(heat_colour_.get(), "u_range"), style.range_min, style.range_max);
    glUniform1f(glGetUniformLocation(heat_colour_.get(), "u_opacity"), style.opacity * item.opacity);
    float stops[20];
    for (int i = 0; i < 5; ++i) {
        stops[i * 4 + 0] = style.stops[i].r / 255.f;
        stops[i * 4 + 1] = style.stops[i].g / 255.f;
        stops[i * 4 + 2] = style.stops[i].b / 255.f;
        stops[i * 4 + 3] = style.stops[i].a / 255.f;
    }
    glUniform4fv(glGetUniformLocation(heat_colour_.get(), "u_stops"), 5, stops);
    glBindVertexArray(empty_vao_.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
}

std::vector<float> MapRenderer::read_densities() const {
    std::vector<float> rows;
    if (!heat_drawn_ || !heat_framebuffer_) return rows;
    rows.resize(static_cast<std::size_t>(width_) * height_);
    GLint previous = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, heat_framebuffer_.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, width_, height_, GL_RED, GL_FLOAT, rows.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous));
    for (int y = 0; y < height_ / 2; ++y)
        std::swap_ranges(rows.begin() + static_cast<std::ptrdiff_t>(y) * width_, rows.begin() + static_cast<std::ptrdiff_t>(y + 1) * width_,
                         rows.begin() + static_cast<std::ptrdiff_t>(height_ - 1 - y) * width_);
    return rows;
}

std::vector<unsigned char> MapRenderer::read_pixels() const {
    std::vector<unsigned char> rows(static_cast<std::size_t>(width_) * height_ * 4);
    if (!framebuffer_) return rows;
    GLint previous = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous));
    // GL's first row is the bottom one.
    const std::size_t stride = static_cast<std::size_t>(width_) * 4;
    for (int y = 0; y < height_ / 2; ++y)
        std::swap_ranges(rows.begin() + static_cast<std::ptrdiff_t>(y * stride),
                         rows.begin() + static_cast<std::ptrdiff_t>((y + 1) * stride),
                         rows.begin() + static_cast<std::ptrdiff_t>((height_ - 1 - y) * stride));
    return rows;
}

}  // namespace map
