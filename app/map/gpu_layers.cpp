#include "app/map/gpu_layers.h"

#include <cstddef>

namespace map {
namespace {

void ensure(UniqueVertexArray& vao, UniqueBuffer& vbo) {
    if (!vao) vao = make_vertex_array();
    if (!vbo) vbo = make_buffer();
}

const void* offset(std::size_t bytes) { return reinterpret_cast<const void*>(bytes); }

}  // namespace

void FillLayer::upload(const std::vector<FillVertex>& triangles) {
    ensure(vao_, vbo_);
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(triangles.size() * sizeof(FillVertex)), triangles.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex), offset(offsetof(FillVertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(FillVertex), offset(offsetof(FillVertex, colour)));
    glBindVertexArray(0);
    count_ = triangles.size();
}

void FillLayer::draw() const {
    if (!count_) return;
    glBindVertexArray(vao_.get());
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(count_));
}

void LineLayer::upload(const std::vector<LineSegment>& segments) {
    ensure(vao_, vbo_);
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(segments.size() * sizeof(LineSegment)), segments.data(), GL_STATIC_DRAW);
    const GLsizei stride = sizeof(LineSegment);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, offset(offsetof(LineSegment, x0)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, offset(offsetof(LineSegment, x1)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, offset(offsetof(LineSegment, colour)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, offset(offsetof(LineSegment, width_px)));
    for (GLuint a = 0; a < 4; ++a) glVertexAttribDivisor(a, 1);
    glBindVertexArray(0);
    count_ = segments.size();
}

void LineLayer::draw() const {
    if (!count_) return;
    glBindVertexArray(vao_.get());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count_));
}

void PointLayer::upload(const std::vector<PointSprite>& points) {
    ensure(vao_, vbo_);
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(points.size() * sizeof(PointSprite)), points.data(), GL_DYNAMIC_DRAW);
    const GLsizei stride = sizeof(PointSprite);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, offset(offsetof(PointSprite, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, offset(offsetof(PointSprite, colour)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, offset(offsetof(PointSprite, size_px)));
    glBindVertexArray(0);
    count_ = points.size();
}

void PointLayer::draw() const {
    if (!count_) return;
    glBindVertexArray(vao_.get());
    glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(count_));
}

void HeatPointLayer::upload(const std::vector<HeatPoint>& points) {
    ensure(vao_, vbo_);
    glBindVertexArray(vao_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(points.size() * sizeof(HeatPoint)), points.data(), GL_DYNAMIC_DRAW);
    const GLsizei stride = sizeof(HeatPoint);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, offset(offsetof(HeatPoint, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, stride, offset(offsetof(HeatPoint, weight)));
    glVertexAttribDivisor(0, 1);
    glVertexAttribDivisor(1, 1);
    glBindVertexArray(0);
    count_ = points.size();
}

void HeatPointLayer::draw() const {
    if (!count_) return;
    glBindVertexArray(vao_.get());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count_));
}

void RasterLayer::upload(const std::vector<std::uint8_t>& rgba, int width, int height, float min_x, float min_y, float max_x,
                         float max_y) {
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    texture_ = make_texture();
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    extent_[0] = min_x, extent_[1] = min_y, extent_[2] = max_x, extent_[3] = max_y;
}

void RasterLayer::clear() { texture_.reset(); }

}  // namespace map
