#include "store/backup.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>

#include "core/error.h"
#include "store/database_copy.h"
#include "store/file_codec.h"

namespace presswatch::store {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* manifest_name = "manifest.json";
constexpr const char* database_name = "presswatch.db.zst";

std::string utc_stamp(std::time_t t, const char* format) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

// A rename is durable once the folder holding it is synced.
void sync_dir(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

void write_synced(const fs::path& file, const std::string& text) {
    {
        std::ofstream out(file, std::ios::binary);
        out << text;
        if (!out) throw RuntimeFailure("cannot write " + file.string());
    }
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::uint64_t folder_bytes(const fs::path& dir) {
    std::uint64_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) n += e.file_size();
    return n;
}

json file_entry(const std::string& path, const FileDigest& d) {
    return {{"path", path}, {"bytes", d.bytes}, {"sha256", d.sha256}};
}

// What the copy holds, read from the copy itself so that the manifest
// describes exactly what was saved.
json describe_copy(const fs::path& copy) {
    Database db(copy, Database::Mode::read_only);
    auto check = db.prepare("PRAGMA quick_check");
    std::string verdict = check.step() ? check.text(0) : "";
    if (verdict != "ok")
        throw RuntimeFailure(fmt::format(
            "the copy of the database fails SQLite's check ({}): the live database may be damaged; run "
            "`sqlite3 presswatch.db 'PRAGMA integrity_check'` in the data folder",
            verdict));
    json j;
    auto v = db.prepare("PRAGMA user_version");
    v.step();
    j["schema_version"] = v.int64(0);
    j["migrations"] = json::array();
    auto m = db.prepare("SELECT version FROM schema_migration ORDER BY version");
    while (m.step()) j["migrations"].push_back(m.int64(0));
    j["counts"] = table_counts(db);
    return j;
}

// A backup folder's place in time: its UTC stamp, then the number a second
// backup within the same second carries ("-2", "-3", ...; none counts as 1).
// Compared as numbers so that "-10" comes after "-9".
std::pair<std::string, int> backup_order(const fs::path& folder) {
    std::string name = folder.filename().string().substr(std::string(backup_prefix).size());
    auto dash = name.rfind('-');
    if (dash == std::string::npos) return {name, 1};
    int n = 0;
    auto [end, ec] = std::from_chars(name.data() + dash + 1, name.data() + name.size(), n);
    if (ec != std::errc() || end != name.data() + name.size()) return {name, 1};
    return {name.substr(0, dash), n};
}

// A new folder for this second, numbered after every backup still there from the
// same second, so that the newest backup always sorts last: reusing a free lower
// number (one --keep removed) would sort it first and get it removed instead of
// the oldest.
fs::path unique_folder(const fs::path& dest, const std::string& stamp) {
    int last = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dest, ec)) {
        std::string name = e.path().filename().string();
        if (name.starts_with(".")) name = name.substr(1);
        if (name.ends_with(".partial")) name.resize(name.size() - std::string(".partial").size());
        if (!name.starts_with(backup_prefix)) continue;
        auto [s, n] = backup_order(fs::path(name));
        if (s == stamp) last = std::max(last, n);
    }
    if (last == 0) return dest / (std::string(backup_prefix) + stamp);
    return dest / fmt::format("{}{}-{}", backup_prefix, stamp, last + 1);
}

[[noreturn]] void damaged(const fs::path& folder, const std::string& what) {
    throw InputError(fmt::format("the backup {} is damaged: {}. Nothing was restored; use another backup "
                                 "(`ls {}`).",
                                 folder.string(), what, folder.parent_path().string()));
}

}  // namespace

std::map<std::string, std::int64_t> table_counts(Database& db) {
    std::vector<std::string> tables;
    auto t = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (t.step()) tables.push_back(t.text(0));
    std::map<std::string, std::int64_t> out;
    for (const auto& name : tables) {
        auto q = db.prepare(fmt::format("SELECT COUNT(*) FROM \"{}\"", name));
        q.step();
        out[name] = q.int64(0);
    }
    return out;
}

std::vector<fs::path> list_backups(const fs::path& dest) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dest, ec)) {
        auto name = e.path().filename().string();
        if (e.is_directory() && name.starts_with(backup_prefix) && fs::exists(e.path() / manifest_name))
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end(),
              [](const fs::path& a, const fs::path& b) { return backup_order(a) < backup_order(b); });
    return out;
}

BackupResult make_backup(Store& store, const BackupRequest& req) {
    auto t0 = std::chrono::steady_clock::now();
    std::error_code ec;
    fs::create_directories(req.dest, ec);
    if (ec || !fs::is_directory(req.dest))
        throw InputError(fmt::format("cannot use {} for backups: {}; give a folder you can write to",
                                     req.dest.string(), ec ? ec.message() : "it is not a folder"));
    fs::path data = fs::weakly_canonical(store.data_dir());
    if (fs::weakly_canonical(req.dest) == data || fs::weakly_canonical(req.dest).string().starts_with(data.string() + "/"))
        throw InputError(fmt::format("{} is inside the data folder {}: keep backups elsewhere, ideally on another "
                                     "disk, so that they survive losing the data folder",
                                     req.dest.string(), data.string()));
    // Leftovers of a backup that died half-way.
    std::vector<fs::path> leftovers;
    for (const auto& e : fs::directory_iterator(req.dest))
        if (e.path().filename().string().starts_with(std::string(".") + backup_prefix)) leftovers.push_back(e.path());
    for (const auto& p : leftovers) fs::remove_all(p, ec);

    std::time_t now = std::time(nullptr);
    fs::path final_dir = unique_folder(req.dest, utc_stamp(now, "%Y%m%dT%H%M%SZ"));
    fs::path partial = req.dest / ("." + final_dir.filename().string() + ".partial");
    fs::create_directories(partial);

    fs::path copy = partial / "presswatch.db";
    copy_database(store.data_dir() / "presswatch.db", copy);
    json manifest = describe_copy(copy);
    CodecResult db = compress_file(copy, partial / database_name);
    fs::remove(copy);

    json files = json::array();
    json entry = file_entry(database_name, db.packed);
    entry["raw_bytes"] = db.raw.bytes;
    entry["raw_sha256"] = db.raw.sha256;
    files.push_back(entry);
    json config = json::object();
    for (const auto& [name, origin] : req.config_origins) {
        if (origin == "built-in") {
            config[name] = "built-in";
            continue;
        }
        fs::create_directories(partial / "config");
        fs::copy_file(origin, partial / "config" / name, fs::copy_options::overwrite_existing);
        files.push_back(file_entry("config/" + name, digest_file(partial / "config" / name)));
        config[name] = origin;
    }
    json head = {{"format", "presswatch-backup"},
                 {"format_version", backup_format_version},
                 {"created_at", utc_stamp(now, "%Y-%m-%dT%H:%M:%SZ")},
                 {"created_unix", static_cast<std::int64_t>(now)},
                 {"presswatch_version", req.program_version},
                 {"data_dir", data.string()}};
    head.update(manifest);
    head["config"] = config;
    head["files"] = files;
    write_synced(partial / manifest_name, head.dump(2) + "\n");
    sync_dir(partial);
    fs::rename(partial, final_dir);
    sync_dir(req.dest);

    BackupResult r;
    r.folder = final_dir;
    r.bytes = folder_bytes(final_dir);
    r.articles = head["counts"].value("article", std::int64_t{0});
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    store.db()
        .prepare("INSERT INTO backup(at, path, bytes, articles, seconds) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, static_cast<std::int64_t>(now)).bind(2, final_dir.string())
        .bind(3, static_cast<std::int64_t>(r.bytes)).bind(4, r.articles).bind(5, r.seconds).run();

    if (req.keep > 0) {
        auto all = list_backups(req.dest);
        for (std::size_t i = 0; i + static_cast<std::size_t>(req.keep) < all.size(); ++i) {
            if (all[i] == final_dir) continue;
            fs::remove_all(all[i]);
            r.removed.push_back(all[i]);
        }
    }
    return r;
}

json verify_backup(const fs::path& folder) {
    if (!fs::is_directory(folder))
        throw InputError(fmt::format("there is no backup folder at {}: give the folder `presswatch backup` made "
                                     "(named {}…)",
                                     folder.string(), backup_prefix));
    fs::path mf = folder / manifest_name;
    if (!fs::exists(mf)) {
        auto inside = list_backups(folder);
        if (!inside.empty())
            throw InputError(fmt::format("{} holds {} backups, not one: give one of them, e.g. the newest, {}",
                                         folder.string(), inside.size(), inside.back().string()));
        throw InputError(fmt::format("{} is not a presswatch backup: it has no {} (a backup still being written, or "
                                     "one that was cut short, has none either)",
                                     folder.string(), manifest_name));
    }
    std::ifstream in(mf, std::ios::binary);
    json m = json::parse(in, nullptr, false);
    if (m.is_discarded() || !m.is_object() || m.value("format", "") != "presswatch-backup" || !m.contains("files") ||
        !m["files"].is_array())
        damaged(folder, fmt::format("{} is not a readable presswatch manifest", manifest_name));
    if (m.value("format_version", 0) > backup_format_version)
        throw InputError(fmt::format("the backup {} has format {}, made by presswatch {}; this presswatch reads "
                                     "format {}: upgrade presswatch to restore it",
                                     folder.string(), m.value("format_version", 0),
                                     m.value("presswatch_version", "?"), backup_format_version));
    bool has_db = false;
    for (const auto& f : m["files"]) {
        std::string rel = f.value("path", "");
        if (rel.empty() || rel.find("..") != std::string::npos || rel.front() == '/')
            damaged(folder, fmt::format("the manifest lists a file outside the backup ({})", rel));
        has_db |= rel == database_name;
        fs::path p = folder / rel;
        if (!fs::exists(p)) damaged(folder, fmt::format("{} is missing", rel));
        std::uint64_t expect = f.value("bytes", std::uint64_t{0});
        std::uint64_t size = fs::file_size(p);
        if (size != expect)
            damaged(folder, fmt::format("{} has {} bytes where the manifest says {} ({})", rel, size, expect,
                                        size < expect ? "truncated" : "altered"));
        if (digest_file(p).sha256 != f.value("sha256", ""))
            damaged(folder, fmt::format("{} does not match its SHA-256 in the manifest (altered or corrupted)", rel));
    }
    if (!has_db) damaged(folder, fmt::format("the manifest lists no {}", database_name));
    return m;
}

}  // namespace presswatch::store
