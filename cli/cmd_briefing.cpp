// presswatch briefing --month 2026-11 --format docx|html|csv|json -o FILE
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "briefing/month_report.h"
#include "briefing/render.h"
#include "cli/context.h"
#include "cli/workflow_args.h"
#include "core/error.h"

namespace presswatch::cli::cmd_briefing {
namespace {

struct Options {
    std::string month, format, output, as_of;
};

int run(Context& ctx, const Options& o) {
    std::string format = o.format;
    if (format.empty()) {
        auto ext = std::filesystem::path(o.output).extension().string();
        format = ext.empty() ? "" : ext.substr(1);
        if (format != "docx" && format != "html" && format != "csv" && format != "json")
            throw InputError("give --format docx, html, csv or json (the output's extension does not say which)");
    }
    std::int64_t as_of = o.as_of.empty() ? static_cast<std::int64_t>(std::time(nullptr)) : parse_when("--as-of", o.as_of);
    store::Store st(ctx.data_dir());
    auto r = briefing::build_month_report(st, ctx.config(), o.month, as_of);
    briefing::write_report(r, ctx.config(), format, o.output);
    std::cerr << fmt::format("Báo cáo tháng {}: {} tin, {} sự việc, {} vấn đề phản ánh -> {}\n", r.period.label,
                             r.clippings, r.stories, r.issues.size(), o.output);
    return 0;
}

void register_briefing(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("briefing", "Write the monthly press briefing report");
    cmd->add_option("--month", o->month, "The month, YYYY-MM")->required();
    cmd->add_option("--format", o->format, "docx, html, csv or json (default: from the output's extension)")
        ->check(CLI::IsMember({"docx", "html", "csv", "json"}));
    cmd->add_option("-o,--output", o->output, "File to write")->required();
    cmd->add_option("--as-of", o->as_of, "Judge overdue items as of this date (default: now)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_briefing);
}  // namespace presswatch::cli::cmd_briefing
