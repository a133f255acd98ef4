#pragma once
// How a crawl shows itself, for `crawl` and `serve --crawl-every`: events
// as log lines on stderr (plain "time level outlet url message", or JSON
// lines with --log-format json), on a terminal a progress line redrawn in
// place instead of the info lines, and each pass's summary on stdout (a
// table per outlet, or one JSON line).
#include "pipeline/crawl.h"

namespace presswatch::cli {

struct CrawlLog {
    bool json = false;   // --log-format json
    bool tty = false;    // stderr is a terminal: progress line, no info lines

    void event(const pipeline::CrawlEvent& e);
    void progress(const pipeline::CrawlProgress& p);
    void summary(const pipeline::CrawlSummary& s);

private:
    void clear_line();
    bool line_open_ = false;  // a progress line is on the screen
};

}  // namespace presswatch::cli
