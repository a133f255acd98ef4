#include "text/tone_marks.h"

#include <vector>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/normalize.h"

namespace presswatch::text {
namespace {

bool is_tone(UChar32 c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; }
bool is_quality(UChar32 c) { return c == 0x0302 || c == 0x0306 || c == 0x031B; }
bool is_vowel(UChar32 lower) {
    return lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u' || lower == 'y';
}

// One letter of a syllable, decomposed: base letter plus its marks.
struct Letter {
    UChar32 base = 0;
    UChar32 quality = 0;  // 0 when none
    UChar32 tone = 0;     // 0 when none
    icu::UnicodeString other_marks;
    bool vowel() const { return is_vowel(u_tolower(base)); }
};

// The index of the vowel that carries the tone, or -1.
int tone_position(const std::vector<Letter>& letters) {
    std::vector<int> vowels;
    for (int i = 0; i < static_cast<int>(letters.size()); ++i)
        if (letters[i].vowel()) vowels.push_back(i);
    if (vowels.empty()) return -1;
    auto lower = [&](int i) { return u_tolower(letters[i].base); };
    // qu and gi: the u / i belong to the initial consonant when a vowel follows.
    if (vowels.size() >= 2 && vowels[0] == 1 && vowels[1] == 2) {
        UChar32 first = lower(0);
        if ((first == 'q' && lower(1) == 'u') || (first == 'g' && lower(1) == 'i')) vowels.erase(vowels.begin());
    }
    // The nucleus is the first run of consecutive vowels.
    std::vector<int> nucleus{vowels[0]};
    for (std::size_t k = 1; k < vowels.size() && vowels[k] == nucleus.back() + 1; ++k) nucleus.push_back(vowels[k]);
    int last_quality = -1;
    for (int i : nucleus)
        if (letters[i].quality) last_quality = i;
    if (last_quality >= 0) return last_quality;
    if (nucleus.size() == 1) return nucleus[0];
    bool final_consonant = nucleus.back() + 1 < static_cast<int>(letters.size());
    if (final_consonant) return nucleus.back();
    if (nucleus.size() >= 3) return nucleus[1];
    UChar32 a = lower(nucleus[0]), b = lower(nucleus[1]);
    if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')) return nucleus[1];
    return nucleus[0];
}

// Appends the canonical form of one run of letters (already NFD).
void canonical_run(const icu::UnicodeString& run, icu::UnicodeString& out) {
    std::vector<Letter> letters;
    int tones = 0;
    UChar32 tone = 0;
    for (int32_t i = 0; i < run.length();) {
        UChar32 c = run.char32At(i);
        i += U16_LENGTH(c);
        if (u_getCombiningClass(c) == 0) {
            Letter l;
            l.base = c;
            letters.push_back(l);
            continue;
        }
        if (letters.empty()) {
            out.append(run);  // a mark with no letter: leave the run alone
            return;
        }
        if (is_tone(c)) {
            ++tones;
            tone = c;
            letters.back().tone = c;
        } else if (is_quality(c) && !letters.back().quality) {
            letters.back().quality = c;
        } else {
            letters.back().other_marks.append(c);
        }
    }
    int pos = tones == 1 ? tone_position(letters) : -1;
    if (pos < 0) {
        out.append(run);
        return;
    }
    for (int i = 0; i < static_cast<int>(letters.size()); ++i) {
        const Letter& l = letters[i];
        out.append(l.base);
        // The quality mark goes first: o + acute + circumflex would not compose to ố.
        if (l.quality) out.append(l.quality);
        out.append(l.other_marks);
        if (i == pos) out.append(tone);
    }
}

// Letters of a Vietnamese syllable: Latin letters and combining marks.
bool syllable_char(UChar32 c) {
    if (u_getCombiningClass(c) != 0) return true;
    return u_isalpha(c) && (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF));
}

}  // namespace

std::string canonical_tones(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc_n = icu::Normalizer2::getNFCInstance(status);
    std::string cleaned = nfc(s);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(cleaned.data(), static_cast<int32_t>(cleaned.size())));
    icu::UnicodeString d = nfd->normalize(u, status);
    if (U_FAILURE(status)) return cleaned;
    icu::UnicodeString out, run;
    for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if (syllable_char(c)) {
            run.append(c);
            continue;
        }
        if (!run.isEmpty()) canonical_run(run, out);
        run.remove();
        out.append(c);
    }
    if (!run.isEmpty()) canonical_run(run, out);
    icu::UnicodeString composed = nfc_n->normalize(out, status);
    if (U_FAILURE(status)) return cleaned;
    std::string result;
    composed.toUTF8String(result);
    return result;
}

std::string exact_key(std::string_view s) {
    std::string canon = canonical_tones(s);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(canon.data(), static_cast<int32_t>(canon.size())));
    u.toLower(icu::Locale::getRoot());
    std::string result;
    u.toUTF8String(result);
    return result;
}

}  // namespace presswatch::text
