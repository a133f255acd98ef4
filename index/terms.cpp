#include "index/terms.h"

#include <algorithm>
#include <utility>

#include "index/fold_stemmer.h"
#include "index/tone_marks.h"
#include "text/normalize.h"

namespace presswatch::index {

std::string exact_form(std::string_view text) { return canonical_tones(text::nfc(text)); }

Xapian::TermGenerator term_generator(TermForm form) {
    Xapian::TermGenerator tg;
    if (form == TermForm::folded) {
        tg.set_stemmer(fold_stemmer());
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    } else {
        tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    }
    return tg;
}

std::vector<std::string> text_terms(std::string_view text, std::string_view prefix, TermForm form) {
    Xapian::Document doc;
    Xapian::TermGenerator tg = term_generator(form);
    tg.set_document(doc);
    std::string input = form == TermForm::exact ? exact_form(text) : text::nfc(text);
    tg.index_text(input, 1, std::string(prefix));
    std::vector<std::pair<Xapian::termpos, std::string>> by_pos;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_pos.emplace_back(*p, *t);
    std::sort(by_pos.begin(), by_pos.end());
    std::vector<std::string> out;
    out.reserve(by_pos.size());
    for (auto& [pos, term] : by_pos) out.push_back(std::move(term));
    return out;
}

}  // namespace presswatch::index
