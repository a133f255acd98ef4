#include "extract/jsonld.h"

#include <nlohmann/json.hpp>

#include "extract/html_entities.h"
#include "extract/html_meta.h"

namespace presswatch::extract {
namespace {

using nlohmann::json;

// JSON-LD blocks nest a few levels; a block deeper than this is not an
// article description (and nlohmann parses recursively).
constexpr std::size_t max_jsonld_depth = 64;
constexpr std::size_t max_jsonld_bytes = 1 << 20;

std::string type_of(const json& o) {
    auto it = o.find("@type");
    if (it == o.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array())
        for (const auto& t : *it)
            if (t.is_string() && is_article_type(t.get<std::string>())) return t.get<std::string>();
    return {};
}

std::string str(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return {};
    if (it->is_string()) return decode_metadata_entities(it->get<std::string>());
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (it->is_array() && !it->empty() && (*it)[0].is_string()) return decode_metadata_entities((*it)[0].get<std::string>());
    if (it->is_object()) {
        auto id = it->find("@id");
        if (id != it->end() && id->is_string()) return id->get<std::string>();
    }
    return {};
}

void read_people(const json& v, std::vector<std::string>& out) {
    auto add = [&](const json& p) {
        if (p.is_string()) {
            std::string s = decode_metadata_entities(p.get<std::string>());
            if (!s.empty()) out.push_back(s);
        } else if (p.is_object()) {
            std::string t = type_of(p);
            if (is_organization_type(t)) return;  // a publisher, not a writer
            std::string s = str(p, "name");
            if (!s.empty()) out.push_back(s);
        }
    };
    if (v.is_array()) {
        for (const auto& p : v) add(p);
    } else {
        add(v);
    }
}

// The article objects of one JSON-LD document, found without recursion.
void collect_articles(const json& root, std::vector<const json*>& out) {
    std::vector<const json*> stack{&root};
    while (!stack.empty()) {
        const json* j = stack.back();
        stack.pop_back();
        if (j->is_array()) {
            for (auto it = j->rbegin(); it != j->rend(); ++it) stack.push_back(&*it);
        } else if (j->is_object()) {
            if (is_article_type(type_of(*j))) out.push_back(j);
            auto g = j->find("@graph");
            if (g != j->end()) stack.push_back(&*g);
            auto main = j->find("mainEntity");
            if (main != j->end() && main->is_object()) stack.push_back(&*main);
        }
    }
}

// nlohmann recurses while parsing; refuse input nested too deep for it.
bool nesting_ok(std::string_view s) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > max_jsonld_depth) return false;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return true;
}

json parse_lenient(std::string_view text) {
    if (text.size() > max_jsonld_bytes || !nesting_ok(text)) return json();
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_discarded()) return j;
    // Raw line breaks and tabs inside strings are the usual fault.
    std::string fixed(text);
    for (char& c : fixed)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return json::parse(fixed, nullptr, false);
}

}  // namespace

SchemaArticle read_jsonld(const HtmlDocument& doc) {
    SchemaArticle a;
    for (int i = 0; i < doc.size() && !a.found; ++i) {
        const HtmlNode& n = doc[i];
        if (n.is_text || n.tag != GUMBO_TAG_SCRIPT) continue;
        if (doc.attr(i, "type").find("ld+json") == std::string_view::npos) continue;
        std::string text;
        for (int k = i + 1; k < n.end; ++k) text.append(doc.text(k));
        json root = parse_lenient(text);
        if (root.is_discarded() || root.is_null()) continue;
        std::vector<const json*> articles;
        collect_articles(root, articles);
        for (const json* o : articles) {
            a.found = true;
            a.type = type_of(*o);
            a.headline = str(*o, "headline");
            if (a.headline.empty()) a.headline = str(*o, "name");
            a.description = str(*o, "description");
            a.url = str(*o, "url");
            if (a.url.empty()) a.url = str(*o, "mainEntityOfPage");
            a.section = str(*o, "articleSection");
            a.language = str(*o, "inLanguage");
            a.published = str(*o, "datePublished");
            a.modified = str(*o, "dateModified");
            if (auto it = o->find("author"); it != o->end()) read_people(*it, a.authors);
            if (auto it = o->find("keywords"); it != o->end()) {
                if (it->is_string()) a.keywords = split_keywords(decode_metadata_entities(it->get<std::string>()));
                else if (it->is_array())
                    for (const auto& k : *it)
                        if (k.is_string()) a.keywords.push_back(decode_metadata_entities(k.get<std::string>()));
            }
            if (auto it = o->find("publisher"); it != o->end() && it->is_object()) a.publisher = str(*it, "name");
            if (!a.headline.empty()) break;
        }
    }
    return a;
}

}  // namespace presswatch::extract
