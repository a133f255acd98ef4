// presswatch serve [--listen 127.0.0.1:8080] [--no-auth] [--behind-proxy] [--tls-cert F --tls-key F]
#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/serve_run.h"
#include "web/server.h"

namespace presswatch::cli {

int serve_until_signal(const config::Config& cfg, const web::ServeOptions& options, const std::string& extra) {
    // Block the stop signals in every thread (the server's workers inherit
    // the mask); one thread waits for them and stops the server from
    // ordinary code, where stopping is allowed.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    web::Server server(cfg, options);
    server.bind();
    std::cout << fmt::format("presswatch đang chạy tại {} (dừng: Ctrl+C)\n", server.url());
    if (!extra.empty()) std::cout << extra;
    std::cout.flush();
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        if (sig == SIGUSR1) return;  // run() ended on its own; nothing to stop
        std::cerr << "presswatch serve: dừng (đợi các yêu cầu đang xử lý xong)\n";
        server.stop();
    });
    server.run();
    // If run() returned without a signal, wake the waiter so it can end.
    sigaddset(&stop_signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    pthread_kill(waiter.native_handle(), SIGUSR1);
    waiter.join();
    return 0;
}

namespace {

struct Options {
    std::string listen = "127.0.0.1:8080";
    bool no_auth = false, behind_proxy = false;
    std::string tls_cert, tls_key;
    std::size_t workers = web::default_workers;
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
    return serve_until_signal(ctx.config(), s);
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
    cmd->add_option("--workers", o->workers, "Requests answered at once (default 8; more wait in the queue)");
    cmd->footer("Stop with Ctrl+C or SIGTERM: requests in flight finish first. See docs/web.md.");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_serve);
}  // namespace presswatch::cli
