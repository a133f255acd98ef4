// The query language: a lexer, a recursive-descent parser and the
// compilation of each leaf to terms built exactly as the writer builds
// them (terms.h, boolean_terms.h). Filters become boolean subqueries with
// zero weight, combined with OP_FILTER, never spliced into text.
#include "index/query.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <optional>

#include <fmt/format.h>

#include "core/error.h"
#include "index/boolean_terms.h"
#include "index/common_grams.h"
#include "index/phrase_filter.h"
#include "index/schema.h"
#include "index/terms.h"
#include "text/dates.h"

namespace presswatch::index {
namespace {

// Prefix searches expand to at most this many terms, the most frequent
// ones: "n*" must not turn into tens of thousands of terms and fail.
constexpr Xapian::termcount max_wildcard_expansion = 500;
// Weight of the exact-spelling boost against the folded match: enough to
// put "Thanh Hóa" first for a query typed "Thanh Hóa", not enough to lift
// a poor match over a good one.
constexpr double exact_boost = 1.0;
// Below this many articles with a word, its exact spelling always ranks
// (see spelled_so_nearly_everywhere): its posting list is short to read.
constexpr Xapian::doccount universal_spelling_from = 10'000;
// What an article gains for each pair of words typed one after another
// that it holds together, in order (and once more for a whole run of three
// or more syllables): more than any other part of a query can give, so
// that these articles rank above every article without them. Xapian's
// BM25 gives a term at most 4 ln(2N + 1) (k1 = k3 = 1, wqf's factor below
// 2): 86 at a billion articles, so this outweighs some 10,000 terms.
// Once a page is full of such articles, Xapian turns the AND_MAYBE that
// adds it into an AND: the rest of the search walks the phrase alone.
constexpr double adjacent_tier_weight = 1e6;
// A run of words typed together is ranked by its first this many
// syllables: each pair is one more phrase walk (a pasted sentence must
// not turn into dozens).
constexpr std::size_t max_tiered_syllables = 8;
// date:Nd accepts up to this many days (about thirty years).
constexpr int max_relative_days = 11000;

enum class Tok { word, phrase, field, lparen, rparen, minus, op_and, op_or, op_not, end };

struct Token {
    Tok kind = Tok::end;
    std::string text;      // word or phrase text; field value
    std::string field;     // field name, lowercase
    bool quoted = false;   // field value was quoted
    bool wildcard = false; // word ended in '*'
    std::size_t pos = 0;   // byte offset in the query
};

std::size_t column(const std::string& q, std::size_t byte) {
    std::size_t col = 1;
    for (std::size_t i = 0; i < byte && i < q.size(); ++i)
        if ((static_cast<unsigned char>(q[i]) & 0xC0) != 0x80) ++col;
    return col;
}

// Users read Vietnamese; the English gloss follows in parentheses, as in
// every user-facing message, for the docs and for anyone who writes in.
[[noreturn]] void fail(const std::string& q, std::size_t byte, const std::string& vi, const std::string& en) {
    std::size_t col = column(q, byte);
    throw InputError(fmt::format("truy vấn sai ở cột {}: {} (bad query at column {}: {})\n  {}\n  {:>{}}", col, vi,
                                 col, en, q, "^", col));
}

// Straight and typographic double quotes (phones type the latter).
std::size_t quote_len(const std::string& q, std::size_t i) {
    if (q[i] == '"') return 1;
    if (q.compare(i, 3, "\xE2\x80\x9C") == 0 || q.compare(i, 3, "\xE2\x80\x9D") == 0) return 3;
    return 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool known_field(const std::string& name) {
    if (name == "date" || name == "is") return true;
    for (const auto& f : schema::fields)
        if (f.name == name) return true;
    return false;
}

std::string field_list() {
    std::string out;
    for (const auto& f : schema::fields) out += std::string(f.name) + ": ";
    return out + "date: is:";
}

std::vector<Token> lex(const std::string& q) {
    std::vector<Token> out;
    std::size_t i = 0;
    auto read_quoted = [&](std::size_t open) {
        std::size_t start = open + quote_len(q, open);
        for (std::size_t j = start; j < q.size(); ++j)
            if (std::size_t n = quote_len(q, j)) {
                i = j + n;
                return q.substr(start, j - start);
            }
        fail(q, open, "dấu ngoặc kép này chưa được đóng; hãy đóng hoặc xóa nó", "this quote is never closed; close it or remove it");
    };
    while (i < q.size()) {
        char c = q[i];
        if (is_space(c)) {
            ++i;
        } else if (c == '(' || c == ')') {
            out.push_back({c == '(' ? Tok::lparen : Tok::rparen, {}, {}, false, false, i});
            ++i;
        } else if (quote_len(q, i)) {
            std::size_t at = i;
            out.push_back({Tok::phrase, read_quoted(i), {}, true, false, at});
        } else if (c == '-' && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != ')') {
            out.push_back({Tok::minus, {}, {}, false, false, i});
            ++i;
        } else {
            std::size_t start = i;
            while (i < q.size() && !is_space(q[i]) && q[i] != '(' && q[i] != ')' && !quote_len(q, i)) ++i;
            std::string word = q.substr(start, i - start);
            Token t{Tok::word, word, {}, false, false, start};
            if (word == "AND") t.kind = Tok::op_and;
            else if (word == "OR") t.kind = Tok::op_or;
            else if (word == "NOT") t.kind = Tok::op_not;
            std::size_t colon = word.find(':');
            bool letters = colon != std::string::npos && colon > 0 &&
                           std::all_of(word.begin(), word.begin() + static_cast<long>(colon),
                                       [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); });
            if (t.kind == Tok::word && letters) {
                std::string name = word.substr(0, colon);
                std::transform(name.begin(), name.end(), name.begin(), [](char ch) { return ch | 0x20; });
                if (!known_field(name))
                    fail(q, start, fmt::format("không có trường '{}:'; các trường là {}", word.substr(0, colon), field_list()),
                         fmt::format("unknown field '{}:'; the fields are {}", word.substr(0, colon), field_list()));
                t.kind = Tok::field;
                t.field = name;
                t.text = word.substr(colon + 1);
                if (t.text.empty()) {
                    if (i < q.size() && quote_len(q, i)) {
                        t.text = read_quoted(i);
                        t.quoted = true;
                    } else {
                        fail(q, start, fmt::format("trường '{}:' chưa có giá trị; viết {}:GIÁ_TRỊ, liền không cách", name, name),
                             fmt::format("field '{}:' has no value; write {}:VALUE with no space", name, name));
                    }
                }
            }
            if ((t.kind == Tok::word || (t.kind == Tok::field && !t.quoted)) && t.text.size() > 1 &&
                t.text.back() == '*') {
                t.text.pop_back();
                t.wildcard = true;
            }
            if (t.kind == Tok::word && t.text == "*") fail(q, start, "'*' phải đứng sau phần đầu của một từ, như nghi*",
                     "'*' must follow the start of a word, as in nghi*");
            out.push_back(std::move(t));
        }
    }
    out.push_back({Tok::end, {}, {}, false, false, q.size()});
    return out;
}

Xapian::Query filter_query(const std::string& term) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), 0.0);
}

// One parsed piece: its query, whether it carries weight (text) or only
// filters, and whether it is negated (to become AND_NOT where it is used).
struct Part {
    Xapian::Query q;
    bool scored = false;
    bool negated = false;
    bool nothing = true;  // e.g. a word made only of punctuation
};

Part filter_part(Xapian::Query q) { return {std::move(q), false, false, false}; }

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& v) {
    if (v.size() == 1) return v.front();
    return Xapian::Query(op, v.begin(), v.end());
}

struct Date {
    int y = 0, m = 0, d = 0;  // m, d zero when not given
};

// A plain word of a run of words typed together: its token and folded terms.
struct RunWord {
    std::size_t token;
    std::vector<std::string> folded;
};

class Parser {
public:
    Parser(const std::string& q, const QueryContext& ctx) : q_(q), ctx_(ctx), toks_(lex(q)) {
        int depth = 0;
        for (const auto& t : toks_) {
            if (t.kind == Tok::lparen) ++depth;
            else if (t.kind == Tok::rparen) --depth;
            else if (t.kind == Tok::op_or && depth == 0) top_level_or_ = true;
        }
    }

    CompiledQuery run() {
        Part p = parse_or();
        if (peek().kind == Tok::rparen) fail(q_, peek().pos, "dấu ')' này không có dấu '(' tương ứng", "this ')' has no matching '('");
        CompiledQuery out;
        if (p.nothing) return out;
        Xapian::Query q = p.negated ? Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, p.q) : p.q;
        if (p.scored && !exact_terms_.empty()) {
            // Matches are decided by the folded terms; articles that also
            // contain the exact spellings typed rank higher.
            Xapian::Query boost(Xapian::Query::OP_SCALE_WEIGHT,
                                Xapian::Query(Xapian::Query::OP_OR, exact_terms_.begin(), exact_terms_.end()),
                                exact_boost);
            q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, boost);
        }
        out.query = q;
        out.highlight_terms = highlight_terms_;
        out.highlight_phrases = std::move(highlight_phrases_);
        for (const auto& [token, word] : single_words_)
            if (std::find(run_tokens_.begin(), run_tokens_.end(), token) == run_tokens_.end())
                out.loose_words.push_back(word);
        out.phrase_checks = std::move(phrase_checks_);
        return out;
    }

private:
    const Token& peek() const { return toks_[at_]; }
    const Token& next() { return toks_[at_++]; }
    bool ends_group(Tok k) const { return k == Tok::end || k == Tok::rparen || k == Tok::op_or; }

    Part parse_or() {
        std::vector<Part> parts{parse_and()};
        while (peek().kind == Tok::op_or) {
            const Token& op = next();
            if (ends_group(peek().kind) || peek().kind == Tok::op_and)
                fail(q_, op.pos, "sau OR không có gì", "OR has nothing after it");
            if (parts.back().nothing) fail(q_, op.pos, "trước OR không có gì", "OR has nothing before it");
            parts.push_back(parse_and());
        }
        if (parts.size() == 1) return parts.front();
        std::vector<Xapian::Query> qs;
        Part out{{}, false, false, false};
        for (auto& p : parts) {
            if (p.nothing) continue;
            qs.push_back(p.negated ? Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, p.q) : p.q);
            out.scored = out.scored || (p.scored && !p.negated);
        }
        if (qs.empty()) return {};
        out.q = combine(Xapian::Query::OP_OR, qs);
        return out;
    }

    Part parse_and() {
        std::vector<Part> items;
        // Plain words typed one after another, each as its folded terms:
        // an explicit AND, a field, a phrase or an operator ends a run.
        std::vector<std::vector<RunWord>> runs(1);
        while (!ends_group(peek().kind)) {
            if (peek().kind == Tok::op_and) {
                const Token& op = next();
                if (items.empty()) fail(q_, op.pos, "trước AND không có gì", "AND has nothing before it");
                if (ends_group(peek().kind) || peek().kind == Tok::op_and) fail(q_, op.pos, "sau AND không có gì", "AND has nothing after it");
                runs.emplace_back();
                continue;
            }
            const Token& t = peek();
            bool plain = t.kind == Tok::word && !t.wildcard;
            std::size_t token = at_;
            items.push_back(parse_unary());
            if (!plain) {
                runs.emplace_back();
            } else if (std::vector<std::string> f = text_terms(t.text, "", TermForm::folded); !f.empty()) {
                runs.back().push_back({token, std::move(f)});
            }
        }
        std::vector<Xapian::Query> tiers = adjacency_tiers(runs);
        std::vector<Xapian::Query> scored, filters, negatives;
        for (auto& p : items) {
            if (p.nothing) continue;
            if (p.negated) negatives.push_back(p.q);
            else (p.scored ? scored : filters).push_back(p.q);
        }
        if (scored.empty() && filters.empty() && negatives.empty()) return {};
        Part out{{}, !scored.empty(), false, false};
        if (!scored.empty()) {
            out.q = combine(Xapian::Query::OP_AND, scored);
            if (!filters.empty())
                out.q = Xapian::Query(Xapian::Query::OP_FILTER, out.q, combine(Xapian::Query::OP_AND, filters));
        } else if (!filters.empty()) {
            out.q = combine(Xapian::Query::OP_AND, filters);
        } else {
            // Only negations: the caller decides what they subtract from.
            out.q = combine(Xapian::Query::OP_OR, negatives);
            out.negated = true;
            return out;
        }
        if (!tiers.empty() && out.scored)
            out.q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out.q, combine(Xapian::Query::OP_OR, tiers));
        if (!negatives.empty())
            out.q = Xapian::Query(Xapian::Query::OP_AND_NOT, out.q, combine(Xapian::Query::OP_OR, negatives));
        return out;
    }

    // The sources that rank runs of words typed together: one for each pair
    // of words that meet in a run (a word's own syllables, "Thanh-Hóa",
    // are a phrase already) and one for a whole run of three syllables or
    // more, each adding adjacent_tier_weight to the articles holding it. An
    // article with the whole run then outranks one with only some of its
    // pairs, which outranks one with none. Runs of one word stand alone.
    std::vector<Xapian::Query> adjacency_tiers(const std::vector<std::vector<RunWord>>& runs) {
        std::vector<Xapian::Query> tiers;
        for (const auto& run : runs) {
            if (run.size() < 2) continue;
            std::vector<std::string> syllables;  // folded terms, "Zsong"
            std::vector<std::size_t> meets;      // where a word meets the next
            for (const auto& word : run) {
                if (!syllables.empty()) meets.push_back(syllables.size());
                syllables.insert(syllables.end(), word.folded.begin(), word.folded.end());
                run_tokens_.push_back(word.token);
            }
            if (syllables.size() > max_tiered_syllables) syllables.resize(max_tiered_syllables);
            std::vector<std::string> plain;
            for (const auto& t : syllables) plain.push_back(t.substr(schema::folded.size()));
            highlight_phrases_.push_back(plain);
            if (!ctx_.rank_adjacent || negations_ > 0) continue;
            for (std::size_t m : meets)
                if (m < syllables.size()) tiers.push_back(adjacency_tier({syllables[m - 1], syllables[m]}));
            if (syllables.size() >= 3) tiers.push_back(adjacency_tier(syllables));
        }
        return tiers;
    }

    // A source yielding, with adjacent_tier_weight, the articles that hold
    // these folded terms together, in order, anywhere a plain phrase may
    // be: the phrase machinery of phrase(), checked whole (phrase_filter.h).
    // Syllables that are all common walk their rarest pair term, exactly
    // the phrase for two of them.
    Xapian::Query adjacency_tier(const std::vector<std::string>& folded) {
        if (ctx_.db && !grams_) grams_ = CommonGrams::of(*ctx_.db);
        PhraseCheck check{{}, phrase_fields(""), folded, {}, false};
        for (const auto& t : folded) check.words.push_back(t.substr(schema::folded.size()));
        if (grams_ && ctx_.db) {
            Xapian::doccount fewest = 0;
            for (std::size_t i = 1; i < folded.size(); ++i) {
                std::string pair = grams_->pair_term(check.words[i - 1], check.words[i]);
                if (pair.empty()) {
                    check.walk_term.clear();
                    break;
                }
                Xapian::doccount n = ctx_.db->get_termfreq(pair);
                if (check.walk_term.empty() || n < fewest) check.walk_term = pair, fewest = n;
            }
            check.walk_is_phrase = !check.walk_term.empty() && folded.size() == 2;
        }
        return Xapian::Query(
            (new PhraseFilter(std::move(check), PhraseFilter::Check::positions, adjacent_tier_weight))->release());
    }

    Part parse_unary() {
        if (peek().kind == Tok::op_not || peek().kind == Tok::minus) {
            const Token& op = next();
            if (ends_group(peek().kind) || peek().kind == Tok::op_and)
                fail(q_, op.pos, op.kind == Tok::minus ? "sau '-' không có gì" : "sau NOT không có gì",
                     op.kind == Tok::minus ? "'-' has nothing after it" : "NOT has nothing after it");
            ++negations_;
            Part p = parse_unary();
            --negations_;
            if (!p.nothing) p.negated = !p.negated;
            return p;
        }
        return parse_primary();
    }

    Part parse_primary() {
        const Token& t = next();
        switch (t.kind) {
        case Tok::lparen: {
            ++depth_;
            Part p = parse_or();
            --depth_;
            if (peek().kind != Tok::rparen) fail(q_, t.pos, "dấu '(' này chưa được đóng", "this '(' is never closed");
            next();
            return p;
        }
        case Tok::rparen: fail(q_, t.pos, "dấu ')' này không có dấu '(' tương ứng", "this ')' has no matching '('");
        case Tok::word: {
            std::vector<std::string> f = text_terms(t.text, "", TermForm::folded);
            if (f.size() == 1 && !t.wildcard) single_words_.emplace_back(at_ - 1, f.front().substr(schema::folded.size()));
            return text_part(t.text, "", t.wildcard, t.pos);
        }
        case Tok::phrase: return text_part(t.text, "", false, t.pos);
        case Tok::field: return field_part(t);
        default: fail(q_, t.pos, "toán tử đặt sai chỗ", "unexpected operator");
        }
    }

    Part text_part(const std::string& text, std::string_view prefix, bool wildcard, std::size_t pos) {
        std::vector<std::string> folded = text_terms(text, prefix, TermForm::folded);
        std::vector<std::string> exact = text_terms(text, prefix, TermForm::exact);
        if (folded.empty()) return {};
        if (wildcard) {
            if (folded.size() > 1) fail(q_, pos, "'*' chỉ được đặt cuối một từ đơn, như nghi*", "'*' may end only a single word, as in nghi*");
            const std::string& term = ctx_.exact && !exact.empty() ? exact.front() : folded.front();
            Xapian::Query q = ctx_.db ? expand_prefix(term)
                                      : Xapian::Query(Xapian::Query::OP_WILDCARD, term, max_wildcard_expansion,
                                                      Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
            return {q, true, false, false};
        }
        for (std::size_t i = 0; i < exact.size(); ++i) {
            const std::string& e = exact[i];
            if (exact.size() == folded.size() && spelled_so_nearly_everywhere(e, folded[i])) continue;
            if (std::find(exact_terms_.begin(), exact_terms_.end(), e) == exact_terms_.end()) exact_terms_.push_back(e);
        }
        Xapian::Query q = folded.size() == 1 ? Xapian::Query(folded.front()) : phrase(prefix, folded);
        if (ctx_.exact && !exact.empty()) {
            // Exact terms carry no positions: the phrase is checked on the
            // folded terms, the spelling on each exact term.
            std::vector<Xapian::Query> ex(exact.begin(), exact.end());
            q = Xapian::Query(Xapian::Query::OP_FILTER, q, combine(Xapian::Query::OP_AND, ex));
        }
        return {q, true, false, false};
    }

    // Whether the exact spelling typed is in so nearly every article with
    // the word (49 in 50, in a large archive) that ranking those first
    // would move almost nothing, while boosting by it reads its long
    // posting list for every match (two thirds of the time of a query for
    // two such syllables). docs/search.md says so.
    bool spelled_so_nearly_everywhere(const std::string& exact, const std::string& folded) const {
        if (!ctx_.db || ctx_.exact) return false;
        Xapian::doccount with_word = ctx_.db->get_termfreq(folded);
        return with_word >= universal_spelling_from && ctx_.db->get_termfreq(exact) * 50ull >= with_word * 49ull;
    }

    // A phrase of folded terms: the AND of its terms (which ranks it),
    // plus a check of the word order (phrase_filter.h). Pairs of common
    // syllables have their own terms in the index (index/common_grams.h): a
    // phrase of common syllables only is the AND of its pair terms (one
    // term for two syllables), and a longer phrase with some common pairs is
    // filtered by them, so the order is checked only where all pairs occur.
    Xapian::Query phrase(std::string_view prefix, const std::vector<std::string>& folded) {
        // Folded terms are "Z" + prefix + the syllable.
        auto syllable = [&](std::size_t i) {
            return std::string_view(folded[i]).substr(schema::folded.size() + prefix.size());
        };
        std::vector<Xapian::Query> filters;
        if (ctx_.db && !grams_) grams_ = CommonGrams::of(*ctx_.db);
        if (prefix.empty() && ctx_.db) {
            for (std::size_t i = 1; i < folded.size(); ++i)
                if (std::string t = grams_->pair_term(syllable(i - 1), syllable(i)); !t.empty()) filters.emplace_back(t);
        }
        PhraseCheck check{{}, phrase_fields(prefix), folded, {}, false};
        for (std::size_t i = 0; i < folded.size(); ++i) check.words.emplace_back(syllable(i));
        highlight_phrases_.push_back(check.words);
        if (!filters.empty() && filters.size() + 1 == folded.size()) {
            // Every adjacent pair has its term: their AND finds and ranks
            // the matches (by how often the pairs occur), and the words'
            // own terms, in nearly every article, are not read at all. Two
            // syllables are their pair term alone, exactly.
            highlight_terms_.insert(highlight_terms_.end(), folded.begin(), folded.end());
            Xapian::Query pairs = combine(Xapian::Query::OP_AND, filters);
            if (folded.size() == 2) return pairs;
            if (every_match_needs_this()) {
                phrase_checks_.push_back(std::move(check));
                return pairs;
            }
            return Xapian::Query(Xapian::Query::OP_FILTER, pairs,
                                 Xapian::Query((new PhraseFilter(std::move(check)))->release()));
        }
        std::vector<Xapian::Query> terms(folded.begin(), folded.end());
        Xapian::Query all = combine(Xapian::Query::OP_AND, terms);
        // A phrase with a word outside the common list is walked from that
        // word's signed positions, inside the query (phrase_filter.h).
        bool has_rare_word = false;
        if (grams_)
            for (std::size_t i = 0; i < folded.size(); ++i) has_rare_word |= !grams_->common(syllable(i));
        if (every_match_needs_this()) {
            if (has_rare_word) filters.emplace_back((new PhraseFilter(check, PhraseFilter::Check::signatures))->release());
            phrase_checks_.push_back(std::move(check));
            return filters.empty() ? all : Xapian::Query(Xapian::Query::OP_FILTER, all, combine(Xapian::Query::OP_AND, filters));
        }
        filters.emplace_back((new PhraseFilter(std::move(check)))->release());
        return Xapian::Query(Xapian::Query::OP_FILTER, all, combine(Xapian::Query::OP_AND, filters));
    }

    // Whether the text being compiled is one of the top-level ANDed parts
    // of the query (not under OR, NOT or parentheses): every match must
    // then hold it, and its order can be left to the searcher's decider.
    bool every_match_needs_this() const { return !top_level_or_ && depth_ == 0 && negations_ == 0; }

    // The fields a phrase under prefix may lie in.
    static std::vector<schema::WordField> phrase_fields(std::string_view prefix) {
        using F = schema::WordField;
        if (prefix == schema::headline) return {F::headline};
        if (prefix == schema::lead) return {F::lead};
        if (prefix == schema::author) return {F::author};
        return {F::headline, F::lead, F::body};
    }

    // The most frequent terms starting with prefix, as one synonym.
    Xapian::Query expand_prefix(const std::string& prefix) {
        std::vector<std::pair<Xapian::doccount, std::string>> terms;
        for (auto it = ctx_.db->allterms_begin(prefix); it != ctx_.db->allterms_end(prefix); ++it)
            terms.emplace_back(it.get_termfreq(), *it);
        if (terms.size() > max_wildcard_expansion) {
            std::partial_sort(terms.begin(), terms.begin() + max_wildcard_expansion, terms.end(),
                              [](const auto& a, const auto& b) { return a.first > b.first; });
            terms.resize(max_wildcard_expansion);
        }
        if (terms.empty()) return Xapian::Query::MatchNothing;
        std::vector<Xapian::Query> qs;
        for (auto& [freq, term] : terms) qs.emplace_back(term);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, qs.begin(), qs.end());
    }

    Part field_part(const Token& t) {
        if (t.field == "date") return filter_part(date_query(t));
        if (t.field == "is") {
            static const char* const states[] = {"flagged", "new", "clipping"};
            for (const char* s : states)
                if (t.text == s) return filter_part(filter_query(boolean_term(schema::state, s)));
            fail(q_, t.pos, fmt::format("không có is:{}; dùng is:flagged, is:new hoặc is:clipping", t.text),
                 fmt::format("is:{} is not known; use is:flagged, is:new or is:clipping", t.text));
        }
        const schema::Field* f = nullptr;
        for (const auto& candidate : schema::fields)
            if (candidate.name == t.field) f = &candidate;
        if (!f->boolean) return text_part(t.text, f->prefix, t.wildcard, t.pos);
        std::string value = f->slug ? slug_value(t.text) : t.text;
        if (value.empty()) fail(q_, t.pos, fmt::format("trường '{}:' không có giá trị dùng được", t.field),
                                  fmt::format("field '{}:' has no usable value", t.field));
        // Overdue is never stored: it is an open item whose deadline has
        // passed by the time the query runs (slot_open_deadline).
        if (f->prefix == schema::status && value == "overdue")
            return filter_part(Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot_open_deadline,
                                             Xapian::sortable_serialise(static_cast<double>(now()))));
        if (t.wildcard)
            return filter_part(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                             Xapian::Query(Xapian::Query::OP_WILDCARD, boolean_term(f->prefix, value),
                                                           max_wildcard_expansion,
                                                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT),
                                             0.0));
        return filter_part(filter_query(boolean_term(f->prefix, value)));
    }

    // ---- dates ----

    std::string day_string(int y, int m, int d) { return fmt::format("{:04}{:02}{:02}", y, m, d); }

    static int days_in_month(int y, int m) {
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return m == 2 && leap ? 29 : days[m - 1];
    }

    std::string day_of(std::int64_t t) {
        std::string iso = text::iso_date(t);
        return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
    }

    std::int64_t now() const { return ctx_.now ? ctx_.now : static_cast<std::int64_t>(std::time(nullptr)); }

    // YYYY, YYYY-MM, YYYY-MM-DD or D/M/YYYY.
    std::optional<Date> parse_date(std::string_view s) {
        auto number = [](std::string_view v, int& out) {
            if (v.empty() || v.size() > 4) return false;
            auto r = std::from_chars(v.data(), v.data() + v.size(), out);
            return r.ec == std::errc() && r.ptr == v.data() + v.size();
        };
        Date d;
        if (s.find('/') != std::string_view::npos) {
            auto a = s.find('/'), b = s.find('/', a + 1);
            if (b == std::string_view::npos || !number(s.substr(0, a), d.d) || !number(s.substr(a + 1, b - a - 1), d.m) ||
                !number(s.substr(b + 1), d.y) || s.size() - b - 1 != 4)
                return std::nullopt;
            return d;
        }
        if (s.size() < 4 || !number(s.substr(0, 4), d.y)) return std::nullopt;
        if (s.size() == 4) return d;
        if (s.size() < 7 || s[4] != '-' || !number(s.substr(5, 2), d.m)) return std::nullopt;
        if (s.size() == 7) return d;
        if (s.size() != 10 || s[7] != '-' || !number(s.substr(8, 2), d.d)) return std::nullopt;
        return d;
    }

    // The first (or last) day a date covers, as YYYYMMDD.
    std::string bound(const Token& t, std::string_view s, bool upper) {
        auto d = parse_date(s);
        if (!d) fail(q_, t.pos, fmt::format("'{}' không phải ngày; viết 2026-11-05, 2026-11, 2026 hoặc 5/11/2026", s),
                          fmt::format("'{}' is not a date; write 2026-11-05, 2026-11, 2026 or 5/11/2026", s));
        if (d->y < 1900 || d->y > 2200) fail(q_, t.pos, fmt::format("năm trong '{}' nằm ngoài khoảng dùng được", s),
                                                  fmt::format("the year in '{}' is out of range", s));
        if (d->m != 0 && (d->m < 1 || d->m > 12)) fail(q_, t.pos, fmt::format("'{}' có tháng không tồn tại", s),
                                                                 fmt::format("'{}' has no such month", s));
        if (d->d != 0 && (d->d < 1 || d->d > days_in_month(d->y, d->m)))
            fail(q_, t.pos, fmt::format("'{}' không phải ngày có thật: tháng đó có {} ngày", s, days_in_month(d->y, d->m)),
                 fmt::format("'{}' is not a real date: that month has {} days", s, days_in_month(d->y, d->m)));
        int m = d->m ? d->m : (upper ? 12 : 1);
        int day = d->d ? d->d : (upper ? days_in_month(d->y, m) : 1);
        return day_string(d->y, m, day);
    }

    Xapian::Query date_query(const Token& t) {
        const std::string& v = t.text;
        std::string lo, hi;
        if (v == "today" || v == "yesterday") {
            lo = hi = day_of(now() - (v == "today" ? 0 : 86400));
        } else if (v.size() >= 2 && v.back() == 'd' &&
                   std::all_of(v.begin(), v.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
            int n = 0;
            std::from_chars(v.data(), v.data() + v.size() - 1, n);
            if (n < 1 || n > max_relative_days)
                fail(q_, t.pos, fmt::format("date:{} phải đếm từ 1 đến {} ngày", v, max_relative_days),
                     fmt::format("date:{} must count between 1 and {} days", v, max_relative_days));
            lo = day_of(now() - std::int64_t(n - 1) * 86400);
            hi = day_of(now());
        } else if (auto dots = v.find(".."); dots != std::string::npos) {
            std::string_view a = std::string_view(v).substr(0, dots), b = std::string_view(v).substr(dots + 2);
            if (a.empty() && b.empty()) fail(q_, t.pos, "khoảng ngày cần ngày đầu, ngày cuối hoặc cả hai", "a date range needs a start, an end or both");
            if (!a.empty()) lo = bound(t, a, false);
            if (!b.empty()) hi = bound(t, b, true);
            if (!lo.empty() && !hi.empty() && lo > hi) fail(q_, t.pos, "khoảng ngày này kết thúc trước khi bắt đầu", "this date range ends before it starts");
        } else {
            lo = bound(t, v, false);
            hi = bound(t, v, true);
        }
        if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot_day, hi);
        if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_day, lo);
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, date_terms(lo, hi), 0.0);
    }

    // The fewest year, month and day terms (schema.h) that cover the days
    // lo..hi (YYYYMMDD, lo <= hi): a 90-day range is two or three months
    // and the days at its ends.
    Xapian::Query date_terms(const std::string& lo, const std::string& hi) {
        auto number = [](const std::string& s, std::size_t at, std::size_t n) {
            int v = 0;
            std::from_chars(s.data() + at, s.data() + at + n, v);
            return v;
        };
        int y = number(lo, 0, 4), m = number(lo, 4, 2), d = number(lo, 6, 2);
        std::vector<Xapian::Query> terms;
        for (std::string day = lo; day <= hi; day = day_string(y, m, d)) {
            int month_end = days_in_month(y, m);
            if (m == 1 && d == 1 && day_string(y, 12, 31) <= hi) {
                terms.emplace_back(std::string(schema::year) + day.substr(0, 4));
                ++y;
            } else if (d == 1 && day_string(y, m, month_end) <= hi) {
                terms.emplace_back(std::string(schema::month) + day.substr(0, 6));
                if (++m > 12) m = 1, ++y;
            } else {
                terms.emplace_back(std::string(schema::day) + day);
                if (++d <= month_end) continue;
                d = 1;
                if (++m > 12) m = 1, ++y;
                continue;
            }
            d = 1;
        }
        return combine(Xapian::Query::OP_OR, terms);
    }

    const std::string& q_;
    const QueryContext& ctx_;
    std::optional<CommonGrams> grams_;  // the index's, read on first use
    std::vector<Token> toks_;
    std::size_t at_ = 0;
    std::vector<std::string> exact_terms_, highlight_terms_;
    std::vector<PhraseCheck> phrase_checks_;
    std::vector<std::vector<std::string>> highlight_phrases_;
    // Plain one-syllable words (token index, folded), and the tokens of
    // runs of two words or more: the words of no run stay loose.
    std::vector<std::pair<std::size_t, std::string>> single_words_;
    std::vector<std::size_t> run_tokens_;
    bool top_level_or_ = false;  // an OR outside every parenthesis
    int depth_ = 0;              // parentheses open around the current token
    int negations_ = 0;          // NOT or '-' around the current token
};

}  // namespace

CompiledQuery compile_query(const std::string& text, const QueryContext& context) {
    return Parser(text, context).run();
}

}  // namespace presswatch::index
