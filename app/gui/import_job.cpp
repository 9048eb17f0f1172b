#include "app/gui/import_job.h"

#include "geo/io/importer.h"

namespace gui {

void ImportJob::start(const std::filesystem::path& workspace, geo::ImportOptions options) {
    result_.reset();
    error_.clear();
    progress_->store(0.0f);
    auto progress = progress_;
    options.progress = [progress](std::size_t done, std::size_t total) {
        progress->store(total ? static_cast<float>(done) / static_cast<float>(total) : 1.0f);
    };
    future_ = std::async(std::launch::async, [workspace, options] { return geo::import_layer(workspace, options); });
    active_ = true;
}

bool ImportJob::running() const { return active_; }

float ImportJob::progress() const { return progress_->load(); }

bool ImportJob::finished() {
    if (!active_ || future_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    active_ = false;
    try {
        result_ = future_.get();
    } catch (const std::exception& e) {
        error_ = e.what();
    }
    return true;
}

}  // namespace gui
