// presswatch digest [--date D] [-o FILE.html] [--send]
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "briefing/digest.h"
#include "briefing/labels.h"
#include "briefing/mail.h"
#include "briefing/render.h"
#include "cli/context.h"
#include "cli/workflow_args.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_digest {
namespace {

struct Options {
    std::string date, output;
    bool send = false, html = false;
};

int run(Context& ctx, const Options& o) {
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    std::int64_t day = parse_when("--date", o.date.empty() ? text::iso_date(now) : o.date);
    day = *text::parse_iso8601(text::iso_date(day));  // midnight of that day
    store::Store st(ctx.data_dir());
    const auto& cfg = ctx.config();
    auto d = briefing::build_digest(st, cfg, day);
    if (!o.output.empty()) {
        briefing::write_file(o.output, briefing::digest_html(d, cfg));
        std::cerr << fmt::format("Đã ghi {}\n", o.output);
    } else {
        std::cout << (o.html ? briefing::digest_html(d, cfg) : briefing::digest_text(d, cfg));
    }
    if (o.send) {
        briefing::send_mail(cfg.briefing.digest,
                            {briefing::digest_subject(d, cfg), briefing::digest_text(d, cfg), briefing::digest_html(d, cfg)});
        std::cerr << fmt::format("Đã gửi điểm tin ngày {} tới {} người nhận.\n", briefing::vietnamese_date(day),
                                 cfg.briefing.digest.to.size());
    }
    return 0;
}

void register_digest(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("digest", "The daily digest for leaders: the day's clippings by topic");
    cmd->add_option("--date", o->date, "The day (YYYY-MM-DD; default: today)");
    cmd->add_option("-o,--output", o->output, "Write the HTML digest to this file");
    cmd->add_flag("--html", o->html, "Print HTML rather than plain text");
    cmd->add_flag("--send", o->send, "Also send it by e-mail ([digest] in briefing.toml)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_digest);
}  // namespace presswatch::cli::cmd_digest
