#include "index/bulk_build.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <xapian.h>

#include "core/error.h"
#include "index/schema.h"
#include "index/word_ids.h"

namespace presswatch::index {

struct BulkBuilder::Lane {
    std::unique_ptr<Writer> writer;
    std::size_t in_part = 0, pending = 0;
    unsigned parts = 0;
};

BulkBuilder::BulkBuilder(const std::filesystem::path& dir, unsigned lanes, CommonGrams grams,
                         std::size_t articles_per_part)
    : dir_(dir),
      parts_dir_(dir.string() + ".parts"),
      articles_per_part_(std::max<std::size_t>(1, articles_per_part)),
      grams_(std::move(grams)),
      lanes_(std::max(1u, lanes)) {
    std::error_code ec;
    if (std::filesystem::exists(dir_) && !std::filesystem::is_empty(dir_, ec))
        throw RuntimeFailure(fmt::format("cannot build a new index in {}: the folder is not empty", dir_.string()));
    std::filesystem::remove_all(parts_dir_, ec);
    std::filesystem::create_directories(parts_dir_);
    ids_.number_first(grams_.numbered_first());
}

BulkBuilder::~BulkBuilder() {
    lanes_.clear();
    std::error_code ec;
    std::filesystem::remove_all(parts_dir_, ec);
}

unsigned BulkBuilder::lanes() const { return static_cast<unsigned>(lanes_.size()); }

void BulkBuilder::add(unsigned lane, const Document& d) {
    Lane& l = lanes_.at(lane);
    if (!l.writer) {
        auto part = parts_dir_ / fmt::format("{}-{}", lane, l.parts++);
        l.writer = std::make_unique<Writer>(part, Writer::Durability::bulk, grams_, &ids_);
    }
    l.writer->add(d);
    if (++l.pending == part_commit_every) {
        l.writer->commit();
        l.pending = 0;
    }
    if (++l.in_part == articles_per_part_) {
        l.writer.reset();  // commits
        l.in_part = l.pending = 0;
    }
}

void BulkBuilder::finish() {
    lanes_.clear();  // commit and release the locks before reading the parts
    try {
        std::vector<std::filesystem::path> parts;
        for (const auto& part : std::filesystem::directory_iterator(parts_dir_)) parts.push_back(part.path());
        std::sort(parts.begin(), parts.end());
        Xapian::Database all;
        for (const auto& part : parts) all.add_database(Xapian::Database(part.string()));
        std::filesystem::remove(dir_);  // empty or absent: compact makes it
        if (!parts.empty()) all.compact(dir_.string());
        // compact keeps the first part's metadata only by accident of
        // order; set the schema version explicitly.
        Xapian::WritableDatabase out(dir_.string(), Xapian::DB_CREATE_OR_OPEN);
        out.set_metadata(std::string(schema::version_key), std::string(schema::version));
        grams_.record(out);
        ids_.record(out);
        out.commit();
    } catch (const Xapian::Error& e) {
        throw RuntimeFailure(fmt::format("cannot merge the new index into {}: {}", dir_.string(), e.get_description()));
    }
}

void run_per_lane(BulkBuilder& builder, const std::function<void(unsigned)>& work) {
    std::exception_ptr first;
    std::mutex m;
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < builder.lanes(); ++i)
        threads.emplace_back([&, i] {
            try {
                work(i);
            } catch (...) {
                std::lock_guard lock(m);
                if (!first) first = std::current_exception();
            }
        });
    for (auto& t : threads) t.join();
    if (first) std::rethrow_exception(first);
}

}  // namespace presswatch::index
