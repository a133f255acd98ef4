// Loads presswatch.toml, sources.toml and province.toml into a Config.
// Each file is read strictly (config/toml_reader.h).
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "config/config.h"
#include "config/embedded.h"
#include "config/loaders.h"
#include "config/operations.h"
#include "config/toml_reader.h"

namespace presswatch::config {

std::span<const EmbeddedFile> builtin_files();

namespace {

void load_settings(TableReader r, Settings& s) {
    if (auto crawl = r.table("crawl")) {
        auto& c = *crawl;
        s.user_agent = c.str_or("user_agent", s.user_agent);
        auto positive = [&](const char* key, int& out) {
            if (auto v = c.integer(key)) {
                if (*v < 0 || *v > 1'000'000) c.fail(key, "must be between 0 and 1000000");
                out = static_cast<int>(*v);
            }
        };
        positive("concurrency", s.concurrency);
        positive("per_host_concurrency", s.per_host_concurrency);
        positive("min_interval_ms", s.min_interval_ms);
        positive("max_age_days", s.max_age_days);
        positive("connect_timeout_s", s.connect_timeout_s);
        positive("transfer_timeout_s", s.transfer_timeout_s);
        positive("max_redirects", s.max_redirects);
        if (auto v = c.integer("max_body_bytes")) {
            if (*v < 1024) c.fail("max_body_bytes", "must be at least 1024");
            s.max_body_bytes = *v;
        }
        if (s.concurrency < 1) c.fail("concurrency", "must be at least 1");
        if (s.per_host_concurrency < 1) c.fail("per_host_concurrency", "must be at least 1");
        c.finish();
    }
    if (auto storage = r.table("storage")) {
        s.data_dir = storage->str_or("data_dir", s.data_dir);
        Operations unused;
        read_snapshot_days(*storage, unused);
        storage->finish();
    }
    if (auto ops = r.table("operations")) {
        // Checked here, read where used (config/operations.h).
        Operations unused;
        read_operations(*ops, unused);
        ops->finish();
    }
    if (auto triage = r.table("triage")) {
        if (auto v = triage->number("clipping_threshold")) s.clipping_threshold = *v;
        triage->finish();
    }
    r.finish();
}

void load_sources(TableReader r, std::vector<Outlet>& outlets) {
    std::set<std::string> slugs;
    for (auto& o : r.tables("outlet")) {
        Outlet out;
        out.file = o.file();
        out.line = o.line();
        out.slug = o.required_str("slug");
        check_slug(o, "slug", out.slug);
        if (!slugs.insert(out.slug).second) o.fail("slug", fmt::format("\"{}\" is defined twice", out.slug));
        out.name = o.required_str("name");
        out.kind = o.str_or("kind", "central");
        if (out.kind != "central" && out.kind != "local") o.fail("kind", "must be \"central\" or \"local\"");
        out.domains = o.strings("domains");
        if (out.domains.empty()) o.fail("domains", "list at least one host, like [\"vnexpress.net\"]");
        for (const auto& d : out.domains)
            if (d.empty() || d.find('/') != std::string::npos || d.find(' ') != std::string::npos)
                o.fail("domains", fmt::format("\"{}\" is not a host name; write only the host, like \"vnexpress.net\"", d));
        out.feeds = o.strings("feeds");
        for (const auto& u : out.feeds) check_url(o, "feeds", u);
        out.sitemaps = o.strings("sitemaps");
        for (const auto& u : out.sitemaps) check_url(o, "sitemaps", u);
        out.listings = o.strings("listings");
        for (const auto& u : out.listings) check_url(o, "listings", u);
        out.include_patterns = o.strings("include");
        for (const auto& p : out.include_patterns) check_regex(o, "include", p);
        out.exclude_patterns = o.strings("exclude");
        for (const auto& p : out.exclude_patterns) check_regex(o, "exclude", p);
        if (auto d = o.integer("listing_depth")) {
            if (*d < 0 || *d > 20) o.fail("listing_depth", "must be between 0 and 20");
            out.listing_depth = static_cast<int>(*d);
        }
        if (auto sel = o.table("selectors")) {
            for (const auto& k : sel->keys()) {
                if (k != "body" && k != "date" && k != "author" && k != "headline")
                    sel->fail(k, "unknown selector; use body, date, author or headline");
                out.selectors[k] = sel->required_str(k);
            }
            sel->finish();
        }
        extend_outlet(o, out);
        o.finish();
        outlets.push_back(std::move(out));
    }
    r.finish();
}

void load_province(TableReader r, Province& p) {
    p.name = r.required_str("name");
    p.slug = r.str_or("slug", p.slug);
    check_slug(r, "slug", p.slug);
    p.other_provinces = r.strings("other_provinces");
    static const std::set<std::string> kinds = {"province", "city", "town", "ward", "commune",
                                                "former-district", "former-town", "former-city",
                                                "former-commune", "place", "institution", "nickname", "club", "media"};
    for (auto& e : r.tables("place")) {
        PlaceName n;
        n.name = e.required_str("name");
        n.kind = e.required_str("kind");
        if (!kinds.count(n.kind)) {
            std::string list;
            for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
            e.fail("kind", fmt::format("\"{}\" is not a known kind; use one of {}", n.kind, list));
        }
        n.ambiguous = e.boolean("ambiguous").value_or(false);
        n.qualifiers = e.strings("qualifiers");
        n.agency = e.str_or("agency", "");
        extend_place(e, n);
        e.finish();
        p.names.push_back(std::move(n));
    }
    extend_province(r, p);
    r.finish();
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw ConfigError("cannot read " + p.string() + ": check that it exists and is readable");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

std::optional<std::string> builtin_config_file(const std::string& name) {
    for (const auto& f : builtin_files())
        if (f.name == name) return std::string(f.bytes);
    return std::nullopt;
}

std::vector<std::string> config_file_names() {
    std::vector<std::string> names;
    for (const auto& f : builtin_files()) names.emplace_back(f.name);
    return names;
}

const Outlet* Config::outlet_by_slug(const std::string& slug) const {
    for (const auto& o : outlets)
        if (o.slug == slug) return &o;
    return nullptr;
}

const Outlet* Config::outlet_for_host(const std::string& host_in) const {
    std::string host = host_in.substr(0, host_in.find(':'));
    for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& o : outlets)
        for (const auto& d : o.domains) {
            std::string dom = d.substr(0, d.find(':'));
            if (host == dom) return &o;
            if (host.size() > dom.size() && host.ends_with(dom) && host[host.size() - dom.size() - 1] == '.') return &o;
        }
    return nullptr;
}

Config load_config(const std::filesystem::path& dir_in) {
    std::filesystem::path dir = dir_in;
    if (dir.empty())
        if (const char* env = std::getenv("PRESSWATCH_CONFIG"); env && *env) dir = env;
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw ConfigError("configuration folder " + dir.string() +
                          " does not exist; give a folder holding presswatch.toml, sources.toml, ...");
    Config cfg;
    auto parse = [&](const std::string& name) {
        std::filesystem::path p = dir.empty() ? std::filesystem::path() : dir / name;
        if (!p.empty() && std::filesystem::exists(p)) {
            cfg.origins[name] = p.string();
            return std::make_pair(parse_toml(read_file(p), p.string()), p.string());
        }
        auto text = builtin_config_file(name);
        if (!text) throw ConfigError("no built-in " + name + ": the build is incomplete");
        cfg.origins[name] = "built-in";
        return std::make_pair(parse_toml(*text, "built-in " + name), "built-in " + name);
    };
    // Tables outlive their readers: keep them in the loop's scope.
    for (const auto& name : config_file_names()) {
        auto [table, file] = parse(name);
        TableReader r(table, file, "");
        if (name == "presswatch.toml") load_settings(std::move(r), cfg.settings);
        else if (name == "sources.toml") load_sources(std::move(r), cfg.outlets);
        else if (name == "province.toml") load_province(std::move(r), cfg.province);
        else load_other_file(name, std::move(r), cfg);
    }
    validate(cfg);
    return cfg;
}

}  // namespace presswatch::config
