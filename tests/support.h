#pragma once
// Shared test helpers: temporary folders and the shared data folder.
#include <filesystem>
#include <random>
#include <string>

namespace presswatch::testing {

// A fresh folder under the system temp dir, removed when it goes out of scope.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("presswatch-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// ../shared/data beside the source tree; tests that need it skip where absent.
inline std::filesystem::path shared_data_dir() {
    return std::filesystem::path(PRESSWATCH_SOURCE_DIR) / ".." / "shared" / "data";
}

}  // namespace presswatch::testing
