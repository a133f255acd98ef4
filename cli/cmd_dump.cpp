// presswatch dump [-o FILE]: every human decision and the audit log as JSON lines.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "briefing/render.h"
#include "cli/context.h"
#include "store/workflow_dump.h"

namespace presswatch::cli::cmd_dump {
namespace {

int run(Context& ctx, const std::string& out) {
    store::Store st(ctx.data_dir());
    if (out.empty() || out == "-") {
        store::dump_decisions(st, std::cout);
        return 0;
    }
    std::ostringstream buf;
    auto c = store::dump_decisions(st, buf);
    briefing::write_file(out, buf.str());
    std::cerr << fmt::format("Đã ghi {} tin có quyết định và {} dòng nhật ký vào {}\n", c.articles, c.audit, out);
    return 0;
}

void register_dump(CLI::App& app, Context& ctx) {
    auto out = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("dump", "Write every human decision and the audit log as JSON lines");
    cmd->add_option("-o,--output", *out, "File to write (default: standard output)");
    cmd->callback([&ctx, out] { ctx.action = [&ctx, out] { return run(ctx, *out); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_dump);
}  // namespace presswatch::cli::cmd_dump
