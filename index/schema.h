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
//   Z       free text folded terms: lowercase, no diacritics, đ -> d
//                     ("Zthanh", "Zhoa"), from headline, lead and body.
//                     They decide what matches. No term has Xapian
//                     positions: phrases are checked on the word positions
//                     kept in value slots (slot_positions). "Z" + the fold stemmer's
//                     output (fold_stemmer.h; words split by terms.h), so
//                     MSet::snippet, given that stemmer, highlights them.
//   (none)  free text exact terms, no positions: NFC, lowercase, tone
//                     mark placement canonicalised ("hoá"), from headline,
//                     lead and body. They only rank (articles spelled as the
//                     query is typed come first) and filter in --exact mode.
//   ZS      free text folded headline terms (`title:`).
//   S       free text exact headline terms, no positions (`title:` --exact).
//   ZXL     free text folded lead terms (`lead:`).
//   XL      free text exact lead terms, no positions.
//   ZA      free text folded author terms (`author:`).
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
//   XM      boolean   mention level (triage/decision.h): "XMsubject",
//                     "XMpassing", "XMnot". Added without a schema
//                     version change: store migration 40 queued every
//                     article, so the next index sync puts each document
//                     again with it.
//   XIS     boolean   states for `is:`: "XISclipping", "XISflagged", "XISnew".
//   XDY     boolean   publication year, "XDY2026"; XDM month, "XDM202611";
//   XDM, XDD          XDD day, "XDD20261105" (slot_day's date). A closed
//                     `date:` range is the OR of the fewest of these that
//                     cover it: a posting list union instead of one value
//                     read per candidate.
//   XB      free text common grams, no positions: two adjacent folded
//                     syllables that are both common, "XBcua_nguoi", from
//                     headline, lead and body (index/common_grams.h).
//
// Prefixes follow Xapian's convention (omega/docs/termprefixes.rst): one
// capital letter for the standard ones (Q, S, A, K), "X" and capitals for
// ours. Boolean terms longer than max_term_bytes are hashed, never
// truncated (see writer.cpp). Value slots are listed below.
#include <cstddef>
#include <cstdint>
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
inline constexpr std::string_view mention = "XM";
inline constexpr std::string_view state = "XIS";
inline constexpr std::string_view common_gram = "XB";
inline constexpr std::string_view year = "XDY";
inline constexpr std::string_view month = "XDM";
inline constexpr std::string_view day = "XDD";

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
// The facets, one per line: outlet slug, "YYYY-MM", "1" flagged or "0",
// then each topic slug on a line of its own, then "agency=<slug>" for each
// agency, "status=<response status>" and "tone=<tone>" when set. One slot, so that exact
// counts read one value a match (index/facets.cpp). Slots 4-6 held them
// one by one in schema 2; they and slot 9 are free.
inline constexpr Xapian::valueno slot_facets = 3;
// fingerprint(Document) of what was put, so `presswatch check` can compare
// the index with the store without rebuilding documents term by term.
inline constexpr Xapian::valueno slot_fingerprint = 7;
// sortable_serialise(deadline) of a flagged item still waiting for its
// agency (response status pending or sent); unset otherwise. status:overdue
// is "this slot <= now", computed when the query runs, never stored.
inline constexpr Xapian::valueno slot_open_deadline = 8;
// Slots slot_positions .. + position_shards - 1: the word positions of
// the document's words outside the common list numbered above
// own_position_words, by word number; slots
// slot_common_positions .. + common_position_shards - 1: those of the
// common words (index/word_positions.h). Phrases are checked on them; no
// term has Xapian positions. Words the scanner skips (over max_word_bytes)
// have no position. Slots 9 to 15 are free (10 to 41 held one family of 32
// position slots in schema 3).
inline constexpr Xapian::valueno slot_common_positions = 16;
inline constexpr unsigned common_position_shards = 32;
inline constexpr Xapian::valueno slot_positions = 64;
inline constexpr unsigned position_shards = 256;
// Slots slot_own_positions .. + own_position_words - 1: one slot a word for
// the words numbered 1 .. own_position_words that are outside the common
// list (word n in slot slot_own_positions + n - 1). A new index numbers the
// language's next most frequent syllables first (CommonGrams::numbered_first),
// so these are the words whose phrase walks are longest (schema 5).
inline constexpr Xapian::valueno slot_own_positions = 320;
inline constexpr std::uint32_t own_position_words = 256;
// The fields of a document, as word positions record them (word_positions.h).
enum class WordField { headline = 0, lead = 1, body = 2, author = 3 };

// Metadata key holding the schema version; an index with another version
// is refused with a message to run `presswatch reindex`.
inline constexpr std::string_view version_key = "presswatch-schema";
// 6: word position lists without a length for a word found once, and
// deltas within a field in words (index/word_positions.h): 9 % smaller.
inline constexpr std::string_view version = "6";
// Metadata key holding the index's list of common syllables (folded,
// space-separated), see index/common_grams.h.
inline constexpr std::string_view common_grams_key = "presswatch-common-grams";
// Metadata keys of the word numbers (index/word_ids.h): the prefix of one
// word's key ("presswatch-w:" + folded word) and the next free number.
inline constexpr std::string_view word_key_prefix = "presswatch-w:";
inline constexpr std::string_view word_count_key = "presswatch-words";

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
    {"mention", mention, true, true},
};

}  // namespace presswatch::index::schema
