// The province's real places: every current ward and commune, every former
// district-level unit and every former commune resolves, written with its
// qualifier, to the right unit and its committee. The table
// (tests/data/gazetteer/units.tsv) is written by scripts/build-gazetteer
// from the official lists, beside province.toml's generated part.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "builtin_config.h"
#include "support.h"
#include "triage/triage.h"

using namespace presswatch;
using namespace presswatch::triage;

namespace {

struct Unit {
    std::string written, name, agency;
};

std::vector<Unit> units_table() {
    std::ifstream in(std::filesystem::path(PRESSWATCH_SOURCE_DIR) / "tests" / "data" / "gazetteer" / "units.tsv");
    REQUIRE(in);
    std::vector<Unit> out;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::istringstream row(line);
        Unit u;
        std::getline(row, u.written, '\t');
        std::getline(row, u.name, '\t');
        std::getline(row, u.agency, '\t');
        out.push_back(u);
    }
    return out;
}

const config::PlaceName* place(const std::string& name) {
    for (const auto& p : testing::builtin_config().province.names)
        if (p.name == name) return &p;
    return nullptr;
}

bool routes_to(const config::PlaceName& p, const std::string& agency) {
    return p.agency == agency ||
           std::find(p.became_agencies.begin(), p.became_agencies.end(), agency) != p.became_agencies.end();
}

Article news(const std::string& body) {
    Article a;
    a.url = "https://example.vn/tin.html";
    a.headline = "Họp dân bàn việc mở rộng đường liên thôn";
    a.body = body;
    return a;
}

}  // namespace

TEST_CASE("every unit, current or former, resolves with its qualifier to its unit and committee",
          "[triage][gazetteer]") {
    Triager t(testing::builtin_config());
    auto table = units_table();
    // 166 current units, the former district-level units and the former names.
    REQUIRE(table.size() > 500);
    std::size_t current = 0;
    for (const auto& u : table) {
        CAPTURE(u.written, u.name, u.agency);
        std::string body = "Sáng nay, UBND " + u.written + " tổ chức họp dân để bàn việc mở rộng đường liên thôn.";
        auto d = t.decide(news(body), 0);
        CAPTURE(d.reasons);
        REQUIRE(d.mentions.size() == 1);
        const auto& m = d.mentions[0];
        // The unit's own name, or a longer name of the same place written
        // by hand ("thị xã Nghi Sơn").
        CHECK((m.name == u.name || m.text == u.written));
        const auto* p = place(m.name);
        REQUIRE(p);
        CHECK(routes_to(*p, u.agency));
        if (p->kind == "ward" || p->kind == "commune") ++current;
        CHECK(d.mention_level == MentionLevel::subject);
    }
    CHECK(current >= 166);
}

TEST_CASE("a former commune named with its former district routes to the commune that holds it now",
          "[triage][gazetteer]") {
    Triager t(testing::builtin_config());
    auto d = t.decide(news("Người dân xã Hoằng Quỳ, huyện Hoằng Hóa phản ánh con đường xuống cấp."), 0);
    REQUIRE(d.mentions.size() == 2);
    CHECK(d.mentions[0].name == "Hoằng Quỳ");
    const auto* p = place("Hoằng Quỳ");
    REQUIRE(p);
    CHECK(p->became == std::vector<std::string>{"Hoằng Giang"});
    CHECK(p->agency == "ubnd-xa-hoang-giang");
    CHECK(d.mentions[1].name == "Hoằng Hóa");
}

TEST_CASE("both spellings the official sources disagree on are accepted", "[triage][gazetteer]") {
    Triager t(testing::builtin_config());
    // The statistics office and Resolution 1686 spell two former communes
    // differently; official names and the other tone placement alike.
    const std::pair<const char*, const char*> rows[] = {
        {"xã Văn Sơn", "ubnd-xa-tan-ninh"},     {"xã Vân Sơn", "ubnd-xa-tan-ninh"},
        {"xã Vân Âm", "ubnd-xa-nguyet-an"},     {"xã Vân Am", "ubnd-xa-nguyet-an"},
        {"xã Hoằng Hoá", "ubnd-xa-hoang-hoa"},  {"xã Cẩm Thuỷ", "ubnd-xa-cam-thuy"},
        {"xã Định Hoà", "ubnd-xa-dinh-hoa"},
    };
    for (const auto& [written, agency] : rows) {
        CAPTURE(written);
        auto d = t.decide(news(std::string("Cán bộ ") + written + " đến từng nhà vận động người dân."), 0);
        REQUIRE(d.mentions.size() == 1);
        const auto* p = place(d.mentions[0].name);
        REQUIRE(p);
        CHECK(routes_to(*p, agency));
    }
}

TEST_CASE("the place list holds every unit of the official list", "[triage][gazetteer]") {
    auto tsv = testing::shared_data_dir() / "gazetteer" / "after-2025.tsv";
    if (!std::filesystem::exists(tsv)) {
        WARN("SKIPPED: " << tsv.string() << " not found (the shared data folder is absent)");
        return;
    }
    std::ifstream in(tsv);
    std::string line;
    std::getline(in, line);  // header
    int n = 0;
    while (std::getline(in, line)) {
        std::istringstream row(line);
        std::string code, type, name;
        std::getline(row, code, '\t');
        std::getline(row, type, '\t');
        std::getline(row, name, '\t');
        CAPTURE(code, name);
        const auto* p = place(name);
        REQUIRE(p);
        CHECK(p->kind == (type == "phường" ? "ward" : "commune"));
        ++n;
    }
    CHECK(n == 166);
}
