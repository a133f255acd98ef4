// libFuzzer: extract_article on arbitrary bytes must neither crash, hang nor
// leak, and must return valid UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    presswatch::extract::ExtractOptions options;
    options.url = "https://bao.example/a.html";
    options.fetch_time = 1772852400;  // 2026-03-07T10:00:00+07:00: runs repeat exactly
    auto a = presswatch::extract::extract_article(std::string_view(reinterpret_cast<const char*>(data), size), options);
    if (a.body.size() > size * 4 + 64) __builtin_trap();  // text never grows beyond its source
    return 0;
}
