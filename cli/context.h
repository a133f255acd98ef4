#pragma once
// What every subcommand shares: the global options and lazily loaded
// configuration. Subcommands live in cli/cmd_<name>.cpp and register
// themselves in main.cpp; each is a thin layer over the libraries.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "config/config.h"

namespace presswatch::cli {

struct Context {
    std::string data_option;     // --data
    std::string config_option;   // --config
    std::string user_option;     // --user
    std::string log_format = "text";  // --log-format text|json
    std::string program = "presswatch";  // how to call this program in hints (cli/program_path.h)

    const config::Config& config();
    // The data folder, resolved from --data, PRESSWATCH_DATA, configuration, XDG.
    std::filesystem::path data_dir();
    // --user, else the system user.
    std::string user();

    // The action of the subcommand that was chosen; returns the exit code.
    std::function<int()> action;

private:
    std::optional<config::Config> config_;
};

// Each cli/cmd_<name>.cpp registers its subcommands with
//   PRESSWATCH_COMMAND(register_fn);
// where register_fn(CLI::App& app, Context& ctx) adds a subcommand to app
// and sets ctx.action in its callback. main.cpp knows no command by name.
// Commands are registered (and listed in --help) in the order of their
// register_fn names. Each file keeps its code, the macro included, in
// namespace presswatch::cli::cmd_<name> { namespace { ... } }: cli/ is a
// unity build (cli/CMakeLists.txt), several files share one compiler run,
// and two files' `Options` or `run` must not meet.
using Registrar = void (*)(CLI::App&, Context&);
struct Registration {
    Registration(const char* name, Registrar r);
};
#define PRESSWATCH_COMMAND(fn) static const ::presswatch::cli::Registration registration_##fn(#fn, fn)

}  // namespace presswatch::cli
