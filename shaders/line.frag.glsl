#version 330 core
in vec4 v_colour;
in float v_across_px;
in float v_half_width_px;
layout(location = 0) out vec4 o_colour;

void main() {
    // Coverage falls from 1 to 0 over the outermost pixel: an antialiased edge.
    float coverage = clamp(v_half_width_px - abs(v_across_px), 0.0, 1.0);
    o_colour = vec4(v_colour.rgb, v_colour.a * coverage);
}
