#pragma once
// A file compiled into the binary by cmake/Embed.cmake.
#include <span>
#include <string_view>

namespace presswatch {

struct EmbeddedFile {
    std::string_view name;   // path relative to the embedded folder
    std::string_view bytes;
};

}  // namespace presswatch
