#pragma once
// Name tables of the sample district: invented, in the style of Yongkang's estates, villages,
// streets, banks and hardware firms. Any likeness to a real firm or person is chance.
#include <array>
#include <string>
#include <string_view>

namespace sample::detail {

struct PlaceName {
    std::string_view zh;
    std::string_view en;
};

// 18 residential estates (小区/花园/苑) and 18 villages (村): together the 36 neighbourhoods.
extern const std::array<PlaceName, 18> kEstateNames;
extern const std::array<PlaceName, 18> kVillageNames;

extern const std::array<std::string_view, 12> kOfficerNames;
extern const std::array<std::string_view, 8> kBankNames;
extern const std::array<std::string_view, 4> kSchoolNames;
extern const std::array<std::string_view, 6> kEnterpriseNames;
extern const std::array<std::string_view, 4> kCommunityCentreNames;

inline constexpr std::string_view kSubdistrict = "江南街道";
inline constexpr std::string_view kPoliceStationName = "江南派出所";

// "I" and 7 with width 5 -> "I00007".
std::string numbered_id(std::string_view prefix, long number, int width);

}  // namespace sample::detail
