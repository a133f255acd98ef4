#include "index/facets.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "index/schema.h"

namespace presswatch::index {
namespace {

// Counts all four facets from the one slot that holds them
// (schema::slot_facets): one value read a match instead of four, which is
// most of what exact counts over many matches cost.
//
// The values are read through one value stream moved forward match by
// match, not with Document::get_value: that looks the match's chunk up in
// the B-tree, copies it and decodes it from its start, for every match
// (0.29 µs a match, a third of a 60,000-match facet query at 1,000,000
// articles; docs/benchmarks.md, search). The matcher hands a database's
// matches over in increasing document order; should one come out of order
// (several databases searched as one), the stream starts again.
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(const Xapian::Database& db) : db_(db) {}

    void operator()(const Xapian::Document& doc, double) override {
        Xapian::docid did = doc.get_docid();
        if (!open_ || did < last_) {
            values_ = db_.valuestream_begin(schema::slot_facets);
            open_ = true;
        }
        last_ = did;
        if (values_ == end_) return;
        values_.skip_to(did);
        if (values_ == end_ || values_.get_docid() != did) return;
        count(*values_);
    }
    std::string name() const override { return "presswatch.FacetSpy"; }
    // outlet, month, flagged, topic
    std::vector<FacetCount> counts(std::size_t line) const {
        std::vector<FacetCount> out;
        for (const auto& [value, n] : by_line_[line]) out.push_back({value, n});
        return out;
    }

private:
    void count(const std::string& v) {
        std::string_view rest(v);
        for (std::size_t line = 0; !rest.empty(); ++line) {
            std::size_t end = rest.find('\n');
            std::string_view value = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (value.empty()) continue;
            auto& counts = line < 3 ? by_line_[line] : by_line_[3];  // topics: every line after the third
            auto it = counts.find(value);
            if (it == counts.end()) counts.emplace(std::string(value), 1);
            else ++it->second;
        }
    }

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    Xapian::Database db_;
    Xapian::ValueIterator values_, end_;
    bool open_ = false;
    Xapian::docid last_ = 0;
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> by_line_[4];
};

std::vector<FacetCount> sorted_by_count(std::vector<FacetCount> v) {
    std::sort(v.begin(), v.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return v;
}

}  // namespace

struct FacetCounters::Impl {
    explicit Impl(const Xapian::Database& db) : spy(db) {}
    FacetSpy spy;
};

FacetCounters::FacetCounters(const Xapian::Database& db) : impl_(std::make_unique<Impl>(db)) {}
FacetCounters::~FacetCounters() = default;

void FacetCounters::attach(Xapian::Enquire& enquire) { enquire.add_matchspy(&impl_->spy); }

std::map<std::string, std::vector<FacetCount>> FacetCounters::counts() const {
    std::map<std::string, std::vector<FacetCount>> out;
    out["outlet"] = sorted_by_count(impl_->spy.counts(0));
    auto months = impl_->spy.counts(1);
    std::sort(months.begin(), months.end(), [](const FacetCount& a, const FacetCount& b) { return a.value > b.value; });
    out["month"] = months;
    out["flagged"] = sorted_by_count(impl_->spy.counts(2));
    out["topic"] = sorted_by_count(impl_->spy.counts(3));
    return out;
}

}  // namespace presswatch::index
