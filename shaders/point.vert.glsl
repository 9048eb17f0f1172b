#version 330 core
// Point symbols as GL points: one vertex per feature, sized in pixels (gl_PointSize) around
// the feature's map position. One vertex instead of an instanced quad's four halves the
// vertex work, which dominates with a million incidents on a software rasteriser.
layout(location = 0) in vec2 a_position;   // map coordinates, metres from origin
layout(location = 1) in vec4 a_colour;
layout(location = 2) in float a_size_px;   // diameter

uniform vec2 u_centre;
uniform float u_pixels_per_metre;
uniform vec2 u_viewport_px;
uniform float u_opacity;
uniform float u_size_scale;

out vec4 v_colour;
out float v_size_px;

void main() {
    float size = a_size_px * u_size_scale + 2.0;   // 1 px of margin each side for the edge
    vec2 centre_px = (a_position - u_centre) * u_pixels_per_metre;
    gl_Position = vec4(centre_px / (0.5 * u_viewport_px), 0.0, 1.0);
    gl_PointSize = size;
    v_colour = vec4(a_colour.rgb, a_colour.a * u_opacity);
    v_size_px = size;
}
