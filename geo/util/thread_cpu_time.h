#pragma once
// The CPU time the calling thread has used, in seconds: what "10 s on one core" means on a
// machine that other programs share, where the wall clock also counts their turns.
#include <ctime>

namespace geo {

inline double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace geo
