#include "crawler/ascii.h"
#include "crawler/url.h"

#include <algorithm>
#include <memory>

#include <curl/curl.h>

namespace presswatch::crawler {
namespace {

struct UrlFree {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlFree>;

struct CurlFree {
    void operator()(char* p) const { curl_free(p); }
};

std::optional<std::string> part(CURLU* h, CURLUPart what, unsigned flags = 0) {
    char* out = nullptr;
    if (curl_url_get(h, what, &out, flags) != CURLUE_OK || !out) return std::nullopt;
    std::unique_ptr<char, CurlFree> owned(out);
    return std::string(out);
}

// Spaces and raw non-ASCII bytes are common in hrefs; libcurl rejects them,
// browsers percent-encode them. Do what browsers do.
std::string encode_raw_bytes(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' ||
            c == '|' || c == '\\' || c == '^') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// A handle holding url, or null when libcurl cannot parse it or it is not
// http(s).
UrlHandle parse(std::string_view url) {
    UrlHandle h(curl_url());
    if (!h) return nullptr;
    std::string u = encode_raw_bytes(ascii_trim(url));
    if (curl_url_set(h.get(), CURLUPART_URL, u.c_str(), 0) != CURLUE_OK) return nullptr;
    auto scheme = part(h.get(), CURLUPART_SCHEME);
    if (!scheme || (ascii_lower(*scheme) != "http" && ascii_lower(*scheme) != "https")) return nullptr;
    return h;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool unreserved(unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// %7e -> ~, %c3%a1 -> %C3%A1, a stray % -> %25.
std::string normalise_percent(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
        int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            out += "%25";
            continue;
        }
        auto c = static_cast<unsigned char>(hi * 16 + lo);
        if (unreserved(c)) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[hi];
            out += hex[lo];
        }
        i += 2;
    }
    return out;
}

std::string decoded_lower_name(std::string_view param) {
    auto name = param.substr(0, param.find('='));
    return ascii_lower(normalise_percent(name));
}

bool is_tracking(const std::string& name, const std::vector<std::string>& extra) {
    auto match = [&](const std::vector<std::string>& list) {
        return std::any_of(list.begin(), list.end(), [&](const std::string& t) {
            if (!t.empty() && t.back() == '*') return name.starts_with(ascii_lower(t.substr(0, t.size() - 1)));
            return name == ascii_lower(t);
        });
    };
    return match(default_tracking_parameters()) || match(extra);
}

}  // namespace

const std::vector<std::string>& default_tracking_parameters() {
    // utm_* (Google Analytics), fbclid (Facebook), gclid/dclid (Google Ads),
    // zarsrc and gidzl (Zalo shares, common on Vietnamese outlets),
    // mc_cid/mc_eid (Mailchimp), msclkid (Bing), igshid (Instagram).
    static const std::vector<std::string> list = {"utm_*", "fbclid", "gclid", "dclid", "zarsrc", "gidzl",
                                                  "mc_cid", "mc_eid", "msclkid", "igshid", "_ga", "_gl"};
    return list;
}

std::optional<std::string> canonical_url(std::string_view url, const std::vector<std::string>& extra_tracking) {
    auto h = parse(url);
    if (!h) return std::nullopt;
    auto scheme = ascii_lower(part(h.get(), CURLUPART_SCHEME).value_or("http"));
    auto host = part(h.get(), CURLUPART_HOST);
    if (!host || host->empty()) return std::nullopt;
    std::string out = scheme + "://" + ascii_lower(*host);
    if (auto port = part(h.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT)) out += ":" + *port;
    std::string path = normalise_percent(part(h.get(), CURLUPART_PATH).value_or("/"));
    out += path.empty() ? "/" : path;
    if (auto query = part(h.get(), CURLUPART_QUERY)) {
        std::string kept;
        std::string_view q = *query;
        while (!q.empty()) {
            auto amp = q.find('&');
            auto param = q.substr(0, amp);
            q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
            if (param.empty() || is_tracking(decoded_lower_name(param), extra_tracking)) continue;
            kept += kept.empty() ? "" : "&";
            kept += normalise_percent(param);
        }
        if (!kept.empty()) out += "?" + kept;
    }
    return out;
}

std::optional<std::string> resolve_url(std::string_view base, std::string_view ref) {
    auto h = parse(base);
    if (!h) return std::nullopt;
    std::string r = encode_raw_bytes(ascii_trim(ref));
    if (r.empty()) return std::nullopt;
    if (curl_url_set(h.get(), CURLUPART_URL, r.c_str(), 0) != CURLUE_OK) return std::nullopt;
    auto scheme = ascii_lower(part(h.get(), CURLUPART_SCHEME).value_or(""));
    if (scheme != "http" && scheme != "https") return std::nullopt;
    return part(h.get(), CURLUPART_URL);
}

std::string url_host(std::string_view url) {
    auto h = parse(url);
    return h ? ascii_lower(part(h.get(), CURLUPART_HOST).value_or("")) : std::string();
}

std::string url_host_port(std::string_view url) {
    auto h = parse(url);
    if (!h) return {};
    return ascii_lower(part(h.get(), CURLUPART_HOST).value_or("")) + ":" +
           part(h.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT).value_or("0");
}

std::string url_origin(std::string_view url) {
    auto h = parse(url);
    if (!h) return {};
    std::string out = ascii_lower(part(h.get(), CURLUPART_SCHEME).value_or("http")) + "://" +
                      ascii_lower(part(h.get(), CURLUPART_HOST).value_or(""));
    if (auto port = part(h.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT)) out += ":" + *port;
    return out;
}

std::string url_path_query(std::string_view url) {
    auto h = parse(url);
    if (!h) return "/";
    std::string out = part(h.get(), CURLUPART_PATH).value_or("/");
    if (out.empty()) out = "/";
    if (auto q = part(h.get(), CURLUPART_QUERY)) out += "?" + *q;
    return out;
}

bool host_in_domains(std::string_view host_in, const std::vector<std::string>& domains) {
    std::string host = ascii_lower(std::string(host_in.substr(0, host_in.find(':'))));
    return std::any_of(domains.begin(), domains.end(), [&](const std::string& d) {
        std::string dom = ascii_lower(d.substr(0, d.find(':')));
        return host == dom ||
               (host.size() > dom.size() && host.ends_with(dom) && host[host.size() - dom.size() - 1] == '.');
    });
}

}  // namespace presswatch::crawler
