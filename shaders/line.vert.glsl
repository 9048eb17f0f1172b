#version 330 core
// Lines of a constant screen width: each instance is one segment, widened here into a quad
// of four vertices (a triangle strip) along the segment's pixel-space normal.
layout(location = 0) in vec2 a_from;      // map coordinates, metres from origin
layout(location = 1) in vec2 a_to;
layout(location = 2) in vec4 a_colour;
layout(location = 3) in float a_width_px;

uniform vec2 u_centre;
uniform float u_pixels_per_metre;
uniform vec2 u_viewport_px;
uniform float u_opacity;

out vec4 v_colour;
out float v_across_px;      // signed distance from the centre line, pixels
out float v_half_width_px;

void main() {
    vec2 p0 = (a_from - u_centre) * u_pixels_per_metre;
    vec2 p1 = (a_to - u_centre) * u_pixels_per_metre;
    vec2 along = p1 - p0;
    float length_px = length(along);
    vec2 direction = length_px > 1e-6 ? along / length_px : vec2(1.0, 0.0);
    vec2 normal = vec2(-direction.y, direction.x);

    // Half a pixel beyond the nominal width leaves room for the antialiased edge; square caps
    // (extending each end by the half width) close the gaps at joints.
    float half_width = 0.5 * a_width_px + 0.5;
    float end = float(gl_VertexID / 2);             // 0 at a_from, 1 at a_to
    float side = (gl_VertexID % 2 == 0) ? -1.0 : 1.0;
    vec2 position = mix(p0, p1, end) + normal * side * half_width + direction * (2.0 * end - 1.0) * half_width;

    gl_Position = vec4(position / (0.5 * u_viewport_px), 0.0, 1.0);
    v_colour = vec4(a_colour.rgb, a_colour.a * u_opacity);
    v_across_px = side * half_width;
    v_half_width_px = half_width;
}
