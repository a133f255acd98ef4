#include "cli/program_path.h"

#include <filesystem>
#include <system_error>

namespace presswatch::cli {

std::string shell_word(const std::string& s) {
    bool plain = !s.empty();
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string_view("/._-+:=@%,").find(c) != std::string_view::npos))
            plain = false;
    if (plain) return s;
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string program_for_hints(const std::string& argv0) {
    namespace fs = std::filesystem;
    // Found through PATH: the same word works again.
    if (argv0.find('/') == std::string::npos) return shell_word(argv0.empty() ? "presswatch" : argv0);
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = fs::absolute(argv0, ec);
    if (ec) return shell_word(argv0);
    fs::path cwd = fs::current_path(ec);
    std::string best = exe.string();
    if (!ec) {
        std::string rel = exe.lexically_relative(cwd).string();
        // A bare name would be looked up in PATH: keep it a path.
        if (!rel.empty() && rel.find('/') == std::string::npos) rel = "./" + rel;
        if (!rel.empty() && rel.size() < best.size()) best = rel;
    }
    return shell_word(best);
}

}  // namespace presswatch::cli
