#include "store/password_hash.h"

#include <sodium.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.h"

namespace presswatch::store {

const unsigned long long password_opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
const std::size_t password_memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

namespace {

void init_sodium() {
    // sodium_init is thread-safe and may be called again; it fails only when
    // the system's random source cannot be opened.
    static const bool ok = sodium_init() >= 0;
    if (!ok) throw RuntimeFailure("libsodium cannot start: the system's random source (/dev/urandom) is unavailable");
}

// The password's NFC form; nullopt for invalid UTF-8. Not text::nfc: that
// one drops zero-width characters and replaces bad bytes, both of which
// would change what a password is, and a stored hash must verify forever.
std::optional<std::string> nfc_password(std::string_view password) {
    UErrorCode err = U_ZERO_ERROR;
    std::int32_t len16 = 0;
    u_strFromUTF8(nullptr, 0, &len16, password.data(), static_cast<std::int32_t>(password.size()), &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return std::nullopt;
    std::vector<UChar> in(static_cast<std::size_t>(len16) + 1);
    err = U_ZERO_ERROR;
    u_strFromUTF8(in.data(), len16 + 1, nullptr, password.data(), static_cast<std::int32_t>(password.size()), &err);
    if (U_FAILURE(err)) return std::nullopt;
    const UNormalizer2* nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) throw RuntimeFailure(std::string("ICU has no NFC normaliser: ") + u_errorName(err));
    std::vector<UChar> out(static_cast<std::size_t>(len16) * 3 + 16);
    std::int32_t n = unorm2_normalize(nfc, in.data(), len16, out.data(), static_cast<std::int32_t>(out.size()), &err);
    if (U_FAILURE(err)) throw RuntimeFailure(std::string("cannot normalise a password: ") + u_errorName(err));
    std::string utf8(static_cast<std::size_t>(n) * 3 + 1, '\0');
    std::int32_t len8 = 0;
    u_strToUTF8(utf8.data(), static_cast<std::int32_t>(utf8.size()), &len8, out.data(), n, &err);
    if (U_FAILURE(err)) throw RuntimeFailure(std::string("cannot normalise a password: ") + u_errorName(err));
    utf8.resize(static_cast<std::size_t>(len8));
    sodium_memzero(in.data(), in.size() * sizeof(UChar));
    sodium_memzero(out.data(), out.size() * sizeof(UChar));
    return utf8;
}

// Wipes a copy of a password when it goes out of scope.
struct Wiped {
    std::string text;
    ~Wiped() { sodium_memzero(text.data(), text.size()); }
};

}  // namespace

std::string hash_password(std::string_view password) {
    init_sodium();
    auto n = nfc_password(password);
    if (!n) throw InputError("the password is not valid UTF-8: type it again, or set the terminal to UTF-8");
    Wiped plain{std::move(*n)};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, plain.text.data(), plain.text.size(), password_opslimit, password_memlimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw RuntimeFailure("cannot hash a password: not enough memory for Argon2id (64 MiB)");
    return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
    init_sodium();
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    auto n = nfc_password(password);
    if (!n) return false;
    Wiped plain{std::move(*n)};
    char stored[crypto_pwhash_STRBYTES] = {};
    hash.copy(stored, hash.size());
    return crypto_pwhash_str_verify(stored, plain.text.data(), plain.text.size()) == 0;
}

bool password_needs_rehash(const std::string& hash) {
    init_sodium();
    if (hash.size() >= crypto_pwhash_STRBYTES || !hash.starts_with(crypto_pwhash_argon2id_STRPREFIX)) return true;
    char stored[crypto_pwhash_STRBYTES] = {};
    hash.copy(stored, hash.size());
    return crypto_pwhash_str_needs_rehash(stored, password_opslimit, password_memlimit) != 0;
}

std::string random_token(std::size_t bytes) {
    init_sodium();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.find('\0'));
    sodium_memzero(raw.data(), raw.size());
    return out;
}

std::string token_digest(std::string_view token) {
    init_sodium();
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    char hex[2 * crypto_generichash_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace presswatch::store
