#include "index/facets.h"

#include <algorithm>
#include <unordered_map>

#include "index/schema.h"

namespace presswatch::index {
namespace {

// Counts each value of a slot holding several values joined by '\n'
// (topics): ValueCountMatchSpy would count the joined string as one value.
class MultiValueCounter : public Xapian::MatchSpy {
public:
    explicit MultiValueCounter(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double) override {
        std::string v = doc.get_value(slot_);
        std::size_t start = 0;
        while (start < v.size()) {
            std::size_t end = v.find('\n', start);
            if (end == std::string::npos) end = v.size();
            if (end > start) ++counts_[v.substr(start, end - start)];
            start = end + 1;
        }
    }
    std::string name() const override { return "presswatch.MultiValueCounter"; }
    const std::unordered_map<std::string, std::size_t>& counts() const { return counts_; }

private:
    Xapian::valueno slot_;
    std::unordered_map<std::string, std::size_t> counts_;
};

std::vector<FacetCount> sorted_by_count(std::vector<FacetCount> v) {
    std::sort(v.begin(), v.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return v;
}

std::vector<FacetCount> from_spy(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<FacetCount> out;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out.push_back({*it, it.get_termfreq()});
    return out;
}

}  // namespace

struct FacetCounters::Impl {
    Xapian::ValueCountMatchSpy outlet{schema::slot_outlet};
    Xapian::ValueCountMatchSpy flagged{schema::slot_flagged};
    Xapian::ValueCountMatchSpy month{schema::slot_month};
    MultiValueCounter topic{schema::slot_topics};
};

FacetCounters::FacetCounters() : impl_(std::make_unique<Impl>()) {}
FacetCounters::~FacetCounters() = default;

void FacetCounters::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(&impl_->outlet);
    enquire.add_matchspy(&impl_->flagged);
    enquire.add_matchspy(&impl_->month);
    enquire.add_matchspy(&impl_->topic);
}

std::map<std::string, std::vector<FacetCount>> FacetCounters::counts() const {
    std::map<std::string, std::vector<FacetCount>> out;
    out["outlet"] = sorted_by_count(from_spy(impl_->outlet));
    out["flagged"] = sorted_by_count(from_spy(impl_->flagged));
    auto months = from_spy(impl_->month);
    std::sort(months.begin(), months.end(), [](const FacetCount& a, const FacetCount& b) { return a.value > b.value; });
    out["month"] = months;
    std::vector<FacetCount> topics;
    for (const auto& [v, n] : impl_->topic.counts()) topics.push_back({v, n});
    out["topic"] = sorted_by_count(std::move(topics));
    return out;
}

}  // namespace presswatch::index
