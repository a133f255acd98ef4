#include "web/templates.h"

#include <span>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "config/embedded.h"
#include "core/error.h"

namespace presswatch::web {

std::span<const EmbeddedFile> template_files();

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

data to_data(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            data d{data::type::object};
            for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
            return d;
        }
        case nlohmann::json::value_t::array: {
            data d{data::type::list};
            for (const auto& v : j) d.push_back(to_data(v));
            return d;
        }
        case nlohmann::json::value_t::boolean: return data{j.get<bool>()};
        case nlohmann::json::value_t::null: return data{false};
        // An empty string is false, so that {{#author}}...{{/author}}
        // leaves out what is not there (Mustache holds "" true).
        case nlohmann::json::value_t::string:
            return j.get_ref<const std::string&>().empty() ? data{false} : data{j.get<std::string>()};
        default: return data{j.dump()};  // numbers
    }
}

std::string template_text(const std::string& name) {
    for (const auto& f : template_files())
        if (f.name == name + ".mustache") return std::string(f.bytes);
    throw RuntimeFailure(fmt::format("no template \"{}\" is compiled in (web/templates/{}.mustache)", name, name));
}

}  // namespace

std::string render_template(const std::string& name, const nlohmann::json& view) {
    mustache tmpl{template_text(name)};
    if (!tmpl.is_valid())
        throw RuntimeFailure(fmt::format("template {} does not parse: {}", name, tmpl.error_message()));
    data d = to_data(view);
    // Templates whose name starts with "_" are partials any page may
    // include ({{>_decide}}); they render with the includer's context.
    if (d.is_object())
        for (const auto& f : template_files())
            if (f.name.starts_with("_") && f.name.ends_with(".mustache")) {
                std::string text(f.bytes);
                d.set(std::string(f.name.substr(0, f.name.size() - 9)), kainjow::mustache::partial([text] { return text; }));
            }
    std::string out = tmpl.render(d);
    if (!tmpl.is_valid())
        throw RuntimeFailure(fmt::format("template {} does not render: {}", name, tmpl.error_message()));
    return out;
}

std::string safe_link(const std::string& url) {
    auto starts = [&](std::string_view p) {
        if (url.size() < p.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    return starts("http://") || starts("https://") ? url : std::string();
}

}  // namespace presswatch::web
