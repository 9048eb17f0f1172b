#pragma once
// Number plates as keys. A camera reads "浙GG0X58", a registry writes "浙G·G0X58" or "浙g g0x58":
// the same plate. Sightings find their vehicle by the key, never by the text as written.
#include <string>
#include <string_view>

namespace geo {

// The plate without separators (spaces, '-', '.', the middle dot '·' of printed plates) and with
// Latin letters in upper case; the province character and the rest kept as they are.
std::string plate_key(std::string_view plate);

}  // namespace geo
