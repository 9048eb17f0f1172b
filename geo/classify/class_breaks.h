#pragma once
// Class breaks for choropleth maps: quantiles, natural breaks (Fisher–Jenks) and equal intervals.
//
// Breaks are the bounds of the classes, ascending, from the smallest value to the largest:
// k classes have k + 1 bounds. A value equal to an inner bound belongs to the class below it
// (classes are (lower, upper], the first one [min, upper]) — the convention of QGIS's graduated
// renderer, and the one under which Jenks's breaks (each class's largest value) keep every value
// in its own class.
#include <optional>
#include <string_view>
#include <vector>

#include "geo/model/enums.h"

namespace geo {

enum class BreakMethod { quantiles, natural_breaks, equal_interval };

template <> struct EnumNames<BreakMethod> {
    static constexpr std::array<std::string_view, 3> names = {"quantiles", "natural_breaks",
                                                              "equal_interval"};
};

// "quantiles", "natural_breaks" (also "jenks") or "equal_interval"; nullopt for anything else.
std::optional<BreakMethod> parse_break_method(std::string_view text);

// Ascending bounds of `classes` classes over `values`, first = min, last = max, no duplicates.
// NaN and infinite values are ignored. Never more classes than there are distinct values
// (so fewer bounds then); one value (or all equal) gives that value alone; none gives nothing.
//  - equal_interval: min + (max − min)·i/k.
//  - quantiles: the i/k quantiles, interpolated between order statistics (Hyndman & Fan 1996,
//    type 7, the default of R and NumPy); tied values can make bounds coincide, and those merge.
//  - natural_breaks: the exact optimum of Fisher (1958) / Jenks (1977): the partition of the
//    sorted values into k runs with the least total within-class sum of squared deviations,
//    by dynamic programming in O(k·n²) over the n distinct values. Bounds are each class's
//    largest value; when the lowest class holds only the minimum, its upper bound goes halfway
//    to the next value so that it does not coincide with the minimum.
// Throws BadInput when classes < 1.
std::vector<double> class_breaks(std::vector<double> values, int classes, BreakMethod method);

// The class (0 .. breaks.size() − 2) that `value` falls in: a value at an inner bound goes to
// the class below it; values below the minimum go to the first class and above the maximum to
// the last. With a single bound every value is class 0; -1 for NaN or when `breaks` is empty.
int class_of(double value, const std::vector<double>& breaks);

}  // namespace geo
