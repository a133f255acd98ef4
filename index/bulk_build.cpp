#include "index/bulk_build.h"

#include <exception>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <xapian.h>

#include "config/error.h"
#include "index/schema.h"

namespace presswatch::index {

BulkBuilder::BulkBuilder(const std::filesystem::path& dir, unsigned shards)
    : dir_(dir), shards_dir_(dir.string() + ".shards") {
    std::error_code ec;
    if (std::filesystem::exists(dir_) && !std::filesystem::is_empty(dir_, ec))
        throw RuntimeFailure(fmt::format("cannot build a new index in {}: the folder is not empty", dir_.string()));
    std::filesystem::remove_all(shards_dir_, ec);
    count_ = std::max(1u, shards);
    for (unsigned i = 0; i < count_; ++i)
        writers_.push_back(
            std::make_unique<Writer>(shards_dir_ / std::to_string(i), Writer::Durability::bulk));
}

BulkBuilder::~BulkBuilder() {
    writers_.clear();
    std::error_code ec;
    std::filesystem::remove_all(shards_dir_, ec);
}

unsigned BulkBuilder::shards() const { return count_; }

Writer& BulkBuilder::shard(unsigned i) { return *writers_.at(i); }

void BulkBuilder::finish() {
    for (auto& w : writers_) w->commit();
    writers_.clear();  // release the locks before reading the shards
    try {
        Xapian::Database all;
        for (unsigned i = 0; i < shards(); ++i) all.add_database(Xapian::Database((shards_dir_ / std::to_string(i)).string()));
        std::filesystem::remove(dir_);  // empty or absent: compact makes it
        all.compact(dir_.string());
        // compact keeps the first shard's metadata only by accident of
        // order; set the schema version explicitly.
        Xapian::WritableDatabase out(dir_.string(), Xapian::DB_OPEN);
        out.set_metadata(std::string(schema::version_key), std::string(schema::version));
        out.commit();
    } catch (const Xapian::Error& e) {
        throw RuntimeFailure(fmt::format("cannot merge the new index into {}: {}", dir_.string(), e.get_description()));
    }
}

void run_per_shard(BulkBuilder& builder, const std::function<void(unsigned)>& work) {
    std::exception_ptr first;
    std::mutex m;
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < builder.shards(); ++i)
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
