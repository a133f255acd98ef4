// The crawl as the press office runs it: the built `presswatch crawl`
// binary against a local site, killed with SIGKILL and resumed, stopped
// with SIGTERM, and run twice at once.
#include <catch2/catch.hpp>

#include <csignal>
#include <map>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>
#include <cstdio>
#include <fcntl.h>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "crawl_site.h"
#include "support.h"

using namespace presswatch;
using presswatch::testing::CrawlSite;
using presswatch::testing::TempDir;
using namespace std::chrono_literals;

namespace {

// Starts `presswatch --config CFG --data DATA crawl ARGS...` in the
// background, its output in log; returns the pid.
pid_t spawn_crawl(const std::filesystem::path& cfg, const std::filesystem::path& data,
                  const std::filesystem::path& log, std::vector<std::string> extra = {"--once"}) {
    std::vector<std::string> args = {PRESSWATCH_BINARY, "--config", cfg.string(), "--data", data.string(), "crawl"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_t pid = fork();
    if (pid == 0) {
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool wait_until(const std::function<bool()>& cond, std::chrono::milliseconds limit = 20s) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (cond()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return cond();
}

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::set<std::string> done_articles(const std::filesystem::path& data) {
    std::set<std::string> out;
    if (!std::filesystem::exists(data / "presswatch.db")) return out;
    store::Database db(data / "presswatch.db", store::Database::Mode::read_only);
    auto st = db.prepare("SELECT url FROM frontier WHERE kind = 'article' AND state = 'done'");
    while (st.step()) out.insert(st.text(0));
    return out;
}

}  // namespace

TEST_CASE("crawl: killed with SIGKILL at any moment and resumed, the store equals an uninterrupted crawl's") {
    CrawlSite site(3, 12, 50);
    TempDir cfg, whole, broken, logs;
    site.write_config(cfg.path());
    REQUIRE(wait_exit(spawn_crawl(cfg.path(), whole.path(), logs.path() / "whole.log")) == 0);
    INFO(read_text(logs.path() / "whole.log"));
    REQUIRE(site.article_requests() == 36);

    std::set<std::string> refetched;
    // Each run is killed after a few more article requests, at different
    // points of fetching, ingesting and marking.
    for (std::size_t kill_after : {1u, 5u, 9u, 3u}) {
        auto base = site.article_requests();
        auto seen_before = site.server().seen().size();
        auto done_before = done_articles(broken.path());
        pid_t pid = spawn_crawl(cfg.path(), broken.path(), logs.path() / "broken.log");
        bool reached = wait_until([&] { return site.article_requests() >= base + kill_after; });
        ::kill(pid, SIGKILL);
        CHECK(wait_exit(pid) == 128 + SIGKILL);
        REQUIRE(reached);
        // Nothing the frontier had marked done was fetched again.
        auto seen = site.server().seen();
        for (std::size_t i = seen_before; i < seen.size(); ++i)
            for (const auto& url : done_before)
                if (url.ends_with(seen[i].path)) refetched.insert(url);
    }
    REQUIRE(wait_exit(spawn_crawl(cfg.path(), broken.path(), logs.path() / "broken.log")) == 0);
    INFO(read_text(logs.path() / "broken.log"));
    CHECK(refetched.empty());
    CHECK(testing::store_rows(broken.path()) == testing::store_rows(whole.path()));
    CHECK(done_articles(broken.path()).size() == 36);
}

TEST_CASE("crawl: SIGTERM finishes the transfers in flight and exits 0 within 10 seconds; the next run completes") {
    CrawlSite site(2, 20, 150);
    TempDir cfg, data, logs;
    site.write_config(cfg.path());
    pid_t pid = spawn_crawl(cfg.path(), data.path(), logs.path() / "log", {"--every", "15m"});
    REQUIRE(wait_until([&] { return site.article_requests() >= 4; }));
    auto asked = std::chrono::steady_clock::now();
    ::kill(pid, SIGTERM);
    int code = wait_exit(pid);
    INFO(read_text(logs.path() / "log"));
    CHECK(code == 0);
    CHECK(std::chrono::steady_clock::now() - asked < 10s);
    CHECK(done_articles(data.path()).size() < 40);
    REQUIRE(wait_exit(spawn_crawl(cfg.path(), data.path(), logs.path() / "log")) == 0);
    CHECK(done_articles(data.path()).size() == 40);
}

TEST_CASE("crawl: a second crawler on the same data folder exits 1 naming the first; readers keep working") {
    CrawlSite site(1, 10, 200);
    TempDir cfg, data, logs;
    site.write_config(cfg.path());
    pid_t first = spawn_crawl(cfg.path(), data.path(), logs.path() / "first.log");
    REQUIRE(wait_until([&] { return site.article_requests() >= 1; }));
    int second = wait_exit(spawn_crawl(cfg.path(), data.path(), logs.path() / "second.log"));
    auto message = read_text(logs.path() / "second.log");
    CHECK(second == 1);
    CHECK_THAT(message, Catch::Contains("another crawler") && Catch::Contains("pid " + std::to_string(first)));
    std::string stats = std::string(PRESSWATCH_BINARY) + " --config " + cfg.path().string() + " --data " +
                        data.path().string() + " stats >/dev/null 2>&1";
    CHECK(std::system(stats.c_str()) == 0);
    CHECK(wait_exit(first) == 0);
}

TEST_CASE("sources: a source that failed its last readings is shown as broken; a working feed is not") {
    CrawlSite site(1, 2);
    auto slug = site.slugs()[0];
    TempDir cfg, data, logs;
    site.write_config(cfg.path(), "sitemaps = [\"" + site.url(slug, "/sitemap-mat.xml") + "\"]\n");
    for (int i = 0; i < 3; ++i)
        REQUIRE(wait_exit(spawn_crawl(cfg.path(), data.path(), logs.path() / "log")) == 0);
    std::string cmd = std::string(PRESSWATCH_BINARY) + " --config " + cfg.path().string() + " --data " +
                      data.path().string() + " sources --json";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
    std::map<std::string, std::string> health;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("url")) health[j["url"].get<std::string>()] = j.value("health", "never read");
    }
    INFO(out);
    CHECK(health[site.url(slug, "/sitemap-mat.xml")] == "dead");
    CHECK(health[site.url(slug, "/rss/home.rss")] == "ok");
}
