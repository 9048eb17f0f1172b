#include "app/gui/cjk_font.h"

#include <cstdio>
#include <filesystem>

#include <imgui.h>
#include <imgui_freetype.h>

namespace gui {

bool load_cjk_font(float size_px, const std::string& extra_text) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    if (!std::filesystem::exists(kCjkFontPath)) {
        std::fprintf(stderr, "patrolmap: %s is missing; install fonts-noto-cjk to see Chinese text\n", kCjkFontPath);
        io.Fonts->AddFontDefault();
        return false;
    }
    static ImVector<ImWchar> ranges;  // must outlive the atlas build
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    builder.AddText("¥×–—…·“”‘’（）：，。、％");
    builder.AddText(extra_text.c_str());
    builder.BuildRanges(&ranges);

    ImFontConfig config;
    config.FontNo = 2;  // the .ttc's Simplified Chinese face
    config.OversampleH = 1;
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->AddFontFromFileTTF(kCjkFontPath, size_px, &config, ranges.Data);
    return true;
}

}  // namespace gui
