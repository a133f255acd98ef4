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
// (schema::slot_facets): one value read a match instead of one per facet.
// A match only counts its value as a whole (one hash lookup); the values
// are split into their facets once each, when the counts are asked for:
// matches share far fewer distinct values (outlet, month, topics, ...)
// than there are matches, and splitting each match's value into six
// lookups was most of what exact counts cost (docs/benchmarks.md, "Search
// cost"). "overdue" is counted from slot_open_deadline against the
// search's clock, as `status:overdue` filters: it is never stored; an
// overdue match's value is counted under its own key, the value with a
// trailing '\0' (which no stored value holds).
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(std::int64_t now) : now_(Xapian::sortable_serialise(static_cast<double>(now))) {}

    // The database the matches come from: their values are then read from
    // its value streams, moved forward match by match, instead of looked
    // up afresh for each document (Document::get_value finds the value's
    // chunk from the start every time: most of what counting cost).
    void read_from(const Xapian::Database& db) {
        facets_ = Stream(db, schema::slot_facets);
        deadlines_ = Stream(db, schema::slot_open_deadline);
    }

    void operator()(const Xapian::Document& doc, double) override {
        key_ = facets_.value(doc, schema::slot_facets);
        std::string deadline = deadlines_.value(doc, schema::slot_open_deadline);
        if (!deadline.empty() && deadline <= now_) key_ += '\0';
        auto it = by_value_.find(key_);
        if (it == by_value_.end()) by_value_.emplace(key_, 1);
        else ++it->second;
    }
    std::string name() const override { return "presswatch.FacetSpy"; }

    // Every facet's counts, from the values counted so far.
    std::array<std::vector<FacetCount>, facet_count> counts() const {
        std::array<Counts, facet_count> by_facet;
        for (const auto& [value, n] : by_value_) split(value, n, by_facet);
        std::array<std::vector<FacetCount>, facet_count> out;
        for (std::size_t f = 0; f < facet_count; ++f)
            for (const auto& [value, n] : by_facet[f]) out[f].push_back({value, n});
        return out;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Counts = std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>>;

    // Adds n to the facets of one stored value (one per line: outlet,
    // month, flagged, then topics and "agency=", "status=", "tone=" lines).
    static void split(std::string_view v, std::size_t n, std::array<Counts, facet_count>& by_facet) {
        if (!v.empty() && v.back() == '\0') {
            v.remove_suffix(1);
            count(by_facet[status], "overdue", n);
        }
        std::string_view rest = v;
        for (std::size_t line = 0; !rest.empty(); ++line) {
            std::size_t end = rest.find('\n');
            std::string_view value = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (value.empty()) continue;
            if (line < 3) count(by_facet[line], value, n);
            else count_named(value, n, by_facet);
        }
    }

    // After the first three lines: "agency=", "status=", "tone=" name their
    // facet; a line without '=' is a topic.
    static void count_named(std::string_view line, std::size_t n, std::array<Counts, facet_count>& by_facet) {
        static constexpr std::array<std::pair<std::string_view, Facet>, 3> named{
            {{"agency=", agency}, {"status=", status}, {"tone=", tone}}};
        for (const auto& [head, facet] : named)
            if (line.starts_with(head)) {
                if (line.size() > head.size()) count(by_facet[facet], line.substr(head.size()), n);
                return;
            }
        count(by_facet[topic], line, n);
    }

    static void count(Counts& counts, std::string_view value, std::size_t n) {
        auto it = counts.find(value);
        if (it == counts.end()) counts.emplace(std::string(value), n);
        else it->second += n;
    }

    // One slot's value stream. Xapian hands a single database's matches
    // over in increasing docid order, so the stream only moves forward;
    // a document behind it (or no stream) is read the slow way.
    class Stream {
    public:
        Stream() = default;
        Stream(const Xapian::Database& db, Xapian::valueno slot)
            : it_(db.valuestream_begin(slot)), end_(db.valuestream_end(slot)), open_(true) {}
        std::string value(const Xapian::Document& doc, Xapian::valueno slot) {
            Xapian::docid did = doc.get_docid();
            if (!open_ || did < last_) return doc.get_value(slot);
            last_ = did;
            if (it_ == end_) return {};
            if (it_.get_docid() < did) it_.skip_to(did);
            return it_ != end_ && it_.get_docid() == did ? *it_ : std::string();
        }

    private:
        Xapian::ValueIterator it_, end_;
        bool open_ = false;
        Xapian::docid last_ = 0;
    };

    std::string now_;
    std::string key_;  // scratch, kept to reuse its buffer
    Counts by_value_;
    Stream facets_, deadlines_;
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

void FacetCounters::attach(Xapian::Enquire& enquire, const Xapian::Database& db) {
    impl_->spy.read_from(db);
    enquire.add_matchspy(&impl_->spy);
}

std::map<std::string, std::vector<FacetCount>> FacetCounters::counts() const {
    auto counts = impl_->spy.counts();
    std::map<std::string, std::vector<FacetCount>> out;
    out["outlet"] = sorted_by_count(std::move(counts[outlet]));
    auto months = std::move(counts[month]);
    std::sort(months.begin(), months.end(), [](const FacetCount& a, const FacetCount& b) { return a.value > b.value; });
    out["month"] = months;
    out["flagged"] = sorted_by_count(std::move(counts[flagged]));
    out["topic"] = sorted_by_count(std::move(counts[topic]));
    out["agency"] = sorted_by_count(std::move(counts[agency]));
    out["status"] = sorted_by_count(std::move(counts[status]));
    out["tone"] = sorted_by_count(std::move(counts[tone]));
    return out;
}

}  // namespace presswatch::index
