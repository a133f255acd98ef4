#pragma once
// Archives in and out. `presswatch import` takes WARC files of fetched
// pages and JSON lines of articles (as `presswatch extract` prints them)
// through the same extract, triage, store and index steps as a crawl;
// importing the same file again changes nothing. `presswatch export`
// writes the stored snapshots of clippings as a WARC file, the press
// office's evidence of what was published. Not thread-safe.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace presswatch::pipeline {

struct ImportSummary {
    int files = 0;
    int records = 0;            // WARC records or JSON lines read
    int new_articles = 0;
    int changed_articles = 0;
    int unchanged = 0;          // already stored as they are
    int new_clippings = 0;
    int skipped = 0;            // not a page of a configured outlet, not an article
    std::vector<std::string> problems;  // "file:record: why", for the skipped ones
    std::size_t indexed = 0;
};

// Throws InputError naming the file for one that is neither WARC nor JSON
// lines, or is malformed; files before it stay imported.
ImportSummary import_files(const config::Config& cfg, store::Store& store,
                           const std::vector<std::filesystem::path>& files);

// Writes a warcinfo record, then a response record (the latest snapshot,
// decoded to UTF-8, headers adjusted to match) and a metadata record (the
// article's id, outlet and headline) per article. gzip: one gzip member
// per record (.warc.gz). Returns how many articles were written.
std::size_t export_warc(store::Store& store, const std::vector<std::int64_t>& ids, std::ostream& out, bool gzip);

// One JSON object per line (crawler/article_json.h) per article.
std::size_t export_jsonl(store::Store& store, const std::vector<std::int64_t>& ids, std::ostream& out);

}  // namespace presswatch::pipeline
