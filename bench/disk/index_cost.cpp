// bench_index_cost INDEX_DIR: what an index's bytes an article are made
// of (issue 17: 15.3 KB an article for ~4 KB of text). For each kind of
// term and value the writer adds (index/schema.h), it prints the mean count
// and bytes a document, and what the index (compacted) saves without
// them: a compacted copy of the index with that kind removed from every
// document, against a compacted copy of the whole. Reads INDEX_DIR only;
// the copies live in a temporary folder, removed at the end.
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <xapian.h>

#include "index/schema.h"

namespace fs = std::filesystem;
using namespace presswatch::index;

namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }

bool starts_field(const std::string& t, std::string_view prefix) {
    return t.size() > prefix.size() && t.compare(0, prefix.size(), prefix) == 0 && !upper(t[prefix.size()]);
}

// The kinds of term, by prefix (index/schema.h).
enum Kind { folded_plain, folded_fields, exact_plain, exact_fields, pairs, boolean, kinds };
const char* const kind_names[kinds] = {
    "folded terms, unprefixed (Z: match)",
    "folded terms per field (ZS, ZXL, ZA: title:, lead:, author:)",
    "exact terms, unprefixed (rank, --exact)",
    "exact terms per field (S, XL, A)",
    "common-syllable pair terms (XB)",
    "boolean filter terms (Q, XO, XT, XD*, ...)",
};

Kind kind_of(const std::string& t) {
    if (t.empty() || !upper(t[0])) return exact_plain;
    if (starts_field(t, "ZS") || starts_field(t, "ZXL") || starts_field(t, "ZA")) return folded_fields;
    if (starts_field(t, "Z")) return folded_plain;
    if (starts_field(t, "S") || starts_field(t, "XL") || starts_field(t, "A")) return exact_fields;
    if (t.compare(0, 2, "XB") == 0) return pairs;
    return boolean;
}

bool position_slot(Xapian::valueno s) { return s >= schema::slot_common_positions; }

std::uintmax_t folder_bytes(const fs::path& d) {
    std::uintmax_t n = 0;
    for (const auto& e : fs::directory_iterator(d))
        if (e.is_regular_file()) n += e.file_size();
    return n;
}

std::uintmax_t compacted(Xapian::Database db, const fs::path& out) {
    fs::remove_all(out);
    db.compact(out.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    return folder_bytes(out);
}

// A compacted copy of `base` with `strip` applied to every document.
std::uintmax_t without(const fs::path& base, const fs::path& work, const std::function<void(Xapian::Document&)>& strip) {
    fs::path copy = work / "copy";
    fs::remove_all(copy);
    Xapian::Database(base.string()).compact(copy.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    {
        Xapian::WritableDatabase w(copy.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        std::size_t n = 0;
        for (auto it = w.postlist_begin(""); it != w.postlist_end(""); ++it) {
            Xapian::Document d = w.get_document(*it);
            strip(d);
            w.replace_document(*it, d);
            if (++n % 2000 == 0) w.commit();
        }
        w.commit();
    }
    auto bytes = compacted(Xapian::Database(copy.string()), work / "copy-compacted");
    fs::remove_all(copy);
    fs::remove_all(work / "copy-compacted");
    return bytes;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: bench_index_cost INDEX_DIR (e.g. the index of a bench_disk --data DIR run)\n";
        return 2;
    }
    fs::path index = argv[1];
    fs::path work = fs::temp_directory_path() / fmt::format("pw-index-cost-{}", ::getpid());
    int status = 0;
    try {
        fs::create_directories(work);
        Xapian::Database db(index.string());
        const double docs = static_cast<double>(db.get_doccount());
        if (docs == 0) throw std::runtime_error(index.string() + " holds no documents");
        double count[kinds] = {}, bytes[kinds] = {}, positions_bytes = 0, other_values_bytes = 0;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Xapian::Document d = db.get_document(*it);
            for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
                std::string term = *t;
                Kind k = kind_of(term);
                count[k] += 1;
                bytes[k] += static_cast<double>(term.size());
            }
            for (auto v = d.values_begin(); v != d.values_end(); ++v)
                (position_slot(v.get_valueno()) ? positions_bytes : other_values_bytes) += static_cast<double>((*v).size());
        }
        const std::uintmax_t live = folder_bytes(index);
        const fs::path base = work / "base";
        auto t0 = std::chrono::steady_clock::now();
        const std::uintmax_t whole = compacted(db, base);
        std::cout << fmt::format("{}: {:.0f} documents, {:.1f} KB an article as it is, {:.1f} KB compacted ({:.0f} s)\n",
                                 index.string(), docs, live / docs / 1e3, whole / docs / 1e3,
                                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        std::cout << fmt::format("{:<62} {:>8} {:>10} {:>14} {:>7}\n", "part (removed from every document)",
                                 "a doc", "bytes/doc", "saves KB/art", "share");
        auto row = [&](const std::string& name, double n, double b, std::uintmax_t smaller) {
            double saved = (static_cast<double>(whole) - static_cast<double>(smaller)) / docs;
            std::cout << fmt::format("{:<62} {:>8.0f} {:>10.0f} {:>14.2f} {:>6.0f}%\n", name, n / docs, b / docs,
                                     saved / 1e3, 100 * saved * docs / static_cast<double>(whole));
        };
        for (int k = 0; k < kinds; ++k) {
            if (k == boolean) continue;  // filters: needed by every query form
            auto smaller = without(base, work, [&](Xapian::Document& d) {
                std::vector<std::string> drop;
                for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t)
                    if (kind_of(*t) == k) drop.push_back(*t);
                for (const auto& t : drop) d.remove_term(t);
            });
            row(kind_names[k], count[k], bytes[k], smaller);
        }
        auto smaller = without(base, work, [](Xapian::Document& d) {
            std::vector<Xapian::valueno> drop;
            for (auto v = d.values_begin(); v != d.values_end(); ++v)
                if (position_slot(v.get_valueno())) drop.push_back(v.get_valueno());
            for (auto s : drop) d.remove_value(s);
        });
        row("word position value slots (16..575: phrases)", 0, positions_bytes, smaller);
        std::cout << fmt::format("boolean filter terms: {:.0f} a document; other values (date, facets, fingerprint...): "
                                 "{:.0f} bytes a document\n",
                                 count[boolean] / docs, other_values_bytes / docs);
    } catch (const std::exception& e) {
        std::cerr << "bench_index_cost: " << e.what() << "\n";
        status = 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_index_cost: " << e.get_description() << "\n";
        status = 1;
    }
    std::error_code ec;
    fs::remove_all(work, ec);
    return status;
}
