#include "app/gui/gl_window.h"

#include <cstdio>

namespace gui {

GlfwSession::GlfwSession() {
    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
    ok_ = glfwInit();
}

GlfwSession::~GlfwSession() {
    if (ok_) glfwTerminate();
}

WindowPtr open_gl33_window(int width, int height, const char* title, bool visible) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    WindowPtr window(glfwCreateWindow(width, height, title, nullptr, nullptr));
    if (!window) {
        std::fprintf(stderr, "patrolmap: cannot create an OpenGL 3.3 window\n");
        return window;
    }
    glfwMakeContextCurrent(window.get());
    return window;
}

}  // namespace gui
