#pragma once
// A GLFW window with an OpenGL 3.3 core context, for the app and the render benchmark.
#include <memory>

#include <GLFW/glfw3.h>

namespace gui {

// glfwInit for a scope; ok() is false without a display.
class GlfwSession {
public:
    GlfwSession();
    ~GlfwSession();
    GlfwSession(const GlfwSession&) = delete;
    GlfwSession& operator=(const GlfwSession&) = delete;
    bool ok() const { return ok_; }

private:
    bool ok_ = false;
};

struct WindowDeleter {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, WindowDeleter>;

// A 3.3 core window with its context current; null (said on stderr) when it cannot be made.
WindowPtr open_gl33_window(int width, int height, const char* title, bool visible);

}  // namespace gui
