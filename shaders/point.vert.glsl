#version 330 core
// Point symbols as instanced sprites: one instance per feature, a quad of four vertices
// (triangle strip) sized in pixels around the feature's map position.
layout(location = 0) in vec2 a_position;   // map coordinates, metres from origin
layout(location = 1) in vec4 a_colour;
layout(location = 2) in float a_size_px;   // diameter

uniform vec2 u_centre;
uniform float u_pixels_per_metre;
uniform vec2 u_viewport_px;
uniform float u_opacity;
uniform float u_size_scale;

out vec4 v_colour;
out vec2 v_local;          // -1..1 across the sprite
out float v_size_px;

void main() {
    vec2 corner = vec2(float(gl_VertexID % 2), float(gl_VertexID / 2)) * 2.0 - 1.0;
    float size = a_size_px * u_size_scale + 2.0;   // 1 px of margin each side for the edge
    vec2 centre_px = (a_position - u_centre) * u_pixels_per_metre;
    gl_Position = vec4((centre_px + corner * 0.5 * size) / (0.5 * u_viewport_px), 0.0, 1.0);
    v_colour = vec4(a_colour.rgb, a_colour.a * u_opacity);
    v_local = corner;
    v_size_px = size;
}
