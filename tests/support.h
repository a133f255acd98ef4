#pragma once
// Shared test helpers: temporary folders and the shared data folder.
#include <cstdio>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <sys/wait.h>

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

// What a command printed and how it exited.
struct CommandResult {
    int code = -1;     // exit code; -1 when killed by a signal
    std::string out;   // standard output (add "2>&1" to the line for stderr)
};

// Runs a shell command line to the end, as a user would type it.
inline CommandResult run_shell(const std::string& command_line) {
    FILE* p = popen(command_line.c_str(), "r");
    if (!p) throw std::runtime_error("cannot run: " + command_line);
    CommandResult r;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// The built `presswatch` with args (already shell-quoted), stderr folded
// into stdout.
inline CommandResult run_presswatch(const std::string& args) {
    return run_shell(std::string(PRESSWATCH_BINARY) + " " + args + " 2>&1");
}

}  // namespace presswatch::testing
