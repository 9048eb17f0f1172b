#pragma once
// An import running on a worker thread, so the window keeps drawing and shows progress.
#include <atomic>
#include <filesystem>
#include <future>
#include <optional>
#include <string>

#include "geo/io/import_options.h"

namespace gui {

class ImportJob {
public:
    void start(const std::filesystem::path& workspace, geo::ImportOptions options);
    bool running() const;
    float progress() const;  // 0..1
    // Once finished: the result, or the error message (bad input reads as a sentence).
    bool finished();
    const std::optional<geo::ImportResult>& result() const { return result_; }
    const std::string& error() const { return error_; }

private:
    std::future<geo::ImportResult> future_;
    std::shared_ptr<std::atomic<float>> progress_ = std::make_shared<std::atomic<float>>(0.0f);
    std::optional<geo::ImportResult> result_;
    std::string error_;
    bool active_ = false;
};

}  // namespace gui
