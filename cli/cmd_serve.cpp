// presswatch serve [--listen 127.0.0.1:8080] [--no-auth] [--behind-proxy] [--tls-cert F --tls-key F]
//                  [--crawl-every 15m]
#include "cli/context.h"
#include "cli/serve_run.h"
#include "pipeline/crawl_schedule.h"
#include "web/serve_options.h"

namespace presswatch::cli::cmd_serve {
namespace {

struct Options {
    std::string listen = "127.0.0.1:8080";
    bool no_auth = false, behind_proxy = false;
    std::string tls_cert, tls_key;
    std::size_t workers = web::default_workers;
    std::string crawl_every;
};

int run(Context& ctx, const Options& o) {
    web::ServeOptions s;
    web::parse_listen(o.listen, s);
    s.data_dir = ctx.data_dir();
    s.no_auth = o.no_auth;
    s.local_user = ctx.user();
    s.behind_proxy = o.behind_proxy;
    s.tls_cert = o.tls_cert;
    s.tls_key = o.tls_key;
    s.workers = o.workers;
    ServeCrawl crawl;
    if (!o.crawl_every.empty()) crawl.every = pipeline::parse_crawl_interval("--crawl-every", o.crawl_every);
    crawl.json_log = ctx.log_format == "json";
    return serve_until_signal(ctx.config(), s, {}, crawl);
}

void register_serve(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("serve", "Serve the web interface (search, article, today, review) and its JSON API");
    cmd->add_option("--listen", o->listen, "Address and port (default 127.0.0.1:8080)");
    cmd->add_flag("--no-auth", o->no_auth,
                  "No login: one local user (--user, else the system user) acts as admin; loopback only");
    cmd->add_flag("--behind-proxy", o->behind_proxy, "A reverse proxy terminates TLS in front (see docs/web.md)");
    cmd->add_option("--tls-cert", o->tls_cert, "PEM certificate: serve HTTPS directly (with --tls-key)");
    cmd->add_option("--tls-key", o->tls_key, "PEM private key of --tls-cert");
    cmd->add_option("--workers", o->workers, "Connections answered at once (default 32; more wait in the queue)");
    cmd->add_option("--crawl-every", o->crawl_every,
                    "Also crawl every INTERVAL (15m, 30m, 1h), as `crawl --every` does, in this process: "
                    "then it alone writes the search index; no separate `crawl` may run");
    cmd->footer("Example: presswatch serve --crawl-every 15m\n"
                "Stop with Ctrl+C or SIGTERM: requests in flight finish first, and a crawl stops at its next safe "
                "point (within 10 seconds). See docs/web.md and docs/operations.md.");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_serve);
}  // namespace presswatch::cli::cmd_serve
