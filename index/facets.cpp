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
class FacetSpy : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double) override {
        std::string v = doc.get_value(schema::slot_facets);
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
    std::string name() const override { return "presswatch.FacetSpy"; }
    // outlet, month, flagged, topic
    std::vector<FacetCount> counts(std::size_t line) const {
        std::vector<FacetCount> out;
        for (const auto& [value, n] : by_line_[line]) out.push_back({value, n});
        return out;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
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
    FacetSpy spy;
};

FacetCounters::FacetCounters() : impl_(std::make_unique<Impl>()) {}
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
