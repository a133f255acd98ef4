// `presswatch extract` run as a user runs it: the built binary, a file or
// standard input, the JSON on stdout and the exit code.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "support.h"

namespace {

using Run = presswatch::testing::CommandResult;

Run run(const std::string& args) {
    return presswatch::testing::run_shell(std::string(PRESSWATCH_BINARY) + " extract " + args + " 2>/dev/null");
}

}  // namespace

TEST_CASE("presswatch extract prints one NewsArticle JSON object; exit codes say what happened", "[extract][cli]") {
    presswatch::testing::TempDir dir;
    auto page = dir.path() / "bai.html";
    std::ofstream(page) << "<html lang=vi><head><title>Đường làng ngập nước - Báo Mẫu</title>"
                           "<link rel=canonical href=\"/xa-hoi/duong-lang-ngap-nuoc-77.html\"></head><body>"
                           "<h1>Đường làng ngập nước</h1><span class=date>2 giờ trước</span>"
                           "<div class=article-body><p>Sau trận mưa lớn đêm qua, con đường liên xã dài hơn hai cây số "
                           "chìm trong nước, người dân phải lội qua để đi chợ.</p><p>Chính quyền xã cho biết sẽ nạo "
                           "vét mương thoát nước trong tuần này, đồng thời cắm biển cảnh báo.</p>"
                           "<p><strong>Hải Nam</strong></p></div></body></html>";
    Run r = run(page.string() + " --url https://bao.example/x --fetch-time 2026-03-07T10:00:00+07:00");
    CHECK(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["headline"] == "Đường làng ngập nước");
    CHECK(j["url"] == "https://bao.example/xa-hoi/duong-lang-ngap-nuoc-77.html");
    CHECK(j["datePublished"] == "2026-03-07T08:00:00+07:00");
    CHECK(j["author"] == "Hải Nam");
    CHECK(j["description"].is_null());
    CHECK(j["articleBody"].get<std::string>().ends_with("cắm biển cảnh báo."));

    Run from_stdin = run("- < " + page.string());
    CHECK(from_stdin.code == 0);
    CHECK(nlohmann::json::parse(from_stdin.out)["headline"] == "Đường làng ngập nước");

    auto empty = dir.path() / "trang-chu.html";
    std::ofstream(empty) << "<html><body><nav><a href=/>Trang chủ</a></nav></body></html>";
    Run no_body = run(empty.string());
    CHECK(no_body.code == 1);
    CHECK(nlohmann::json::parse(no_body.out)["articleBody"] == "");

    CHECK(run((dir.path() / "khong-co.html").string()).code == 2);
    CHECK(run(page.string() + " --fetch-time hom-qua").code == 2);
}
