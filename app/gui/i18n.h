#pragma once
// UI strings in zh-CN and English, switched at run time. Keys are the English text.
#include <string>
#include <string_view>

namespace gui {

enum class Language { zh, en };

// From --lang, else from LANG/LC_ALL (zh* gives Chinese), else English.
Language language_from(const std::string& flag);

// The text for `english` in the current language (english itself when untranslated).
const char* tr(const char* english);
void set_language(Language language);
Language current_language();

// Every translated string, for building the font atlas's glyph ranges.
std::string all_translations();

// Display names for stored enum names (fraud types, outcomes ...).
const char* tr_value(std::string_view stored_name);

}  // namespace gui
