#pragma once
// OpenGL 3.3 core entry points. Mesa and NVIDIA export them from libGL, so no loader library
// is needed (GL_GLEXT_PROTOTYPES with glcorearb.h declares them).
#define GL_GLEXT_PROTOTYPES 1
#include <GL/glcorearb.h>
