#include "store/decision_rows.h"

#include <nlohmann/json.hpp>

namespace presswatch::store {

void write_decision_rows(Database& db, std::int64_t id, const triage::Decision& d) {
    using nlohmann::json;
    db.cached("DELETE FROM mention WHERE article_id = ?1")->bind(1, id).run();
    auto men = db.cached(
        "INSERT INTO mention(article_id, field, offset, length, text, name, kind, snippet) "
        "VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    for (const auto& m : d.mentions)
        men->bind(1, id).bind(2, triage::field_name(m.field)).bind(3, static_cast<std::int64_t>(m.offset))
            .bind(4, static_cast<std::int64_t>(m.length)).bind(5, m.text).bind(6, m.name).bind(7, m.kind)
            .bind(8, m.snippet).run();

    // Automatic tags are replaced; a person's tags stay.
    db.cached("DELETE FROM tag WHERE article_id = ?1 AND source = 'auto'")->bind(1, id).run();
    auto tag = db.cached(
        "INSERT INTO tag(article_id, topic, score, source) VALUES (?1, ?2, ?3, 'auto') "
        "ON CONFLICT(article_id, topic) DO NOTHING");
    for (const auto& t : d.topics) tag->bind(1, id).bind(2, t.slug).bind(3, t.score).run();

    json agencies = d.flag.agencies, reasons = d.flag.reasons;
    db.cached(
           "INSERT INTO flag(article_id, needed, severity, agencies, deadline, reasons, source) "
           "VALUES (?1,?2,?3,?4,?5,?6,'auto') ON CONFLICT(article_id) DO UPDATE SET needed=excluded.needed, "
           "severity=excluded.severity, agencies=excluded.agencies, deadline=excluded.deadline, "
           "reasons=excluded.reasons WHERE flag.source = 'auto'")
        ->bind(1, id).bind(2, d.flag.needed ? 1 : 0).bind(3, d.flag.severity).bind(4, agencies.dump())
        .bind(5, d.flag.deadline).bind(6, reasons.dump()).run();
}

}  // namespace presswatch::store
