#pragma once
// Runs the web server in the foreground until SIGTERM or SIGINT, then stops
// it gracefully (requests in flight finish). Shared by `serve` and
// `demo --serve`.
#include <string>

#include "config/config.h"
#include "web/serve_options.h"

namespace presswatch::cli {

// Prints the URL (and `extra`, e.g. the demo account) once listening.
int serve_until_signal(const config::Config& cfg, const web::ServeOptions& options, const std::string& extra = {});

}  // namespace presswatch::cli
