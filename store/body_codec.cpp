#include "store/body_codec.h"

#include "core/error.h"
#include "store/snapshot_codec.h"

namespace presswatch::store {

void bind_body(Statement& st, int i, std::string_view body) {
    std::string packed = compress(body);
    if (packed.size() < body.size()) st.bind_blob(i, packed);
    else st.bind(i, body);
}

std::string read_body(const Statement& q, int col, int is_blob_col) {
    if (!q.int64(is_blob_col)) return q.text(col);
    try {
        return decompress(q.text(col));
    } catch (const RuntimeFailure& e) {
        throw RuntimeFailure(std::string("an article body in the store is damaged (") + e.what() +
                             "): restore the database from a backup, or run `presswatch check`");
    }
}

}  // namespace presswatch::store
