// The audit log (/admin/audit, admin role): who changed what and when,
// newest first, filterable by user, action and a date range (days in
// Vietnam time, typed dd/mm/yyyy as the office writes them, whatever the
// browser's locale; YYYY-MM-DD is read too, for links), 50 rows a page. Rows come from store::read_audit; the
// log is written by the workflow, the accounts and login locks. Names and
// details are whatever was stored (a login lock's row carries the name that
// was tried, which anyone can type): the template escapes all of it.
#include <cstdio>
#include <span>

#include <fmt/format.h>

#include "store/audit_log.h"
#include "text/csv.h"
#include "text/dates.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/url.h"

namespace presswatch::web {
namespace {

constexpr std::size_t rows_per_page = 50;
// The CSV export's bound: an office writes tens of thousands of rows a year;
// past this the export is refused (narrow the dates) rather than cut silently.
constexpr std::size_t csv_max_rows = 200000;

struct Label {
    const char* action;
    const char* text;
};
// The actions the log holds, as people call them; an action not listed is shown as it is stored.
constexpr Label action_labels[] = {
    {"account.add", "Tạo tài khoản"},         {"account.disable", "Vô hiệu hoá tài khoản"},
    {"account.enable", "Kích hoạt lại tài khoản"}, {"account.role", "Đổi vai trò"},
    {"account.password", "Đổi mật khẩu"},     {"account.unlock", "Mở khoá đăng nhập"},
    {"login.locked", "Tạm khoá đăng nhập"},  {"review", "Duyệt tin"},
    {"topics", "Sửa chủ đề"},                {"tone", "Sửa sắc thái"},
    {"flag", "Gắn cờ"},                      {"unflag", "Bỏ cờ"},
    {"note", "Ghi chú"},                     {"sent", "Gửi công văn"},
    {"answered", "Nhận trả lời"},            {"published", "Đăng bài trả lời"},
    {"close", "Đóng"},                       {"reassign", "Chuyển cơ quan"},
    {"reopen", "Mở lại"},                    {"search.save", "Lưu tìm kiếm"},
    {"search.delete", "Xoá tìm kiếm đã lưu"},
};


constexpr Label detail_labels[] = {
    {"account", "tài khoản"}, {"role", "vai trò"},   {"from", "từ"},          {"to", "thành"},
    {"by", "theo"},           {"address", "địa chỉ"}, {"failures", "số lần sai"}, {"seconds", "số giây"},
    {"until", "đến"},         {"name", "tên"},        {"state", "tình trạng"},  {"before", "trước"},
    {"reason", "lý do"},      {"agency", "cơ quan"},  {"agencies", "cơ quan"}, {"severity", "mức"},
};

constexpr Label value_labels[] = {
    {"new", "chưa duyệt"}, {"relevant", "liên quan"}, {"not-relevant", "không liên quan"},
    {"reader", "Người đọc"}, {"editor", "Biên tập viên"}, {"admin", "Quản trị viên"},
};

std::string label_of(std::span<const Label> labels, const std::string& key) {
    for (const auto& l : labels)
        if (key == l.action) return l.text;
    return key;
}

// "tài khoản: lan · vai trò: editor" from {"account":"lan","role":"editor"}.
std::string detail_text(const std::string& detail) {
    auto j = nlohmann::json::parse(detail, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return detail == "{}" ? "" : detail;
    std::string out;
    for (const auto& [k, v] : j.items()) {
        if (!out.empty()) out += " · ";
        // Only states and roles are named for people; a name stays as it is (an account may be called "admin").
        bool named = k == "from" || k == "to" || k == "state" || k == "role";
        std::string value = v.is_string() ? v.get<std::string>() : v.dump();
        out += label_of(detail_labels, k) + ": " + (named ? label_of(value_labels, value) : value);
    }
    return out;
}

// A day from the form: YYYY-MM-DD (the date field) or dd/mm/yyyy (typed);
// nullopt for "". InputError naming the field otherwise.
std::optional<std::int64_t> day_param(const httplib::Request& req, const char* field) {
    std::string v = req.get_param_value(field);
    if (v.empty()) return std::nullopt;
    int y = 0, m = 0, d = 0;
    char tail = 0;
    std::optional<std::int64_t> t;
    if (std::sscanf(v.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
        std::sscanf(v.c_str(), "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3)
        t = text::vietnam_midnight(y, m, d);
    if (!t) throw InputError(fmt::format("{}=\"{}\" is not a date: write dd/mm/yyyy or YYYY-MM-DD", field, v));
    return t;
}

// dd/mm/yyyy of a Vietnam midnight.
std::string shown_day(std::int64_t t) { return text::vietnamese_datetime(t).substr(0, 10); }

nlohmann::json choices(const std::vector<std::string>& values, const std::string& selected, bool actions) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : values)
        out.push_back({{"value", v}, {"label", actions ? label_of(action_labels, v) : v}, {"selected", v == selected}});
    return out;
}

// The filters of a request (user, action, from, to, offset).
store::AuditFilter audit_filter(const httplib::Request& req, std::optional<std::int64_t>& to_day) {
    store::AuditFilter f;
    f.user = req.get_param_value("user");
    f.action = req.get_param_value("action");
    f.from = day_param(req, "from");
    to_day = day_param(req, "to");
    if (to_day) f.to = *to_day + 86400;  // the "to" day is included, to its end
    if (f.from && f.to && *f.from >= *f.to)
        throw InputError("from is after to: the range's first day must not be after its last");
    f.offset = size_param(req, "offset", 0);
    f.limit = rows_per_page;
    return f;
}

// The filters as given, "&user=...&action=...", for links that keep them.
std::string filter_query(const httplib::Request& req) {
    std::string query;
    for (const char* k : {"user", "action", "from", "to"}) {
        auto v = req.get_param_value(k);
        if (!v.empty()) query += fmt::format("&{}={}", k, url_encode(v));
    }
    return query;
}

void audit_page(Site& site, const Caller& c, const httplib::Request& req, httplib::Response& res) {
    std::optional<std::int64_t> to_day;
    store::AuditFilter f = audit_filter(req, to_day);
    auto& db = site.store().db();
    auto page = store::read_audit(db, f);

    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : page.rows) {
        nlohmann::json r = {{"at", text::vietnamese_datetime(e.at)},
                            {"user", e.user},
                            {"action", e.action},
                            {"action_label", label_of(action_labels, e.action)},
                            {"detail", detail_text(e.detail_json)}};
        if (e.article_id) {
            r["article"] = fmt::format("/articles/{}", *e.article_id);
            r["article_id"] = *e.article_id;
        }
        rows.push_back(r);
    }
    std::string query = filter_query(req);
    auto link = [&](std::size_t offset) { return fmt::format("/admin/audit?offset={}{}", offset, query); };
    nlohmann::json view = {{"rows", rows},
                           {"total", page.total},
                           {"empty", rows.empty()},
                           {"first", page.total ? f.offset + 1 : 0},
                           {"last", f.offset + rows.size()},
                           {"users", choices(store::audit_users(db), f.user, false)},
                           {"actions", choices(store::audit_actions(db), f.action, true)},
                           {"from", f.from ? shown_day(*f.from) : ""},
                           {"to", to_day ? shown_day(*to_day) : ""},
                           {"filtered", !query.empty()},
                           {"csv_href", "/admin/audit.csv?" + (query.empty() ? std::string() : query.substr(1))}};
    if (f.offset > 0) view["prev"] = link(f.offset > rows_per_page ? f.offset - rows_per_page : 0);
    if (f.offset + rows.size() < page.total) view["next"] = link(f.offset + rows_per_page);
    site.page(res, c, "Nhật ký thay đổi", "audit", view, "admin");
}

// Every row the filters match (all pages, newest first) as CSV for a
// spreadsheet: time (ISO 8601, Vietnam), user, action, the action in
// Vietnamese, article id, detail (as stored, JSON). Names and details are
// typed by people (a login lock's row holds whatever name was tried), so
// each cell is made inert for spreadsheets.
void audit_csv(Site& site, const Caller&, const httplib::Request& req, httplib::Response& res) {
    std::optional<std::int64_t> to_day;
    store::AuditFilter f = audit_filter(req, to_day);
    f.offset = 0;
    f.limit = csv_max_rows;
    if (store::read_audit(site.store().db(), {f.user, f.action, f.from, f.to, 0, 1}).total > csv_max_rows)
        throw HttpError(400, "too_many", fmt::format("Nhật ký lọc ra hơn {} dòng: chọn khoảng ngày hẹp hơn rồi tải lại.",
                                                     csv_max_rows));
    using text::csv_escape_inert;
    std::string out = "thoi_gian,nguoi_dung,hanh_dong,hanh_dong_tieng_viet,bai,chi_tiet\n";
    // One query, so rows written meanwhile cannot shift a page and repeat a row.
    for (const auto& e : store::read_audit(site.store().db(), f).rows)
        out += fmt::format("{},{},{},{},{},{}\n", text::iso8601(e.at), csv_escape_inert(e.user),
                           csv_escape_inert(e.action), csv_escape_inert(label_of(action_labels, e.action)),
                           e.article_id ? std::to_string(*e.article_id) : "", csv_escape_inert(e.detail_json));
    auto day = text::iso_date(static_cast<std::int64_t>(std::time(nullptr)));
    res.set_header("Content-Disposition", attachment(fmt::format("nhat-ky-thay-doi-{}.csv", day),
                                                     fmt::format("Nhật ký thay đổi {}.csv", day)));
    // A byte-order mark, so that Excel on Windows reads the CSV as UTF-8.
    send(res, 200, "\xEF\xBB\xBF" + out, "text/csv; charset=utf-8");
}

}  // namespace

void add_audit_routes(httplib::Server& http, Site& site) {
    page_route(http, site, Method::get, "/admin/audit", Role::admin, audit_page);
    page_route(http, site, Method::get, "/admin/audit.csv", Role::admin, audit_csv);
}

}  // namespace presswatch::web
