#pragma once
// A presswatch data folder (store + index) holding the search benchmark's
// generated articles, all of them clippings, for `presswatch serve` to
// answer from. Built once and kept: a later run with the same article
// count reuses it (build.json in the folder says what it holds).
#include <cstdint>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "bench/search/generator.h"

namespace presswatch::bench {

// Returns build.json's content: articles, seconds to store and to index.
nlohmann::json ensure_data_folder(const std::filesystem::path& dir, std::int64_t articles, const Generator& gen,
                                  bool rebuild);

}  // namespace presswatch::bench
