#pragma once
// Compiles and links a GLSL program; a failure prints the info log and the GLSL version
// (as ImGui's CheckShader does) and throws.
#include <string>

#include "app/map/gl_handles.h"

namespace map {

UniqueProgram build_program(const char* name, const char* vertex_source, const char* fragment_source);

}  // namespace map
