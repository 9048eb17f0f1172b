#include "app/map/shader_program.h"

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace map {
namespace {

std::string info_log(GLuint object, bool program) {
    GLint length = 0;
    program ? glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length) : glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(length) + 1, '\0');
    program ? glGetProgramInfoLog(object, length, nullptr, log.data())
            : glGetShaderInfoLog(object, length, nullptr, log.data());
    return log.data();
}

GLuint compile(const char* name, GLenum stage, const char* source) {
    const GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = info_log(shader, false);
        glDeleteShader(shader);
        const char* version = reinterpret_cast<const char*>(glGetString(GL_SHADING_LANGUAGE_VERSION));
        std::fprintf(stderr, "patrolmap: %s %s shader failed to compile (GLSL %s):\n%s\n", name,
                     stage == GL_VERTEX_SHADER ? "vertex" : "fragment", version ? version : "?", log.c_str());
        throw std::runtime_error(std::string("shader ") + name + " failed to compile");
    }
    return shader;
}

}  // namespace

UniqueProgram build_program(const char* name, const char* vertex_source, const char* fragment_source) {
    const GLuint vs = compile(name, GL_VERTEX_SHADER, vertex_source);
    const GLuint fs = compile(name, GL_FRAGMENT_SHADER, fragment_source);
    UniqueProgram program(glCreateProgram());
    glAttachShader(program.get(), vs);
    glAttachShader(program.get(), fs);
    glLinkProgram(program.get());
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program.get(), GL_LINK_STATUS, &ok);
    if (!ok) {
        std::fprintf(stderr, "patrolmap: %s program failed to link:\n%s\n", name, info_log(program.get(), true).c_str());
        throw std::runtime_error(std::string("shader program ") + name + " failed to link");
    }
    return program;
}

}  // namespace map
