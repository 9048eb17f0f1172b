#pragma once
// Every GL object is owned by a handle with a deleter: nothing is freed by hand
// (MapLibre's unique_resource idea).
#include <utility>

#include "app/map/gl.h"

namespace map {

template <void (*Delete)(GLuint)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : id_(id) {}
    ~GlHandle() { reset(); }
    GlHandle(GlHandle&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, 0);
        }
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;

    GLuint get() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    void reset() {
        if (id_) Delete(id_);
        id_ = 0;
    }

private:
    GLuint id_ = 0;
};

namespace detail {
inline void delete_buffer(GLuint id) { glDeleteBuffers(1, &id); }
inline void delete_vertex_array(GLuint id) { glDeleteVertexArrays(1, &id); }
inline void delete_texture(GLuint id) { glDeleteTextures(1, &id); }
inline void delete_framebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
inline void delete_program(GLuint id) { glDeleteProgram(id); }
}  // namespace detail

using UniqueBuffer = GlHandle<detail::delete_buffer>;
using UniqueVertexArray = GlHandle<detail::delete_vertex_array>;
using UniqueTexture = GlHandle<detail::delete_texture>;
using UniqueFramebuffer = GlHandle<detail::delete_framebuffer>;
using UniqueProgram = GlHandle<detail::delete_program>;

inline UniqueBuffer make_buffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return UniqueBuffer(id);
}
inline UniqueVertexArray make_vertex_array() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return UniqueVertexArray(id);
}
inline UniqueTexture make_texture() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return UniqueTexture(id);
}
inline UniqueFramebuffer make_framebuffer() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return UniqueFramebuffer(id);
}

}  // namespace map
