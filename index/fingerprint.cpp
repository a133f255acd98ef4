// fingerprint(): a digest of every Document field the writer indexes.
#include "index/boolean_terms.h"
#include "index/index.h"

namespace presswatch::index {
namespace {
constexpr const char* document_layout = "facets-2";
}  // namespace

std::string fingerprint(const Document& d) {
    // Fields separated by a byte that never appears in NFC text, lists by
    // another, so no two different documents serialise alike.
    std::string s;
    auto field = [&](const std::string& v) {
        s += v;
        s += '\x1f';
    };
    auto list = [&](const std::vector<std::string>& v) {
        for (const auto& x : v) {
            s += x;
            s += '\x1e';
        }
        s += '\x1f';
    };
    auto number = [&](std::optional<std::int64_t> v) { field(v ? std::to_string(*v) : "-"); };
    // How put() lays a document out: documents put before a change of layout
    // (facets by agency, status and tone) differ, so `check` finds them.
    field(document_layout);
    number(d.id);
    field(d.url);
    field(d.outlet);
    field(d.headline);
    field(d.lead);
    field(d.body);
    field(d.author);
    number(d.published);
    number(d.fetched);
    field(d.clipping ? "1" : "0");
    field(d.mention_level);
    field(d.flagged ? "1" : "0");
    list(d.topics);
    list(d.agencies);
    list(d.places);
    list(d.tags);
    field(d.tone);
    field(d.review);
    field(d.response_status);
    number(d.deadline);
    number(d.story);
    return hash_hex(s);
}

}  // namespace presswatch::index
