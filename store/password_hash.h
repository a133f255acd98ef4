#pragma once
// Password hashing and the random secrets of sessions, over libsodium.
//
// Passwords are hashed with Argon2id (crypto_pwhash_str_alg) at libsodium's
// INTERACTIVE limits: about 0.1 s and 64 MiB per hash on one core, the cost
// a login page can afford. The result is a self-describing string
// ("$argon2id$v=19$m=65536,t=2,p=1$salt$hash") holding its own salt and
// parameters, so a later, stronger setting still verifies old hashes
// (password_needs_rehash tells when to hash again).
//
// A password is UTF-8 and brought to Unicode NFC before hashing (RFC 8265,
// OpaqueString): the same Vietnamese password typed on a Windows desktop
// (precomposed "ộ") and on a phone (decomposed) is the same password. Tone
// marks are not moved or folded: "hoà" and "hòa" stay different passwords.
//
// All functions are thread-safe. Nothing here logs or keeps a password.
#include <cstddef>
#include <string>
#include <string_view>

namespace presswatch::store {

// Argon2id's limits: never weaker in production. They are not configurable
// (tests pay the same ~0.1 s a hash) so that no setting can weaken them.
extern const unsigned long long password_opslimit;
extern const std::size_t password_memlimit;

// Throws InputError for a password that is not valid UTF-8, and
// RuntimeFailure when libsodium cannot hash (out of memory).
std::string hash_password(std::string_view password);
// True when password matches the stored hash. False for a wrong password,
// invalid UTF-8 or a malformed hash (never throws for those).
bool verify_password(const std::string& hash, std::string_view password);
// True when the hash was made with other limits or another algorithm than
// hash_password uses now.
bool password_needs_rehash(const std::string& hash);

// A random secret of `bytes` bytes from the system's CSPRNG
// (randombytes_buf), as URL-safe base64 without padding: fit for a cookie.
std::string random_token(std::size_t bytes);
// The BLAKE2b-256 digest of a token, as 64 hex digits: what is stored in
// place of a session token, so a copy of the database opens no session.
std::string token_digest(std::string_view token);

}  // namespace presswatch::store
