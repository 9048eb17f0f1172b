#pragma once
// OpenGL 3.3 core entry points. Mesa and NVIDIA export them from libGL, so no loader library
// is needed (see ../shared/STACK.md).
#define GL_GLEXT_PROTOTYPES 1
#include <GL/glcorearb.h>
