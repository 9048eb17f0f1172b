// The Routes tab's words for why a building is left out and for the days' weekdays, in the UI's
// language: in English the CLI's own sentence (geo::english), in Chinese a translation of every
// kind, with the plan's numbers in it.
#include <doctest/doctest.h>

#include "app/gui/i18n.h"
#include "app/gui/text_format.h"
#include "geo/planning/left_out_reason.h"

namespace {

geo::LeftOutReason sample(geo::LeftOutKind kind) {
    switch (kind) {
        case geo::LeftOutKind::window_closes_early: return {kind, {12, 34}};
        case geo::LeftOutKind::visit_too_long: return {kind, {512, 480}};
        case geo::LeftOutKind::no_room_left: return {kind, {5}};
        default: return {kind, {}};
    }
}

bool has_latin_letter(const std::string& text) {
    for (const char c : text)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return false;
}

struct LanguageGuard {
    ~LanguageGuard() { gui::set_language(gui::Language::en); }
};

}  // namespace

TEST_CASE("a left-out building's reason: the CLI's words in English, translated in Chinese, numbers kept") {
    LanguageGuard guard;
    for (const geo::LeftOutKind kind : geo::all_left_out_kinds) {
        for (const geo::LeftOutReason& r : {sample(kind), geo::LeftOutReason{geo::LeftOutKind::no_room_left, {1}}}) {
            CAPTURE(geo::english(r));
            gui::set_language(gui::Language::en);
            CHECK(gui::left_out_text(r) == geo::english(r));
            gui::set_language(gui::Language::zh);
            const std::string zh = gui::left_out_text(r);
            CHECK_FALSE(has_latin_letter(zh));  // untranslated keys come back as English
            for (const double v : r.values) CHECK(zh.find(std::to_string(static_cast<int>(v))) != std::string::npos);
        }
    }
}

TEST_CASE("a day's weekday in the UI's language, from its date") {
    LanguageGuard guard;
    gui::set_language(gui::Language::en);
    CHECK(gui::weekday_of("2021-06-21") == "Mon");
    CHECK(gui::weekday_of("2021-06-25") == "Fri");
    CHECK(gui::weekday_of("2024-03-03") == "Sun");
    CHECK(gui::weekday_of("2021-02-30").empty());
    CHECK(gui::weekday_of("").empty());
    gui::set_language(gui::Language::zh);
    CHECK(gui::weekday_of("2021-06-21") == "周一");
    CHECK(gui::weekday_of("2021-06-26") == "周六");
}
