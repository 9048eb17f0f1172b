#version 330 core
// Symbol shapes by signed distance (pixels, negative inside), with a dark outline so that
// symbols stay readable on any fill.
in vec4 v_colour;
in float v_size_px;
layout(location = 0) out vec4 o_colour;

uniform int u_shape;   // 0 circle, 1 square, 2 diamond, 3 triangle

void main() {
    // gl_PointCoord runs 0..1 left to right and top to bottom across the point.
    vec2 p = (gl_PointCoord - 0.5) * vec2(1.0, -1.0) * v_size_px;   // pixels from the centre, y up
    float radius = 0.5 * v_size_px - 1.0;
    float d;
    if (u_shape == 1) {
        vec2 q = abs(p) - vec2(radius * 0.85);
        d = max(q.x, q.y);
    } else if (u_shape == 2) {
        d = (abs(p.x) + abs(p.y) - radius) * 0.7071;
    } else if (u_shape == 3) {
        // Equilateral triangle pointing up: three half-planes.
        vec2 q = vec2(abs(p.x), p.y + radius * 0.25);
        d = max(q.x * 0.866 + q.y * 0.5, -q.y) - radius * 0.5;
    } else {
        d = length(p) - radius;
    }
    float coverage = clamp(0.5 - d, 0.0, 1.0);
    float outline = clamp(d + 1.8, 0.0, 1.0);     // the last ~1.3 px inside the edge
    vec3 rgb = mix(v_colour.rgb, v_colour.rgb * 0.35, outline);
    o_colour = vec4(rgb, v_colour.a * coverage);
}
