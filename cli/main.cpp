// The `presswatch` command: global options, then one subcommand. Errors
// from the libraries are caught here, once, and turned into the documented
// exit codes: 0 ok, 1 failure, 2 bad usage or bad input.
#include <cstdlib>
#include <iostream>
#include <map>
#include <pwd.h>
#include <unistd.h>

#include "cli/build_info.h"
#include "cli/context.h"
#include "cli/program_path.h"
#include "core/error.h"
#include "store/store.h"

namespace presswatch::cli {
namespace {

std::map<std::string, Registrar>& registry() {
    static std::map<std::string, Registrar> r;
    return r;
}

}  // namespace

Registration::Registration(const char* name, Registrar r) { registry()[name] = r; }

const config::Config& Context::config() {
    if (!config_) config_ = config::load_config(config_option);
    return *config_;
}

std::filesystem::path Context::data_dir() {
    return store::resolve_data_dir(data_option, config().settings.data_dir);
}

std::string Context::user() {
    if (!user_option.empty()) return user_option;
    if (const char* u = std::getenv("USER"); u && *u) return u;
    if (const passwd* pw = getpwuid(getuid())) return pw->pw_name;
    return "unknown";
}

}  // namespace presswatch::cli

int main(int argc, char** argv) {
    using namespace presswatch;
    cli::Context ctx;
    ctx.program = cli::program_for_hints(argc > 0 ? argv[0] : "");
    CLI::App app{"presswatch: follow what the central press writes about the province"};
    app.set_version_flag("--version", std::string("presswatch ") + cli::build_version() + " (commit " +
                                          cli::build_commit() + ")");
    app.add_option("--data", ctx.data_option,
                   "Data folder (default: $PRESSWATCH_DATA, else $XDG_DATA_HOME/presswatch)");
    app.add_option("--config", ctx.config_option,
                   "Folder of configuration files replacing the built-in ones (default: $PRESSWATCH_CONFIG)")
        ->envname("PRESSWATCH_CONFIG");
    app.add_option("--user", ctx.user_option, "Who is acting, for the audit log (default: the system user)");
    app.add_option("--log-format", ctx.log_format, "Log lines as text or json")
        ->check(CLI::IsMember({"text", "json"}));
    app.require_subcommand(1);
    // Global options may also follow the subcommand: `presswatch demo --data DIR`.
    app.fallthrough();
    app.footer("Exit codes: 0 ok, 1 failure, 2 bad usage or bad input.");
    for (auto& [name, reg] : cli::registry()) reg(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        return ctx.action ? ctx.action() : 0;
    } catch (const InputError& e) {
        std::cerr << "presswatch: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "presswatch: " << e.what() << "\n";
        return 1;
    }
}
