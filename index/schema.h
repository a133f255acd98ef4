#pragma once
// The index schema, written down once: every term prefix and value slot of
// a presswatch index document, and the table of user field names. The
// writer (writer.cpp) and the query compiler (query.cpp) both read it; a
// change here changes both, and docs/index.md describes it for people.
//
// One Xapian document per stored article. Its terms:
//
//   prefix  kind      what
//   Q       boolean   the store's article id in decimal: "Q123". Unique; the
//                     writer replaces documents by it (idempotent re-index).
//   Z       free text folded terms WITH positions: lowercase, no diacritics,
//                     đ -> d ("Zthanh", "Zhoa"), from headline, lead and body.
//                     They decide what matches. "Z" + the fold stemmer's
//                     output (fold_stemmer.h; words split by terms.h), so
//                     MSet::snippet, given that stemmer, highlights them.
//   (none)  free text exact terms WITHOUT positions: NFC, lowercase, tone
//                     mark placement canonicalised ("hoá"), from headline,
//                     lead and body. They only rank (articles spelled as the
//                     query is typed come first) and filter in --exact mode.
//   ZS      free text folded headline terms with positions (`title:`).
//   S       free text exact headline terms, no positions (`title:` --exact).
//   ZXL     free text folded lead terms with positions (`lead:`).
//   XL      free text exact lead terms, no positions.
//   ZA      free text folded author terms with positions (`author:`).
//   A       free text exact author terms, no positions.
//   XO      boolean   outlet slug: "XOvnexpress".
//   XT      boolean   topic slug: "XTmoi-truong".
//   K       boolean   tag: the outlet's own keywords, folded, spaces to '-':
//                     "Kthanh-hoa".
//   XG      boolean   agency slug: "XGso-nnmt".
//   XP      boolean   place, folded, spaces to '-': "XPnghi-son".
//   XR      boolean   review state: "XRnew", "XRrelevant", "XRnot-relevant".
//   XST     boolean   response status: "XSTsent", "XSTanswered", ...
//   XTO     boolean   tone: "XTOnegative".
//   XIS     boolean   states for `is:`: "XISclipping", "XISflagged", "XISnew".
//   XB      free text common grams, no positions: two adjacent folded
//                     syllables that are both common, "XBcua_nguoi", from
//                     headline, lead and body (index/common_grams.h).
//
// Prefixes follow Xapian's convention (omega/docs/termprefixes.rst): one
// capital letter for the standard ones (Q, S, A, K), "X" and capitals for
// ours. Boolean terms longer than max_term_bytes are hashed, never
// truncated (see writer.cpp). Value slots are listed below.
#include <cstddef>
#include <string_view>

#include <xapian.h>

namespace presswatch::index::schema {

// Prefixes (see the table above).
inline constexpr std::string_view id = "Q";
inline constexpr std::string_view folded = "Z";
inline constexpr std::string_view exact = "";
inline constexpr std::string_view headline = "S";
inline constexpr std::string_view lead = "XL";
inline constexpr std::string_view author = "A";
inline constexpr std::string_view outlet = "XO";
inline constexpr std::string_view topic = "XT";
inline constexpr std::string_view tag = "K";
inline constexpr std::string_view agency = "XG";
inline constexpr std::string_view place = "XP";
inline constexpr std::string_view review = "XR";
inline constexpr std::string_view status = "XST";
inline constexpr std::string_view tone = "XTO";
inline constexpr std::string_view state = "XIS";
inline constexpr std::string_view common_gram = "XB";

// Value slots.
// "YYYYMMDD" of the publication (else fetch) date in Vietnam time. Date
// only: range filters compare strings, so a time part would drop the last
// day of a range.
inline constexpr Xapian::valueno slot_day = 0;
// sortable_serialise(unix seconds) of the same moment, for date order.
inline constexpr Xapian::valueno slot_time = 1;
// The story id (decimal) for collapsing near-duplicates; empty when the
// article is in no story, which Xapian never collapses.
inline constexpr Xapian::valueno slot_story = 2;
// Outlet slug, for the outlet facet.
inline constexpr Xapian::valueno slot_outlet = 3;
// "YYYY-MM", for the month facet.
inline constexpr Xapian::valueno slot_month = 4;
// Topic slugs joined by '\n', for the topic facet (multi-valued).
inline constexpr Xapian::valueno slot_topics = 5;
// "1" flagged, "0" not, for the flag facet.
inline constexpr Xapian::valueno slot_flagged = 6;
// fingerprint(Document) of what was put, so `presswatch check` can compare
// the index with the store without rebuilding documents term by term.
inline constexpr Xapian::valueno slot_fingerprint = 7;
// sortable_serialise(deadline) of a flagged item still waiting for its
// agency (response status pending or sent); unset otherwise. status:overdue
// is "this slot <= now", computed when the query runs, never stored.
inline constexpr Xapian::valueno slot_open_deadline = 8;

// Metadata key holding the schema version; an index with another version
// is refused with a message to run `presswatch reindex`.
inline constexpr std::string_view version_key = "presswatch-schema";
inline constexpr std::string_view version = "2";
// Metadata key holding the index's list of common syllables (folded,
// space-separated), see index/common_grams.h.
inline constexpr std::string_view common_grams_key = "presswatch-common-grams";

// Xapian rejects any term over 245 bytes at add_document time.
inline constexpr std::size_t max_term_bytes = 245;

// Weight multiplier of the headline's terms (wdf): a word in the headline
// says more about the article than the same word in the body.
inline constexpr Xapian::termcount headline_wdf = 3;

// A user field of the query language.
struct Field {
    std::string_view name;    // as typed before ':'
    std::string_view prefix;  // term prefix
    bool boolean;             // true: a filter on a whole value; false: free text
    bool slug;                // boolean value is folded and spaces become '-'
};

// Every field the query language knows, besides `date:` and `is:` which
// query.cpp handles itself (they are ranges and states, not one term).
inline constexpr Field fields[] = {
    {"title", headline, false, false},
    {"lead", lead, false, false},
    {"author", author, false, false},
    {"outlet", outlet, true, true},
    {"topic", topic, true, true},
    {"tag", tag, true, true},
    {"agency", agency, true, true},
    {"place", place, true, true},
    {"review", review, true, true},
    {"status", status, true, true},
    {"tone", tone, true, true},
};

}  // namespace presswatch::index::schema
