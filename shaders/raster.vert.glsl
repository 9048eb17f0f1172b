#version 330 core
// A georeferenced image (the offline basemap) as one textured quad: four vertices
// (a triangle strip) at the corners of its extent, in map coordinates.
uniform vec2 u_centre;
uniform float u_pixels_per_metre;
uniform vec2 u_viewport_px;
uniform vec4 u_extent;   // min_x, min_y, max_x, max_y (metres from origin)

out vec2 v_uv;

void main() {
    vec2 corner = vec2(float(gl_VertexID % 2), float(gl_VertexID / 2));   // (0,0) south-west … (1,1) north-east
    vec2 position = mix(u_extent.xy, u_extent.zw, corner);
    gl_Position = vec4((position - u_centre) * u_pixels_per_metre / (0.5 * u_viewport_px), 0.0, 1.0);
    v_uv = vec2(corner.x, 1.0 - corner.y);   // the image's first row is its northern edge
}
