#pragma once
// How to call this program again in a hint the user can paste: the name
// typed when it came from PATH, else the path of the running executable,
// relative to the current folder when that is shorter (an uninstalled
// build is build/presswatch, not presswatch).
#include <string>

namespace presswatch::cli {

// argv0 as main received it. Quoted for a POSIX shell when needed.
std::string program_for_hints(const std::string& argv0);

// A word quoted for a POSIX shell when it holds anything but plain
// characters (paths with spaces, quotes).
std::string shell_word(const std::string& s);

}  // namespace presswatch::cli
