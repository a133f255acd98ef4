#include "pipeline/archive.h"

#include <ctime>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "extract/article_json.h"
#include "crawler/ascii.h"
#include "crawler/charset.h"
#include "crawler/gzip.h"
#include "crawler/url.h"
#include "crawler/warc.h"
#include "pipeline/index_sync.h"
#include "pipeline/ingest.h"
#include "store/frontier.h"

namespace presswatch::pipeline {
namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw InputError(fmt::format("cannot read {}: check that it exists and is readable", p.string()));
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class Importer {
public:
    Importer(const config::Config& cfg, store::Store& store) : cfg_(cfg), store_(store), ingest_(cfg, store), frontier_(store.db()) {}

    void warc(const std::string& data, const std::string& name) {
        int n = 0;
        crawler::read_warc(data, [&](const crawler::WarcRecord& r) {
            ++n;
            auto resp = crawler::http_response(r, static_cast<std::size_t>(cfg_.settings.max_body_bytes));
            if (!resp) return;  // warcinfo, request, metadata records: nothing to import
            sum.records++;
            std::string where = fmt::format("{}: record {}", name, n);
            auto url = crawler::canonical_url(resp->url);
            const auto* outlet = url ? cfg_.outlet_for_host(crawler::url_host(*url)) : nullptr;
            if (!outlet) return skip(where, resp->url + " is not on a configured outlet's domains");
            if (resp->status != 200) return skip(where, fmt::format("{} has HTTP status {}", resp->url, resp->status));
            FetchedPage page;
            page.outlet = outlet->slug;
            page.url = *url;
            page.final_url = resp->url;
            page.status = resp->status;
            page.headers = resp->headers;
            page.body = crawler::decode_to_utf8(resp->body, resp->content_type).text;
            page.fetched = resp->date ? resp->date : static_cast<std::int64_t>(std::time(nullptr));
            count(where, ingest_.page(page));
            // The crawler need not fetch it again.
            if (frontier_.add(*url, outlet->slug, "article", "import:" + name, std::nullopt, page.fetched))
                frontier_.mark_done(*url, resp->status, resp->url, page.fetched);
        });
    }

    void jsonl(const std::string& data, const std::string& name) {
        std::istringstream in(data);
        int line_no = 0;
        for (std::string line; std::getline(in, line);) {
            ++line_no;
            if (crawler::ascii_trim(line).empty()) continue;
            sum.records++;
            std::string where = fmt::format("{}:{}", name, line_no);
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded()) throw InputError(where + ": not a JSON object; each line must be one article");
            Article a;
            try {
                a = article_from_json(j);
            } catch (const InputError& e) {
                throw InputError(where + ": " + e.what());
            }
            auto url = crawler::canonical_url(a.url);
            const auto* outlet = url ? cfg_.outlet_for_host(crawler::url_host(*url)) : nullptr;
            if (!outlet) {
                skip(where, a.url + " is not on a configured outlet's domains");
                continue;
            }
            a.url = *url;
            store::Snapshot snap{a.url, static_cast<std::int64_t>(std::time(nullptr)), 200,
                                 "Content-Type: application/json", line};
            count(where, ingest_.article(outlet->slug, a, snap));
        }
    }

    ImportSummary sum;

private:
    void skip(const std::string& where, const std::string& why) {
        sum.skipped++;
        sum.problems.push_back(where + ": " + why);
    }

    void count(const std::string& where, const IngestResult& r) {
        if (!r.error.empty()) return skip(where, r.error);
        if (r.inserted) sum.new_articles++;
        else if (r.changed) sum.changed_articles++;
        else sum.unchanged++;
        if (r.inserted && r.clipping) sum.new_clippings++;
    }

    const config::Config& cfg_;
    store::Store& store_;
    Ingest ingest_;
    store::Frontier frontier_;
};

// The stored snapshot as an HTTP response: the body is UTF-8 and whole, so
// headers about encoding and length are rewritten to say so.
std::string http_message(const store::Snapshot& s) {
    std::string out = fmt::format("HTTP/1.1 {} {}\r\n", s.status, s.status == 200 ? "OK" : "");
    std::istringstream lines(s.headers);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto lower = crawler::ascii_lower(line);
        if (line.empty() || lower.starts_with("http/") || lower.starts_with("content-encoding:") ||
            lower.starts_with("transfer-encoding:") || lower.starts_with("content-length:") ||
            lower.starts_with("content-type:"))
            continue;
        out += line + "\r\n";
    }
    out += "Content-Type: text/html; charset=utf-8\r\n";
    out += fmt::format("Content-Length: {}\r\n\r\n", s.body.size());
    return out + s.body;
}

}  // namespace

ImportSummary import_files(const config::Config& cfg, store::Store& store, const std::vector<std::filesystem::path>& files) {
    store.sync_outlets(cfg.outlets);
    Importer imp(cfg, store);
    for (const auto& f : files) {
        std::string data = read_file(f);
        std::string name = f.filename().string();
        std::string head = data.substr(0, 8);
        if (crawler::looks_gzipped(data) || head.starts_with("WARC/")) {
            try {
                imp.warc(data, name);
            } catch (const InputError& e) {
                throw InputError(f.string() + ": " + e.what());
            }
        } else if (crawler::ascii_trim(data).starts_with("{")) {
            imp.jsonl(data, name);
        } else {
            throw InputError(f.string() + ": neither a WARC file nor JSON lines of articles");
        }
        imp.sum.files++;
    }
    imp.sum.indexed = sync_index(store);
    return imp.sum;
}

std::size_t export_warc(store::Store& store, const std::vector<std::int64_t>& ids, std::ostream& out, bool gzip) {
    auto put = [&](const std::string& record) {
        if (gzip) out << crawler::gzip_member(record);
        else out << record;
    };
    std::string info = "software: presswatch\r\nformat: WARC File Format 1.1\r\n"
                       "description: snapshots of press clippings as fetched, bodies decoded to UTF-8\r\n";
    put(crawler::warc_record("warcinfo", "presswatch-export", {{"WARC-Date", crawler::warc_date(std::time(nullptr))},
                                                               {"Content-Type", "application/warc-fields"}},
                             info));
    std::size_t n = 0;
    for (auto id : ids) {
        auto a = store.article(id);
        auto snap = store.snapshot(id);
        if (!a || !snap) continue;
        std::string date = crawler::warc_date(snap->fetched);
        std::string seed = fmt::format("{}|{}", snap->url, snap->fetched);
        put(crawler::warc_record("response", seed,
                                 {{"WARC-Target-URI", snap->url},
                                  {"WARC-Date", date},
                                  {"Content-Type", "application/http; msgtype=response"}},
                                 http_message(*snap)));
        nlohmann::json meta = {{"id", a->id}, {"outlet", a->outlet}, {"url", a->article.url},
                               {"headline", a->article.headline}, {"clipping", a->clipping}};
        put(crawler::warc_record("metadata", seed + "|meta",
                                 {{"WARC-Target-URI", snap->url}, {"WARC-Date", date}, {"Content-Type", "application/json"}},
                                 meta.dump()));
        n++;
    }
    return n;
}

std::size_t export_jsonl(store::Store& store, const std::vector<std::int64_t>& ids, std::ostream& out) {
    std::size_t n = 0;
    for (auto id : ids) {
        auto a = store.article(id);
        if (!a) continue;
        out << article_to_json(a->article).dump() << "\n";
        n++;
    }
    return n;
}

}  // namespace presswatch::pipeline
