// libFuzzer: the feed parser on arbitrary bytes. It must never crash, hang
// or throw, and every item it yields has an absolute http(s) URL.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawler/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace presswatch::crawler;
    std::string_view s(reinterpret_cast<const char*>(data), size);
    Feed f = parse_feed(s, "https://bao.example.vn/rss/tin-moi.rss");
    for (const auto& item : f.items)
        if (!item.url.starts_with("http://") && !item.url.starts_with("https://")) __builtin_trap();
    return 0;
}
