// libFuzzer: the date parsers on arbitrary bytes; any date they return is
// plausible for the fetch time (1995 .. fetch + 1 day).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace presswatch::crawler;
    const std::int64_t fetch = 1772852400;
    std::string_view s(reinterpret_cast<const char*>(data), size);
    for (auto d : {parse_visible_date(s, fetch), parse_machine_date(s, fetch)})
        if (d && !plausible_date(d->time, fetch)) __builtin_trap();
    return 0;
}
