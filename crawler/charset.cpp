#include "crawler/ascii.h"
#include "crawler/charset.h"

#include <memory>
#include <optional>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "text/normalize.h"

namespace presswatch::crawler {
namespace {

// A page declares its charset near the top; browsers look at the first
// 1024 bytes, some pages need a little more.
constexpr std::size_t meta_scan_bytes = 4096;

struct ConverterClose {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorClose {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// The value after "charset=" (or "encoding=") in s, unquoted.
std::string value_after(std::string_view s, std::string_view key) {
    auto l = ascii_lower(s);
    auto at = l.find(key);
    if (at == std::string::npos) return {};
    std::size_t i = at + key.size();
    while (i < l.size() && (l[i] == ' ' || l[i] == '=' || l[i] == '"' || l[i] == '\'')) ++i;
    std::size_t j = i;
    while (j < l.size() && (std::isalnum(static_cast<unsigned char>(l[j])) || l[j] == '-' || l[j] == '_' ||
                            l[j] == ':' || l[j] == '.'))
        ++j;
    return l.substr(i, j - i);
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || i + n >= s.size()) return false;
        for (int k = 1; k <= n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n + 1;
    }
    return true;
}

std::string meta_charset(std::string_view body) {
    auto head = ascii_lower(body.substr(0, meta_scan_bytes));
    if (head.starts_with("<?xml")) {
        auto end = head.find("?>");
        auto v = value_after(head.substr(0, end), "encoding");
        if (!v.empty()) return v;
    }
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        auto end = head.find('>', pos);
        auto tag = head.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        auto v = value_after(tag, "charset");
        if (!v.empty()) return v;
        pos += 5;
    }
    return {};
}

std::string detect(std::string_view body) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorClose> det(ucsdet_open(&err));
    if (U_FAILURE(err)) return {};
    ucsdet_enableInputFilter(det.get(), true);  // ignore markup
    auto sample = body.substr(0, 64 * 1024);
    ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
    const UCharsetMatch* m = ucsdet_detect(det.get(), &err);
    if (U_FAILURE(err) || !m) return {};
    const char* name = ucsdet_getName(m, &err);
    return U_FAILURE(err) || !name ? std::string() : std::string(name);
}

// Converts with ICU; nullopt when ICU does not know the charset.
std::optional<std::string> convert(std::string_view body, const std::string& charset) {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterClose> from(ucnv_open(charset.c_str(), &err));
    if (U_FAILURE(err)) return std::nullopt;
    std::unique_ptr<UConverter, ConverterClose> to(ucnv_open("UTF-8", &err));
    if (U_FAILURE(err)) return std::nullopt;
    // Substitution (U+FFFD for invalid bytes) is ICU's default callback.
    std::string out(body.size() * 3 + 16, '\0');
    char* target = out.data();
    const char* source = body.data();
    ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, body.data() + body.size(),
                   nullptr, nullptr, nullptr, nullptr, true, true, &err);
    if (U_FAILURE(err)) return std::nullopt;
    out.resize(static_cast<std::size_t>(target - out.data()));
    return out;
}

bool is_utf8_name(const std::string& c) { return c == "utf-8" || c == "utf8" || c == "unicode-1-1-utf-8"; }

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
    return value_after(content_type, "charset");
}

Decoded decode_to_utf8(std::string_view body, std::string_view content_type) {
    std::string charset = charset_from_content_type(content_type);
    std::string source = "header";
    if (body.starts_with("\xEF\xBB\xBF")) {
        charset = "utf-8", source = "bom";
        body.remove_prefix(3);
    } else if (body.starts_with("\xFF\xFE")) {
        charset = "utf-16le", source = "bom";
    } else if (body.starts_with("\xFE\xFF")) {
        charset = "utf-16be", source = "bom";
    }
    if (charset.empty()) {
        charset = meta_charset(body);
        source = "meta";
    }
    // A page that says UTF-8 but is not (a wrong header is common) is
    // better served by the declaration inside it, then by detection.
    if (!charset.empty() && is_utf8_name(charset) && !valid_utf8(body) && source == "header") {
        auto meta = meta_charset(body);
        if (!meta.empty() && !is_utf8_name(meta)) charset = meta, source = "meta";
        else charset.clear();
    }
    if (charset.empty()) {
        if (valid_utf8(body)) charset = "utf-8", source = "default";
        else charset = detect(body), source = "detected";
        if (charset.empty()) charset = "windows-1252", source = "default";
    }
    // Browsers read ISO-8859-1 as windows-1252; so do we.
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii") charset = "windows-1252";
    Decoded d;
    d.source = source;
    if (is_utf8_name(ascii_lower(charset))) {
        d.charset = "UTF-8";
        d.text = text::nfc(body);  // nfc replaces invalid UTF-8 with U+FFFD
        return d;
    }
    auto converted = convert(body, charset);
    if (!converted) {
        // A charset ICU does not know: say so, and read as UTF-8 rather than fail.
        d.charset = "UTF-8";
        d.source = "default";
        d.text = text::nfc(body);
        return d;
    }
    d.charset = charset;
    d.text = text::nfc(*converted);
    return d;
}

}  // namespace presswatch::crawler
