#include "pipeline/source_report.h"

#include <map>

#include <fmt/format.h>

#include "crawler/url.h"

namespace presswatch::pipeline {

std::string source_warning_text(const store::SourceStatus& s) {
    if (s.warning == "dead") return fmt::format("hỏng: {} lần đọc gần nhất đều lỗi", store::dead_after_failures);
    if (s.warning == "empty") return "rỗng: không còn bài nào";
    if (s.warning == "low") return "ít bất thường so với mọi khi";
    return "";
}

std::vector<SourceRow> source_report(const config::Config& cfg, store::Store& st, std::int64_t now) {
    std::map<std::string, store::SourceStatus> by_url;
    for (auto& s : store::SourceHealth(st.db()).report(now)) by_url[s.url] = s;
    std::vector<SourceRow> rows;
    for (const auto& o : cfg.outlets) {
        auto configured = [&](const std::vector<std::string>& urls, const std::string& kind) {
            for (const auto& u : urls) {
                auto c = crawler::canonical_url(u, o.tracking_parameters).value_or(u);
                auto it = by_url.find(c);
                SourceRow r{o.slug, kind, c, std::nullopt};
                if (it != by_url.end()) {
                    r.status = it->second;
                    by_url.erase(it);
                }
                rows.push_back(std::move(r));
            }
        };
        configured(o.feeds, "feed");
        configured(o.sitemaps, "sitemap");
        configured(o.listings, "listing");
        // Sources found on the way (child sitemaps, next listing pages).
        for (auto it = by_url.begin(); it != by_url.end();) {
            if (it->second.outlet == o.slug) {
                rows.push_back({o.slug, it->second.kind, it->first, it->second});
                it = by_url.erase(it);
            } else {
                ++it;
            }
        }
    }
    return rows;
}

}  // namespace presswatch::pipeline
