// The web interface in a real browser: Debian's chromium, headless, driven
// by playwright-core (tests/browser/, installed by scripts/install-deps from
// its lock file; nothing is downloaded here). Screenshots go to
// <build>/web-screenshots/ for people to look at.
#include <catch2/catch.hpp>

#include "briefing/pdf_text.h"
#include "store/accounts.h"
#include "store/store.h"
#include "store/workflow.h"
#include "text/dates.h"
#include "web_fixture.h"

using namespace presswatch;
using namespace presswatch::testing;

namespace {

const std::filesystem::path browser_dir = std::filesystem::path(PRESSWATCH_SOURCE_DIR) / "tests" / "browser";

bool have_browser() {
    if (std::filesystem::exists(browser_dir / "node_modules" / "playwright-core") &&
        std::filesystem::exists("/usr/bin/chromium"))
        return true;
    WARN("skipped: run scripts/install-deps (chromium, nodejs and tests/browser's npm lock file)");
    return false;
}

// Runs a scenario of tests/browser/ against the server, screenshots into
// <build>/web-screenshots/; more arguments after those two.
CommandResult run_scenario(const std::string& script, const RunningServer& server, const std::string& more = "") {
    auto shots = std::filesystem::current_path() / "web-screenshots";
    std::filesystem::create_directories(shots);
    return run_shell("cd " + shell_quote(browser_dir.string()) + " && node " + script + " http://127.0.0.1:" +
                     std::to_string(server.port()) + " " + shell_quote(shots.string()) + " " + more + " 2>&1");
}

}  // namespace

TEST_CASE("in chromium: search in three spellings, an article's mentions, keyboard review, 360 px", "[web][browser]") {
    if (!have_browser()) return;
    DemoCopy data;
    RunningServer server(data.path());
    auto r = run_scenario("browser_test.js", server);
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("is:new went from"));
}

TEST_CASE("in chromium with accounts: log in, a bulk action, flag -> sent -> answered, the Word briefing, log out",
          "[web][browser]") {
    if (!have_browser()) return;
    DemoCopy data;
    const std::string password = "Hàm Rồng 1975 sông Mã";
    {
        store::Store st(data.path());
        store::Accounts(st.db(), "tester").add("lan", store::Role::editor, password);
    }
    web::ServeOptions o;
    o.data_dir = data.path();
    RunningServer server(o);
    TempDir downloads;
    std::string month = text::iso_date(static_cast<std::int64_t>(std::time(nullptr))).substr(0, 7);
    auto r = run_scenario("accounts_test.js", server,
                          shell_quote(downloads.path().string()) + " lan " + shell_quote(password) + " " + month);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("ok: the answer is recorded"));

    // What the clicks did is in the store, under the account's name.
    store::Store st(data.path());
    bool sent = false, answered = false, bulk = false;
    for (const auto& e : store::Workflow(st, "x").audit_log()) {
        if (e.user != "lan") continue;
        sent |= e.action == "sent";
        answered |= e.action == "answered";
        bulk |= e.action == "review" && e.detail_json.find("not-relevant") != std::string::npos;
    }
    CHECK(bulk);
    CHECK(sent);
    CHECK(answered);

    // The briefing chromium saved opens in LibreOffice (as the briefing's own tests check it).
    auto docx = downloads.path() / "briefing.docx";
    REQUIRE(std::filesystem::exists(docx));
    auto text = docx_pdf_text(docx, downloads.path());
    if (!text) {
        WARN("libreoffice is not installed: skipping the Word check (scripts/install-deps installs it)");
        return;
    }
    REQUIRE_FALSE(text->empty());
    CHECK_THAT(without_spaces(*text), Catch::Contains(without_spaces("BÁO CÁO")));
    // The letter from the Flagged page addresses the agency the bulk flag named.
    auto letter = docx_pdf_text(downloads.path() / "letter.docx", downloads.path());
    REQUIRE(letter);
    CHECK_THAT(without_spaces(*letter), Catch::Contains(without_spaces("Kính gửi: Sở Xây dựng")));
    auto report = docx_pdf_text(downloads.path() / "search.docx", downloads.path());
    REQUIRE(report);
    CHECK_THAT(without_spaces(*report), Catch::Contains(without_spaces("KẾT QUẢ TÌM KIẾM")));
}
