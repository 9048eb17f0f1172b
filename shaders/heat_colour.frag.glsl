#version 330 core
// Densities to colours: a five-stop ramp from u_range.x (transparent below) to u_range.y.
in vec2 v_uv;
layout(location = 0) out vec4 o_colour;

uniform sampler2D u_density;
uniform vec2 u_range;          // per km²
uniform float u_opacity;
uniform vec4 u_stops[5];       // ramp colours, low to high

void main() {
    float density = texture(u_density, v_uv).r;
    if (density <= u_range.x) discard;
    float t = clamp((density - u_range.x) / max(u_range.y - u_range.x, 1e-12), 0.0, 1.0) * 4.0;
    int i = min(int(t), 3);
    vec4 colour = mix(u_stops[i], u_stops[i + 1], t - float(i));
    // Fade in over the lowest fifth so the heat has no hard edge.
    float alpha = colour.a * u_opacity * clamp(t * 1.5, 0.0, 1.0);
    o_colour = vec4(colour.rgb, alpha);
}
