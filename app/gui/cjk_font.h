#pragma once
// Loads Noto Sans CJK SC into ImGui's atlas. ImGui 1.86 draws only glyphs in the atlas
// (anything else shows '?'), so the ranges are the common Chinese set plus every character
// of the UI strings and of the open workspace's text.
#include <string>

namespace gui {

inline constexpr const char* kCjkFontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

// False (with a message on stderr) when the font file is missing: the UI then falls back to
// ImGui's built-in Latin font, and Chinese shows as '?'.
bool load_cjk_font(float size_px, const std::string& extra_text);

}  // namespace gui
