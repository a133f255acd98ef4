#pragma once
// The built `presswatch serve` (or any command) as a background process,
// as systemd runs it: its output in a log file, its URL read from that
// log, signals sent to it by pid. For the tests of the web server's
// lifetime: SIGKILL and restart, SIGTERM, the crawl it runs.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace presswatch::testing {

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline bool wait_until(const std::function<bool()>& cond,
                       std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (cond()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return cond();
}

class Process {
public:
    // Runs PRESSWATCH_BINARY with args; stdout and stderr appended to log.
    Process(const std::vector<std::string>& args, std::filesystem::path log)
        : Process(PRESSWATCH_BINARY, args, std::move(log)) {}
    // Runs binary with args (a benchmark comparing an older build).
    Process(const std::string& binary, const std::vector<std::string>& args, std::filesystem::path log)
        : log_(std::move(log)) {
        std::vector<std::string> all = {binary};
        all.insert(all.end(), args.begin(), args.end());
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            int fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            dup2(fd, 1);
            dup2(fd, 2);
            std::vector<char*> argv;
            for (auto& a : all) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
    }
    ~Process() {
        if (!exited_) {
            ::kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    pid_t pid() const { return pid_; }
    std::string log() const { return read_text(log_); }
    void signal(int sig) const { ::kill(pid_, sig); }
    // The exit code, or 128 + the signal that ended it.
    int wait_exit() {
        int status = 0;
        waitpid(pid_, &status, 0);
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    bool running() {
        if (exited_) return false;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == 0) return true;
        exited_ = true;
        return false;
    }
    // The port of "http://127.0.0.1:PORT/" once `serve` printed it; throws
    // with the log when it exits or stays silent.
    int wait_for_port(std::chrono::milliseconds limit = std::chrono::seconds(30)) {
        static const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
        std::smatch m;
        std::string text;
        bool seen = wait_until([&] {
            text = log();
            return std::regex_search(text, m, url) || !running();
        }, limit);
        if (!seen || !std::regex_search(text, m, url))
            throw std::runtime_error("serve did not start; its output:\n" + text);
        return std::stoi(m[1]);
    }

private:
    std::filesystem::path log_;
    pid_t pid_ = -1;
    bool exited_ = false;
};

}  // namespace presswatch::testing
