#include "geo/density/kernels.h"

#include <cmath>
#include <numbers>

namespace geo {

std::string_view name_of(Kernel kernel) { return kernel_names[static_cast<std::size_t>(kernel)]; }

std::optional<Kernel> parse_kernel(std::string_view text) {
    if (text == "biweight") return Kernel::quartic;
    for (std::size_t i = 0; i < kernel_names.size(); ++i)
        if (kernel_names[i] == text) return static_cast<Kernel>(i);
    return std::nullopt;
}

std::string allowed_kernel_names() {
    std::string out;
    for (std::size_t i = 0; i < kernel_names.size(); ++i) {
        if (i) out += (i + 1 == kernel_names.size()) ? " or " : ", ";
        out += kernel_names[i];
    }
    return out;
}

double kernel_constant(Kernel kernel) {
    using std::numbers::pi;
    switch (kernel) {
        case Kernel::uniform: return 1 / pi;
        case Kernel::triangular: return 3 / pi;
        case Kernel::epanechnikov: return 2 / pi;
        case Kernel::quartic: return 3 / pi;
        // 1/(2πσ²) with σ = h/3, over the mass inside 3σ.
        case Kernel::gaussian: return 9 / (2 * pi * (1 - std::exp(-4.5)));
    }
    return 0;
}

double kernel_profile(Kernel kernel, double q) {
    if (!(q < 1)) return 0;
    switch (kernel) {
        case Kernel::uniform: return 1;
        case Kernel::triangular: return 1 - std::sqrt(q);
        case Kernel::epanechnikov: return 1 - q;
        case Kernel::quartic: return (1 - q) * (1 - q);
        case Kernel::gaussian: return std::exp(-4.5 * q);
    }
    return 0;
}

double kernel_value_per_m2(Kernel kernel, double d_m, double bandwidth_m) {
    const double q = (d_m * d_m) / (bandwidth_m * bandwidth_m);
    return kernel_constant(kernel) / (bandwidth_m * bandwidth_m) * kernel_profile(kernel, q);
}

}  // namespace geo
