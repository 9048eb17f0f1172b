#version 330 core
in vec2 v_uv;
layout(location = 0) out vec4 o_colour;

uniform sampler2D u_image;
uniform float u_opacity;

void main() {
    vec4 texel = texture(u_image, v_uv);
    o_colour = vec4(texel.rgb, texel.a * u_opacity);
}
