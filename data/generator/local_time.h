#pragma once
// Local (Asia/Shanghai) wall-clock times to the model's UTC timestamps. China keeps UTC+8 all
// year with no daylight saving since 1991, so a fixed offset is exact for 2020-2021.
#include <chrono>

#include "geo/model/district.h"

namespace sample::detail {

inline constexpr std::chrono::hours kShanghaiUtcOffset{8};

inline geo::Timestamp from_shanghai(std::chrono::year_month_day day,
                                    std::chrono::seconds time_of_day) {
    return std::chrono::sys_days{day} + time_of_day - kShanghaiUtcOffset;
}

}  // namespace sample::detail
