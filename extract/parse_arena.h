#pragma once
// Memory for one gumbo parse, taken in large chunks and released all at
// once. gumbo allocates every node, attribute, string and temporary buffer
// separately (tens of thousands of malloc and free calls for a news page)
// and then frees them one by one with gumbo_destroy_output: a fifth of the
// time of a parse went to malloc and free. With the arena, allocation is a
// pointer bump, gumbo's own frees do nothing, and destroying the document is
// freeing a few chunks (gumbo_destroy_output is never called).
//
// Not thread-safe: one arena a document, used by the thread that parses it.
// Memory is not reused before the arena dies, so a parse takes more than it
// would with malloc (the buffers gumbo grows and frees stay): 7 to 12 times
// the parsed bytes on the vn-dev pages, bounded through max_html_bytes.
#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace presswatch::extract {

class ParseArena {
public:
    // first_chunk: bytes of the first chunk (later ones double, up to a cap).
    explicit ParseArena(std::size_t first_chunk);
    ParseArena(const ParseArena&) = delete;
    ParseArena& operator=(const ParseArena&) = delete;

    // gumbo options that allocate from this arena (everything else default).
    GumboOptions gumbo_options() const;

    void* allocate(std::size_t bytes);
    // Bytes taken from the system so far (all chunks).
    std::size_t reserved() const { return reserved_; }

private:
    struct FreeChunk {
        void operator()(std::byte* p) const;
    };
    std::vector<std::unique_ptr<std::byte, FreeChunk>> chunks_;
    std::byte* next_ = nullptr;
    std::size_t left_ = 0;
    std::size_t chunk_size_;
    std::size_t reserved_ = 0;
};

}  // namespace presswatch::extract
