#include "index/facets.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "index/schema.h"

namespace presswatch::index {
namespace {

// The facets, in the order counts() names them.
enum Facet : std::size_t { outlet, month, flagged, topic, agency, status, tone, facet_count };

// Counts every facet from the one slot that holds them
// (schema::slot_facets): one value read a match instead of one per facet,
// which is most of what exact counts over many matches cost. "overdue" is
// counted from slot_open_deadline against the search's clock, as
// `status:overdue` filters: it is never stored.
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(std::int64_t now) : now_(Xapian::sortable_serialise(static_cast<double>(now))) {}

    void operator()(const Xapian::Document& doc, double) override {
        std::string v = doc.get_value(schema::slot_facets);
        std::string_view rest(v);
        for (std::size_t line = 0; !rest.empty(); ++line) {
            std::size_t end = rest.find('\n');
            std::string_view value = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (value.empty()) continue;
            if (line < 3) count(static_cast<Facet>(line), value);
            else count_named(value);
        }
        std::string deadline = doc.get_value(schema::slot_open_deadline);
        if (!deadline.empty() && deadline <= now_) count(status, "overdue");
    }
    std::string name() const override { return "presswatch.FacetSpy"; }

    std::vector<FacetCount> counts(Facet f) const {
        std::vector<FacetCount> out;
        for (const auto& [value, n] : by_facet_[f]) out.push_back({value, n});
        return out;
    }

private:
    // After the first three lines: "agency=", "status=", "tone=" name their
    // facet; a line without '=' is a topic.
    void count_named(std::string_view line) {
        static constexpr std::array<std::pair<std::string_view, Facet>, 3> named{
            {{"agency=", agency}, {"status=", status}, {"tone=", tone}}};
        for (const auto& [head, facet] : named)
            if (line.starts_with(head)) {
                if (line.size() > head.size()) count(facet, line.substr(head.size()));
                return;
            }
        count(topic, line);
    }

    void count(Facet f, std::string_view value) {
        auto& counts = by_facet_[f];
        auto it = counts.find(value);
        if (it == counts.end()) counts.emplace(std::string(value), 1);
        else ++it->second;
    }

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::string now_;
    std::array<std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>>, facet_count> by_facet_;
};

std::vector<FacetCount> sorted_by_count(std::vector<FacetCount> v) {
    std::sort(v.begin(), v.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return v;
}

}  // namespace

struct FacetCounters::Impl {
    explicit Impl(std::int64_t now) : spy(now) {}
    FacetSpy spy;
};

FacetCounters::FacetCounters(std::int64_t now) : impl_(std::make_unique<Impl>(now)) {}
FacetCounters::~FacetCounters() = default;

void FacetCounters::attach(Xapian::Enquire& enquire) { enquire.add_matchspy(&impl_->spy); }

std::map<std::string, std::vector<FacetCount>> FacetCounters::counts() const {
    std::map<std::string, std::vector<FacetCount>> out;
    out["outlet"] = sorted_by_count(impl_->spy.counts(outlet));
    auto months = impl_->spy.counts(month);
    std::sort(months.begin(), months.end(), [](const FacetCount& a, const FacetCount& b) { return a.value > b.value; });
    out["month"] = months;
    out["flagged"] = sorted_by_count(impl_->spy.counts(flagged));
    out["topic"] = sorted_by_count(impl_->spy.counts(topic));
    out["agency"] = sorted_by_count(impl_->spy.counts(agency));
    out["status"] = sorted_by_count(impl_->spy.counts(status));
    out["tone"] = sorted_by_count(impl_->spy.counts(tone));
    return out;
}

}  // namespace presswatch::index
