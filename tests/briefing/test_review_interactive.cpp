#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "report_fixture.h"
#include "store/workflow.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::TempDir;

namespace {

// The presswatch binary on a pseudo-terminal, as over ssh: what it shows
// is read back, keys are typed into it.
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

}  // namespace

TEST_CASE("interactive review on a pseudo-terminal records each key's decision") {
    TempDir dir;
    std::vector<std::int64_t> ids;
    {
        store::Store s(dir.path());
        ids = presswatch::testing::seed_fixture(s);
    }
    PtySession pty({PRESSWATCH_BINARY, "--data", dir.path().string(), "--user", "thu", "review", "--interactive"});
    // The three clippings come oldest first; the help line is on every screen.
    REQUIRE(pty.wait_for("duyệt tin 1/3"));
    REQUIRE(pty.wait_for("r liên quan"));
    pty.type("r");
    REQUIRE(pty.wait_for("duyệt tin 2/3"));
    REQUIRE(pty.wait_for("q thoát"));
    pty.type("n");
    REQUIRE(pty.wait_for("duyệt tin 3/3"));
    pty.type("x");  // an unused key: a hint, nothing changes
    REQUIRE(pty.wait_for("Phím không dùng"));
    pty.type("f");
    REQUIRE(pty.wait_for("Lý do cần trả lời"));
    pty.type("dân phản ánh chậm bồi thường\r");
    REQUIRE(pty.wait_for("Đã đánh dấu cần trả lời"));
    pty.type("t");
    REQUIRE(pty.wait_for("Lĩnh vực (+them"));
    pty.type("+kinh-te -giao-thong\r");
    REQUIRE(pty.wait_for("Đã cập nhật lĩnh vực"));
    pty.type("c");
    REQUIRE(pty.wait_for("Ghi chú:"));
    // Backspace takes one letter, however many bytes: 18 of them erase it all.
    pty.type("hỏi lại phóng viên" + std::string(18, '\x7f') + "xã\r");
    REQUIRE(pty.wait_for("Đã lưu ghi chú"));
    pty.type("o");
    REQUIRE(pty.wait_for("Liên kết: "));
    pty.type("q");
    CHECK(pty.wait_exit() == 0);

    store::Store s(dir.path());
    CHECK(s.article(ids[0])->review == "relevant");
    CHECK(s.article(ids[1])->review == "not-relevant");
    auto third = s.article(ids[2]);
    CHECK(third->review == "new");
    CHECK(third->flagged);
    CHECK(third->topics == std::vector<std::string>{"dat-dai", "kinh-te"});
    store::Workflow wf(s, "x");
    REQUIRE(wf.notes(ids[2]).size() == 1);
    CHECK(wf.notes(ids[2])[0].text == "xã");
    CHECK(wf.audit_log(ids[0]).at(0).user == "thu");
}

TEST_CASE("interactive review without a terminal says what to do instead") {
    TempDir dir;
    {
        store::Store s(dir.path());
        presswatch::testing::seed_fixture(s);
    }
    std::string cmd = std::string(PRESSWATCH_BINARY) + " --data " + dir.path().string() +
                      " review --interactive </dev/null >" + (dir.path() / "out").string() + " 2>&1";
    int rc = std::system(cmd.c_str());
    CHECK(WEXITSTATUS(rc) == 2);
    CHECK(presswatch::testing::read_all(dir.path() / "out").find("needs a terminal") != std::string::npos);
}
