#pragma once
// Error categories. `main` maps BadInput to exit code 2 and everything else to 1.
#include <stdexcept>
#include <string>

namespace geo {

// Base of every error PatrolMap raises on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The user's input is wrong: a file, feature, field, flag or value. Reads as a sentence
// naming what is wrong and where ("incidents.geojson feature 17: field time 'x' is not ISO 8601").
class BadInput : public Error {
public:
    using Error::Error;
};

// Reading or writing a file failed for reasons outside the input's content (disk, permissions).
class IoError : public Error {
public:
    using Error::Error;
};

// A bug or broken invariant inside PatrolMap.
class InternalError : public Error {
public:
    using Error::Error;
};

// Builds the "FILE feature ID: field NAME ..." prefix used by every bad-input message.
std::string where(const std::string& file, const std::string& feature_id = {},
                  const std::string& field = {});

}  // namespace geo
