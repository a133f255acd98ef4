// presswatch letters [--month M | --since D] [--date D] -o DIR
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "briefing/letters.h"
#include "briefing/month_report.h"
#include "briefing/render.h"
#include "cli/context.h"
#include "cli/workflow_args.h"
#include "core/error.h"
#include "text/dates.h"

namespace presswatch::cli::cmd_letters {
namespace {

struct Options {
    std::string month, since, date, output = ".";
};

int run(Context& ctx, const Options& o) {
    if (!o.month.empty() && !o.since.empty()) throw InputError("give --month or --since, not both");
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    std::int64_t date = o.date.empty() ? *text::parse_iso8601(text::iso_date(now)) : parse_when("--date", o.date);
    std::int64_t from, to;
    if (!o.month.empty()) {
        auto p = briefing::month_period(o.month);
        from = p.from, to = p.to;
    } else {
        // Default: the last 30 days up to the letter's date.
        from = o.since.empty() ? date - 30 * 86400 : parse_when("--since", o.since);
        to = date + 86400;
    }
    std::filesystem::path dir = o.output;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw RuntimeFailure("cannot create " + dir.string() + ": " + ec.message());

    store::Store st(ctx.data_dir());
    auto plan = briefing::plan_letters(st, ctx.config(), from, to, date);
    for (const auto& l : plan.letters) {
        auto file = dir / fmt::format("cong-van-{}-{}.docx", l.agency, text::iso_date(date));
        briefing::write_file(file, briefing::letter_docx(l, ctx.config(), from, to, date));
        std::cout << fmt::format("{}  ({} tin)\n", file.string(), l.items.size());
    }
    if (plan.letters.empty()) std::cout << "Không có tin cần gửi công văn trong khoảng thời gian này.\n";
    for (auto id : plan.without_agency)
        std::cerr << fmt::format("Tin {} cần trả lời nhưng chưa có cơ quan xử lý: presswatch flag {} --agency SLUG\n",
                                 id, id);
    return 0;
}

void register_letters(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("letters", "Draft letters asking agencies to verify and answer flagged items (.docx)");
    cmd->add_option("--month", o->month, "Items published in this month (YYYY-MM)");
    cmd->add_option("--since", o->since, "Items published since this day (YYYY-MM-DD); default: the last 30 days");
    cmd->add_option("--date", o->date, "The letters' date (default: today)");
    cmd->add_option("-o,--output", o->output, "Folder for the .docx files (default: the current folder)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run(ctx, *o); }; });
}

}  // namespace
PRESSWATCH_COMMAND(register_letters);
}  // namespace presswatch::cli::cmd_letters
