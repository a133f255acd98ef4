// The JSON API under /api/v1/ (docs/openapi.json): the same handlers'
// logic as the pages, answering JSON. Bodies are JSON objects (or form
// fields); state changes need the X-CSRF-Token header.
#include <span>

#include <fmt/format.h>

#include "config/embedded.h"
#include "core/error.h"
#include "pipeline/search_page.h"
#include "store/saved_search.h"
#include "store/workflow.h"
#include "text/dates.h"
#include "web/article_view.h"
#include "web/decisions.h"
#include "web/response.h"
#include "web/routes.h"

namespace presswatch::web {

std::span<const EmbeddedFile> api_files();

namespace {

using nlohmann::json;

json api_search(Site& site, const Caller&, const httplib::Request& req, int&) {
    SearchForm form = search_form(req, 20);
    return pipeline::search_page_json(pipeline::run_search(site.store(), form.request(flag_param(req, "facets"))));
}

json api_article(Site& site, const Caller&, const httplib::Request& req, int&) {
    return article_view(site, id_param(req));
}

json api_review(Site& site, const Caller& c, const httplib::Request& raw, int&) {
    auto req = with_body_params(raw);
    std::int64_t id = id_param(raw);
    apply_change(site, c, id, change_of("review", req.get_param_value("state")));
    return article_view(site, id);
}

json api_tone(Site& site, const Caller& c, const httplib::Request& raw, int&) {
    auto req = with_body_params(raw);
    std::int64_t id = id_param(raw);
    apply_change(site, c, id, change_of("tone", req.get_param_value("tone")));
    return article_view(site, id);
}

json api_topics(Site& site, const Caller& c, const httplib::Request& raw, int&) {
    auto req = with_body_params(raw);
    std::int64_t id = id_param(raw);
    apply_change(site, c, id, topics_change(req));
    return article_view(site, id);
}

json api_batch(Site& site, const Caller& c, const httplib::Request& raw, int&) {
    auto b = bulk_request(site, with_body_params(raw));
    auto n = apply_bulk(site, c, b.ids, b.change);
    return {{"action", b.action}, {"ids", b.ids}, {"count", n}, {"message", bulk_notice(b, n)}};
}

json api_flag(Site& site, const Caller& c, const httplib::Request& raw, int&) {
    auto req = with_body_params(raw);
    std::int64_t id = id_param(raw);
    apply_flag(site, c, id, req);
    return article_view(site, id);
}

json api_respond(Site& site, const Caller& c, const httplib::Request& raw, int&) {
    auto req = with_body_params(raw);
    std::int64_t id = id_param(raw);
    apply_respond(site, c, id, req);
    return article_view(site, id);
}

json api_unreviewed(Site& site, const Caller& c, const httplib::Request& req, int&) {
    store::Workflow wf(site.store(), c.name);
    json ids = json::array();
    for (auto id : wf.unreviewed(size_param(req, "limit", 0))) ids.push_back(id);
    return {{"ids", ids}, {"count", ids.size()}};
}

json api_undo(Site& site, const Caller& c, const httplib::Request&, int&) {
    auto ids = undo_last(site, c);
    // The article view of the last item undone (the one decision, for a
    // single one), and every id the undo touched.
    json view = article_view(site, ids.back());
    view["undone"] = ids;
    return view;
}

json api_saved_list(Site& site, const Caller&, const httplib::Request&, int&) {
    json out = json::array();
    for (const auto& s : store::saved_searches(site.store())) out.push_back(pipeline::saved_search_json(s));
    return out;
}

json api_saved_save(Site& site, const Caller& c, const httplib::Request& raw, int& status) {
    auto req = with_body_params(raw);
    SearchForm form = search_form(req, 20);
    store::SavedSearch s{req.get_param_value("name"), form.query, form.exact, form.collapse, form.sort, c.name};
    pipeline::run_search(site.store(), form.request(false));  // checked by running it, as `search --save` does
    store::save_search(site.store(), s);
    status = 201;
    return pipeline::saved_search_json(*store::find_saved_search(site.store(), s.name));
}

json api_saved_delete(Site& site, const Caller&, const httplib::Request& req, int&) {
    std::string name = req.matches[1];
    if (!store::delete_saved_search(site.store(), name))
        throw HttpError(404, "not_found", fmt::format("Không có tìm kiếm đã lưu tên «{}».", name));
    return {{"deleted", name}};
}

}  // namespace

httplib::Request with_body_params(const httplib::Request& req) {
    httplib::Request r = req;
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0 || req.body.empty()) return r;
    json body = json::parse(req.body);
    if (!body.is_object()) throw InputError("the request body must be a JSON object");
    for (const auto& [k, v] : body.items()) {
        auto one = [&](const json& x) {
            r.params.emplace(k, x.is_string() ? x.get<std::string>() : x.is_boolean() ? (x.get<bool>() ? "1" : "0")
                                                                                       : x.dump());
        };
        if (v.is_array()) for (const auto& x : v) one(x);
        else if (!v.is_null()) one(v);
    }
    return r;
}

void add_api_routes(httplib::Server& http, Site& site) {
    api_route(http, site, Method::get, "/search", Role::reader, api_search);
    api_route(http, site, Method::get, R"(/articles/(\d+))", Role::reader, api_article);
    api_route(http, site, Method::post, R"(/articles/(\d+)/review)", Role::editor, api_review);
    api_route(http, site, Method::post, R"(/articles/(\d+)/tone)", Role::editor, api_tone);
    api_route(http, site, Method::post, R"(/articles/(\d+)/topics)", Role::editor, api_topics);
    api_route(http, site, Method::post, R"(/articles/(\d+)/flag)", Role::editor, api_flag);
    api_route(http, site, Method::post, R"(/articles/(\d+)/respond)", Role::editor, api_respond);
    api_route(http, site, Method::get, "/review", Role::editor, api_unreviewed);
    api_route(http, site, Method::post, "/review/undo", Role::editor, api_undo);
    api_route(http, site, Method::post, "/review/batch", Role::editor, api_batch);
    api_route(http, site, Method::get, "/saved-searches", Role::reader, api_saved_list);
    api_route(http, site, Method::post, "/saved-searches", Role::editor, api_saved_save);
    api_route(http, site, Method::del, R"(/saved-searches/([a-z0-9_-]+))", Role::editor, api_saved_delete);
    // The API's description is public: it holds no data.
    http.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
        for (const auto& f : api_files())
            if (f.name == "openapi.json") return send(res, 200, std::string(f.bytes), json_type);
    });
}

}  // namespace presswatch::web
