#pragma once
// `presswatch review --interactive`: one clipping at a time on a plain
// terminal (raw mode, ANSI escapes only, no curses), so it works the same
// over ssh and inside tmux or screen. The help line is always on screen.
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace presswatch::cli {

// Walks the unreviewed clippings, oldest first, then the unreviewed articles
// that name the province in passing; returns the exit code.
// Throws InputError when standard input is not a terminal.
int review_interactively(store::Store& store, const config::Config& cfg, const std::string& user);

}  // namespace presswatch::cli
