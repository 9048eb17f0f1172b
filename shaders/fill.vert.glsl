#version 330 core
// Polygon fills: triangles in map coordinates (metres from the map origin, so float32 keeps
// millimetres), one colour per vertex (choropleth classes are written per polygon).
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_colour;

uniform vec2 u_centre;             // map coordinates at the viewport centre (metres from origin)
uniform float u_pixels_per_metre;
uniform vec2 u_viewport_px;
uniform float u_opacity;

out vec4 v_colour;

void main() {
    vec2 offset_px = (a_position - u_centre) * u_pixels_per_metre;
    gl_Position = vec4(offset_px / (0.5 * u_viewport_px), 0.0, 1.0);
    v_colour = vec4(a_colour.rgb, a_colour.a * u_opacity);
}
