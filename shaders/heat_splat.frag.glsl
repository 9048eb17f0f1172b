#version 330 core
// K(d; h) = c/h² · profile(d²/h²) for d < h (geo/density/kernels.h), evaluated at this pixel's
// centre; u_scale = c/h² · 10⁶ so the target sums densities per km².
flat in vec2 v_point;
flat in float v_weight;
layout(location = 0) out float o_density;

uniform vec2 u_centre;
uniform float u_pixels_per_metre;
uniform vec2 u_viewport_px;
uniform float u_bandwidth_m;
uniform float u_scale;
uniform int u_kernel;   // 0 quartic, 1 triangular, 2 uniform, 3 epanechnikov, 4 gaussian

void main() {
    // gl_FragCoord.xy is the pixel centre (x + 0.5, y + 0.5), y up like the map.
    vec2 pixel_map = u_centre + (gl_FragCoord.xy - 0.5 * u_viewport_px) / u_pixels_per_metre;
    vec2 d = pixel_map - v_point;
    float q = dot(d, d) / (u_bandwidth_m * u_bandwidth_m);
    if (q >= 1.0) discard;
    float profile;
    if (u_kernel == 1) profile = 1.0 - sqrt(q);
    else if (u_kernel == 2) profile = 1.0;
    else if (u_kernel == 3) profile = 1.0 - q;
    else if (u_kernel == 4) profile = exp(-4.5 * q);
    else profile = (1.0 - q) * (1.0 - q);
    o_density = v_weight * u_scale * profile;
}
