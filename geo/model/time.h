#pragma once
#include <chrono>

namespace geo {

// Seconds since 1970-01-01T00:00:00Z. Local (zoned) times exist only at the edges.
using Timestamp = std::chrono::sys_seconds;

}  // namespace geo
