#pragma once
// Reads a new password for a command: asked twice on the terminal without
// echo, or the first line of standard input (--password-stdin, for scripts
// and tests). Never prints or logs what was typed.
#include <string>

namespace presswatch::cli {

// account: named in the prompt. Throws InputError when standard input is
// not a terminal and from_stdin is false, when the two entries differ, or
// when nothing was given.
std::string read_new_password(const std::string& account, bool from_stdin);

}  // namespace presswatch::cli
