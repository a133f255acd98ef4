#include "extract/parse_arena.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace presswatch::extract {
namespace {

constexpr std::size_t alignment = alignof(std::max_align_t);
// Chunks grow by doubling up to this, so a huge page does not take one
// more huge chunk than it needs.
constexpr std::size_t max_chunk = 8 * 1024 * 1024;
constexpr std::size_t min_chunk = 64 * 1024;

void* arena_allocate(void* arena, std::size_t bytes) { return static_cast<ParseArena*>(arena)->allocate(bytes); }
// Freed with the arena, all at once.
void arena_free(void*, void*) {}

}  // namespace

void ParseArena::FreeChunk::operator()(std::byte* p) const { std::free(p); }

ParseArena::ParseArena(std::size_t first_chunk) : chunk_size_(std::clamp(first_chunk, min_chunk, max_chunk)) {}

GumboOptions ParseArena::gumbo_options() const {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = arena_allocate;
    options.deallocator = arena_free;
    options.userdata = const_cast<ParseArena*>(this);
    return options;
}

void* ParseArena::allocate(std::size_t bytes) {
    bytes = (std::max<std::size_t>(bytes, 1) + alignment - 1) & ~(alignment - 1);
    if (bytes > left_) {
        // A request larger than a chunk gets a chunk of its own; the current
        // chunk's rest stays in use for the small requests that follow.
        const bool own = bytes > chunk_size_ / 4;
        const std::size_t size = own ? bytes : chunk_size_;
        auto* p = static_cast<std::byte*>(std::malloc(size));
        if (!p) throw std::bad_alloc();
        chunks_.emplace_back(p);
        reserved_ += size;
        if (own) return p;
        next_ = p;
        left_ = size;
        chunk_size_ = std::min(chunk_size_ * 2, max_chunk);
    }
    void* out = next_;
    next_ += bytes;
    left_ -= bytes;
    return out;
}

}  // namespace presswatch::extract
