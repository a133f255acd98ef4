#include "pipeline/alerts.h"

#include <fmt/format.h>

#include "briefing/mail.h"
#include "config/operations.h"
#include "briefing/html_escape.h"
#include "text/dates.h"

namespace presswatch::pipeline {

AlertResult send_alerts(store::Store& store, const config::Config& cfg, const ServiceStatus& status) {
    AlertResult r;
    const auto alert_to = config::operations_settings(cfg).alert_to;
    if (alert_to.empty()) return r;
    const std::string today = text::iso_date(status.now);
    auto sent = store.db().prepare("SELECT 1 FROM alert_sent WHERE problem = ?1 AND day = ?2");
    for (const auto& p : status.problems) {
        sent.bind(1, p.key).bind(2, today);
        (sent.step() ? r.already_today : r.mailed).push_back(p);
        sent.reset();
    }
    if (r.mailed.empty()) return r;

    config::Digest server = cfg.briefing.digest;
    server.to = alert_to;
    briefing::Mail mail;
    mail.subject = fmt::format("[presswatch] {} vấn đề cần xử lý{}", r.mailed.size(),
                               status.exit_code() == 2 ? " (có lỗi)" : "");
    mail.text = fmt::format("presswatch trên dữ liệu {} phát hiện lúc {}:\n\n", store.data_dir().string(),
                            text::vietnamese_datetime(status.now));
    mail.html = fmt::format("<p>presswatch trên dữ liệu {} phát hiện lúc {}:</p><ul>",
                            briefing::html_escape(store.data_dir().string()), text::vietnamese_datetime(status.now));
    for (const auto& p : r.mailed) {
        const char* level = p.level == Problem::Level::error ? "LỖI" : "Cảnh báo";
        mail.text += fmt::format("- {}: {}\n", level, p.message);
        mail.html += fmt::format("<li><b>{}</b>: {}</li>", level, briefing::html_escape(p.message));
    }
    mail.text += "\nXem chi tiết: presswatch status. Mỗi vấn đề chỉ được báo một lần mỗi ngày.\n";
    mail.html += "</ul><p>Xem chi tiết: <code>presswatch status</code>. Mỗi vấn đề chỉ được báo một lần mỗi ngày.</p>";
    briefing::send_mail(server, mail);

    store.db().transaction([&] {
        auto ins = store.db().prepare(
            "INSERT OR IGNORE INTO alert_sent(problem, day, at, message) VALUES (?1, ?2, ?3, ?4)");
        for (const auto& p : r.mailed) ins.bind(1, p.key).bind(2, today).bind(3, status.now).bind(4, p.message).run();
    });
    return r;
}

}  // namespace presswatch::pipeline
