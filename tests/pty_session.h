#pragma once
// The presswatch binary on a pseudo-terminal (forkpty), as a person runs it
// over ssh: what it shows is read back, keys are typed into it. For the
// tests of what differs on a terminal (interactive review, crawl progress).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

namespace presswatch::testing {

class PtySession {
public:
    explicit PtySession(const std::vector<std::string>& args) {
        winsize ws{};
        ws.ws_row = 30;
        ws.ws_col = 100;
        pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            std::vector<char*> argv;
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            setenv("TERM", "xterm-256color", 1);
            unsetenv("BROWSER");
            execv(argv[0], argv.data());
            _exit(127);
        }
    }
    ~PtySession() {
        if (pid_ > 0 && !exited_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (fd_ >= 0) close(fd_);
    }

    // Reads until text appears in the output since the last mark; false on
    // a timeout (the program hung) or its end.
    bool wait_for(const std::string& text, int timeout_ms = 10000) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (output_.find(text, mark_) == std::string::npos) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
            char buf[4096];
            ssize_t n = read(fd_, buf, sizeof buf);
            if (n <= 0) return false;
            output_.append(buf, static_cast<std::size_t>(n));
        }
        mark_ = output_.find(text, mark_) + text.size();
        return true;
    }
    void type(const std::string& keys) { REQUIRE(write(fd_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size())); }
    int wait_exit() {
        int status = 0;
        // Drain so that the child never blocks on a full pty.
        while (waitpid(pid_, &status, WNOHANG) == 0) wait_for("\x01never\x02", 200);
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    const std::string& output() const { return output_; }

private:
    int fd_ = -1;
    pid_t pid_ = -1;
    bool exited_ = false;
    std::string output_;
    std::size_t mark_ = 0;
};


}  // namespace presswatch::testing
