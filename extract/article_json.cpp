#include "extract/article_json.h"

#include "core/error.h"
#include "text/dates.h"

namespace presswatch {
namespace {

using nlohmann::json;

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json date_or_null(const std::optional<std::int64_t>& t) {
    return t ? json(text::iso8601(*t)) : json(nullptr);
}

std::string read_text(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string()) throw InputError(std::string("article field \"") + key + "\" must be a string or null");
    return it->get<std::string>();
}

std::optional<std::int64_t> read_date(const json& j, const char* key) {
    std::string s = read_text(j, key);
    if (s.empty()) return std::nullopt;
    auto t = text::parse_iso8601(s);
    if (!t)
        throw InputError(std::string("article field \"") + key + "\" is not an ISO 8601 date: \"" + s +
                         "\" (expected e.g. 2026-03-07T08:47:00+07:00)");
    return t;
}

}  // namespace

nlohmann::json article_to_json(const Article& a) {
    json j = json::object();
    j["@type"] = "NewsArticle";
    j["url"] = text_or_null(a.url);
    j["headline"] = text_or_null(a.headline);
    j["description"] = text_or_null(a.description);
    j["articleBody"] = a.body;
    j["datePublished"] = date_or_null(a.published);
    j["dateModified"] = date_or_null(a.modified);
    j["author"] = text_or_null(a.author);
    j["sourceOrganization"] = text_or_null(a.source_organization);
    j["articleSection"] = text_or_null(a.section);
    j["inLanguage"] = text_or_null(a.language);
    j["keywords"] = a.keywords.empty() ? json(nullptr) : json(a.keywords);
    if (!a.published_raw.empty()) j["datePublishedAsShown"] = a.published_raw;
    return j;
}

Article article_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw InputError("an article must be a JSON object");
    Article a;
    a.url = read_text(j, "url");
    a.headline = read_text(j, "headline");
    a.description = read_text(j, "description");
    a.body = read_text(j, "articleBody");
    a.published = read_date(j, "datePublished");
    a.modified = read_date(j, "dateModified");
    a.published_raw = read_text(j, "datePublishedAsShown");
    a.author = read_text(j, "author");
    a.source_organization = read_text(j, "sourceOrganization");
    a.section = read_text(j, "articleSection");
    a.language = read_text(j, "inLanguage");
    if (auto it = j.find("keywords"); it != j.end() && !it->is_null()) {
        if (it->is_string()) {
            a.keywords.push_back(it->get<std::string>());
        } else if (it->is_array()) {
            for (const auto& k : *it) {
                if (!k.is_string()) throw InputError("article field \"keywords\" must hold strings");
                a.keywords.push_back(k.get<std::string>());
            }
        } else {
            throw InputError("article field \"keywords\" must be a list of strings, a string or null");
        }
    }
    if (a.headline.empty() && a.body.empty()) throw InputError("an article needs a \"headline\" or an \"articleBody\"");
    return a;
}

}  // namespace presswatch
