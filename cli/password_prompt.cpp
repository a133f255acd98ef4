#include "cli/password_prompt.h"

#include <csignal>
#include <iostream>
#include <iterator>
#include <optional>
#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/error.h"

namespace presswatch::cli {
namespace {

// The terminal's settings before echo was turned off, for the signal
// handler: Ctrl-C at the prompt must not leave the shell without echo.
termios saved_terminal;

extern "C" void restore_terminal_and_reraise(int sig) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved_terminal);  // async-signal-safe
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

// Turns echo off on standard input for its lifetime.
class EchoOff {
public:
    EchoOff() {
        if (tcgetattr(STDIN_FILENO, &saved_terminal) != 0)
            throw InputError("cannot read the terminal's settings to hide the password: use --password-stdin");
        for (int sig : signals) previous_[index(sig)] = std::signal(sig, restore_terminal_and_reraise);
        termios quiet = saved_terminal;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        quiet.c_lflag |= ECHONL;  // the Enter key still moves to the next line
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ~EchoOff() {
        tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_terminal);
        for (int sig : signals) std::signal(sig, previous_[index(sig)]);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    static constexpr int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    static std::size_t index(int sig) {
        for (std::size_t i = 0; i < std::size(signals); ++i)
            if (signals[i] == sig) return i;
        return 0;
    }
    void (*previous_[std::size(signals)])(int) = {};
};

// One line without its end (\n or \r\n); nullopt at the end of input.
std::optional<std::string> read_line() {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::string ask(const std::string& prompt) {
    EchoOff quiet;  // before the prompt: what is typed once it shows is never echoed
    std::cerr << prompt << std::flush;
    auto line = read_line();
    if (!line) throw InputError("no password was typed (end of input): nothing changed");
    return *line;
}

}  // namespace

std::string read_new_password(const std::string& account, bool from_stdin) {
    if (from_stdin) {
        auto line = read_line();
        if (!line || line->empty())
            throw InputError("--password-stdin: standard input held no password; give it on the first line, e.g. "
                             "printf '%s\\n' \"$PASS\" | presswatch user add ...");
        return *line;
    }
    if (isatty(STDIN_FILENO) != 1)
        throw InputError(fmt::format("no terminal to ask {}'s password on: run the command in a terminal, or pipe "
                                     "the password in with --password-stdin",
                                     account));
    std::string first = ask(fmt::format("Mật khẩu cho {}: ", account));
    std::string second = ask("Nhập lại mật khẩu: ");
    if (first != second) throw InputError("the two passwords differ: nothing changed; run the command again");
    return first;
}

}  // namespace presswatch::cli
