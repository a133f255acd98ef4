#include "cli/review_terminal.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "briefing/labels.h"
#include "briefing/month_report.h"
#include "cli/workflow_args.h"
#include "core/error.h"
#include "store/workflow.h"
#include "text/dates.h"

extern char** environ;

namespace presswatch::cli {
namespace {

constexpr const char* help_line =
    "r liên quan · n không liên quan · f cần trả lời · t lĩnh vực · c ghi chú · o mở liên kết · "
    "→/space tiếp · ← lùi · q thoát";
// Wait this long for the rest of an escape sequence (arrow keys) before
// taking a lone Esc: long enough for ssh, short enough not to be felt.
constexpr int escape_wait_ms = 60;

// Raw mode for as long as it lives; the terminal is restored however we leave.
class RawTerminal {
public:
    RawTerminal() {
        if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
            throw InputError("review --interactive needs a terminal; use `presswatch review` to list, `mark` to decide");
        tcgetattr(STDIN_FILENO, &saved_);
        termios raw = saved_;
        raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO | ISIG | IEXTEN));
        raw.c_iflag &= static_cast<tcflag_t>(~(IXON | ICRNL));
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
    }
    ~RawTerminal() {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
        write_out("\x1b[0m\n");
    }
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;

    static void write_out(const std::string& s) {
        std::size_t done = 0;
        while (done < s.size()) {
            ssize_t n = ::write(STDOUT_FILENO, s.data() + done, s.size() - done);
            if (n <= 0) return;
            done += static_cast<std::size_t>(n);
        }
    }
    static int width() {
        winsize ws{};
        return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20 ? ws.ws_col : 80;
    }

private:
    termios saved_{};
};

enum class Key { none, next, previous, relevant, not_relevant, flag, topics, note, open, quit, other };

int read_byte(int timeout_ms) {
    if (timeout_ms >= 0) {
        pollfd p{STDIN_FILENO, POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) return -1;
    }
    unsigned char c;
    return ::read(STDIN_FILENO, &c, 1) == 1 ? c : -2;
}

Key read_key() {
    int c = read_byte(-1);
    switch (c) {
        case -2: case 'q': case 'Q': case 3: case 4: return Key::quit;  // EOF, Ctrl-C, Ctrl-D
        case 'r': case 'R': return Key::relevant;
        case 'n': case 'N': return Key::not_relevant;
        case 'f': case 'F': return Key::flag;
        case 't': case 'T': return Key::topics;
        case 'c': case 'C': return Key::note;
        case 'o': case 'O': return Key::open;
        case ' ': case 'j': case 's': return Key::next;
        case 'k': case 'p': return Key::previous;
        case 27: {
            int a = read_byte(escape_wait_ms);
            if (a != '[' && a != 'O') return Key::none;
            int b = read_byte(escape_wait_ms);
            if (b == 'C' || b == 'B') return Key::next;
            if (b == 'D' || b == 'A') return Key::previous;
            return Key::none;
        }
        default: return Key::other;
    }
}

// A line typed at a prompt; nullopt when cancelled with Esc or Ctrl-C.
std::optional<std::string> read_line(const std::string& prompt) {
    RawTerminal::write_out("\r\x1b[K\x1b[1m" + prompt + "\x1b[0m");
    std::string line;
    while (true) {
        int c = read_byte(-1);
        if (c == '\r' || c == '\n') return line;
        if (c == 27 || c == 3 || c == -2) return std::nullopt;
        if (c == 127 || c == 8) {
            if (line.empty()) continue;
            // Drop one UTF-8 character, not one byte.
            while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) line.pop_back();
            if (!line.empty()) line.pop_back();
            RawTerminal::write_out("\b \b");
            continue;
        }
        if (c >= 0x20) {
            line += static_cast<char>(c);
            RawTerminal::write_out(std::string(1, static_cast<char>(c)));
        }
    }
}

// Words wrapped to width columns (code points, as the terminal counts them).
std::string wrap(const std::string& text, int width) {
    std::istringstream in(text);
    std::string word, out, line;
    auto columns = [](const std::string& s) {
        int n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    };
    while (in >> word) {
        if (!line.empty() && columns(line) + 1 + columns(word) > width) {
            out += line + "\r\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line + "\r\n";
}

void open_link(const std::string& url, std::string& status) {
    const char* browser = std::getenv("BROWSER");
    if (browser && *browser) {
        pid_t pid;
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        char* argv[] = {const_cast<char*>(browser), const_cast<char*>(url.c_str()), nullptr};
        int rc = posix_spawnp(&pid, browser, &fa, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        status = rc == 0 ? "Đã mở bằng " + std::string(browser) : "Không mở được bằng $BROWSER (" + std::string(browser) + ")";
        return;
    }
    // Over ssh there is no browser here: a terminal hyperlink (OSC 8) the
    // user's own terminal can open, and the address to copy.
    status = "Liên kết: \x1b]8;;" + url + "\x1b\\" + url + "\x1b]8;;\x1b\\";
}

std::vector<std::string> split_words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

}  // namespace

int review_interactively(store::Store& st, const config::Config& cfg, const std::string& user) {
    store::Workflow wf(st, user);
    // Subject items first, then those naming the province in passing.
    auto ids = wf.unreviewed();
    auto passing = wf.unreviewed_passing();
    ids.insert(ids.end(), passing.begin(), passing.end());
    if (ids.empty()) {
        std::cout << "Không có tin chưa duyệt.\n";
        return 0;
    }
    RawTerminal term;
    std::size_t i = 0, decided = 0;
    std::string status;
    while (i < ids.size()) {
        auto a = st.article(ids[i]);
        if (!a) {
            ++i;
            continue;
        }
        int width = RawTerminal::width();
        std::string screen = "\x1b[2J\x1b[H";
        screen += fmt::format("\x1b[7m presswatch · duyệt tin {}/{} \x1b[0m\r\n\r\n", i + 1, ids.size());
        auto when = a->article.published.value_or(a->fetched);
        screen += fmt::format("[{}] {} · {}{}{}\r\n", a->id, briefing::outlet_name_kind(cfg, a->outlet).first,
                              text::vietnamese_datetime(when),
                              a->mention_level == "passing" ? " · nhắc qua đến tỉnh" : "",
                              a->flagged ? " · \x1b[31mCẦN TRẢ LỜI\x1b[0m" : "");
        screen += "\x1b[1m" + wrap(a->article.headline, width) + "\x1b[0m";
        if (!a->article.description.empty()) screen += wrap(a->article.description, width);
        screen += a->article.url + "\r\n\r\n";
        std::string topics;
        for (const auto& t : a->topics) topics += (topics.empty() ? "" : ", ") + briefing::topic_label(cfg, t);
        screen += fmt::format("Lĩnh vực: {} · Sắc thái: {} · Trạng thái: {}\r\n", topics.empty() ? "-" : topics,
                              briefing::tone_label(a->tone), a->review);
        for (const auto& w : store::review_reasons(*a)) screen += wrap("Lý do: " + w, width);
        screen += "\r\n" + (status.empty() ? std::string() : status + "\r\n");
        screen += "\x1b[2m" + wrap(help_line, width) + "\x1b[0m";
        RawTerminal::write_out(screen);
        status.clear();

        try {
            switch (read_key()) {
                case Key::quit: i = ids.size(); break;
                case Key::next: ++i; break;
                case Key::previous: if (i > 0) --i; break;
                case Key::relevant: wf.set_review(a->id, "relevant"), ++decided, ++i; break;
                case Key::not_relevant: wf.set_review(a->id, "not-relevant"), ++decided, ++i; break;
                case Key::flag:
                    if (auto reason = read_line("Lý do cần trả lời (Enter để ghi, Esc để bỏ): ")) {
                        wf.set_flag(a->id, *reason);
                        status = "Đã đánh dấu cần trả lời.";
                    }
                    break;
                case Key::topics:
                    if (auto line = read_line("Lĩnh vực (+them -bot, vd. +dat-dai -kinh-te): ")) {
                        std::vector<std::string> add, remove;
                        for (const auto& w : split_words(*line)) {
                            if (w.size() > 1 && w[0] == '-') remove.push_back(w.substr(1));
                            else add.push_back(w[0] == '+' ? w.substr(1) : w);
                        }
                        check_topics(cfg, add);
                        wf.change_topics(a->id, add, remove);
                        status = "Đã cập nhật lĩnh vực.";
                    }
                    break;
                case Key::note:
                    if (auto note = read_line("Ghi chú: ")) {
                        wf.add_note(a->id, *note);
                        status = "Đã lưu ghi chú.";
                    }
                    break;
                case Key::open: open_link(a->article.url, status); break;
                case Key::none: break;
                case Key::other: status = "Phím không dùng; xem dòng hướng dẫn bên dưới."; break;
            }
        } catch (const InputError& e) {
            status = std::string("\x1b[31m") + e.what() + "\x1b[0m";
        }
    }
    RawTerminal::write_out(fmt::format("\x1b[2J\x1b[HĐã duyệt {} tin.\r\n", decided));
    return 0;
}

}  // namespace presswatch::cli
