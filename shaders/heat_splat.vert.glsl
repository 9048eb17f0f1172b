#version 330 core
// Live heatmap, pass 1: each incident adds its kernel to a float target (additive blending).
// One instance per incident: a quad covering its kernel's support (radius h) plus a pixel.
layout(location = 0) in vec2 a_position;   // map coordinates, metres from origin
layout(location = 1) in float a_weight;

uniform vec2 u_centre;
uniform float u_pixels_per_metre;
uniform vec2 u_viewport_px;
uniform float u_bandwidth_m;

flat out vec2 v_point;       // the incident, map coordinates
flat out float v_weight;

void main() {
    vec2 corner = vec2(float(gl_VertexID % 2), float(gl_VertexID / 2)) * 2.0 - 1.0;
    float half_px = u_bandwidth_m * u_pixels_per_metre + 1.0;
    vec2 centre_px = (a_position - u_centre) * u_pixels_per_metre;
    gl_Position = vec4((centre_px + corner * half_px) / (0.5 * u_viewport_px), 0.0, 1.0);
    v_point = a_position;
    v_weight = a_weight;
}
