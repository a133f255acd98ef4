#include "triage/phrase_automaton.h"

#include <deque>

namespace presswatch::triage {

int PhraseAutomaton::EdgeTable::find(std::uint64_t key) const {
    std::size_t mask = keys_.size() - 1;
    for (std::size_t i = slot(key, mask);; i = (i + 1) & mask) {
        if (keys_[i] == key) return values_[i];
        if (keys_[i] == empty) return -1;
    }
}

void PhraseAutomaton::EdgeTable::insert(std::uint64_t key, int value) {
    if ((size_ + 1) * 2 > keys_.size()) grow();  // at most half full: short probe runs
    std::size_t mask = keys_.size() - 1;
    std::size_t i = slot(key, mask);
    while (keys_[i] != empty && keys_[i] != key) i = (i + 1) & mask;
    if (keys_[i] == empty) ++size_;
    keys_[i] = key;
    values_[i] = value;
}

void PhraseAutomaton::EdgeTable::grow() {
    std::vector<std::uint64_t> keys(keys_.size() * 2, empty);
    std::vector<int> values(values_.size() * 2, 0);
    keys.swap(keys_);
    values.swap(values_);
    size_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] != empty) insert(keys[i], values[i]);
}

int PhraseAutomaton::add(const std::vector<std::string>& syllables) {
    int state = 0;
    for (const auto& s : syllables) {
        auto [it, fresh] = vocabulary_.try_emplace(s, static_cast<int>(vocabulary_.size()));
        int sym = it->second;
        if (int next = go_.find(key(state, sym)); next >= 0) {
            state = next;
            continue;
        }
        int created = static_cast<int>(fail_.size());
        fail_.push_back(0);
        output_link_.push_back(-1);
        outputs_.emplace_back();
        go_.insert(key(state, sym), created);
        state = created;
    }
    int id = static_cast<int>(lengths_.size());
    lengths_.push_back(syllables.size());
    outputs_[static_cast<std::size_t>(state)].push_back(id);
    return id;
}

int PhraseAutomaton::next_state(int state, int sym) const {
    while (true) {
        if (int next = go_.find(key(state, sym)); next >= 0) return next;
        if (state == 0) return 0;
        state = fail_[static_cast<std::size_t>(state)];
    }
}

void PhraseAutomaton::build() {
    // Children of each state, to walk the trie breadth first.
    std::vector<std::vector<std::pair<int, int>>> children(fail_.size());
    go_.for_each([&](std::uint64_t k, int child) {
        children[static_cast<std::size_t>(k >> 32)].emplace_back(static_cast<int>(k & 0xFFFFFFFFu), child);
    });
    std::deque<int> queue;
    for (auto [sym, child] : children[0]) {
        fail_[static_cast<std::size_t>(child)] = 0;
        queue.push_back(child);
    }
    while (!queue.empty()) {
        int s = queue.front();
        queue.pop_front();
        for (auto [sym, child] : children[static_cast<std::size_t>(s)]) {
            int f = next_state(fail_[static_cast<std::size_t>(s)], sym);
            auto c = static_cast<std::size_t>(child);
            fail_[c] = f;
            output_link_[c] = outputs_[static_cast<std::size_t>(f)].empty() ? output_link_[static_cast<std::size_t>(f)] : f;
            queue.push_back(child);
        }
    }
}

int PhraseAutomaton::symbol(std::string_view folded) const {
    auto it = vocabulary_.find(folded);
    return it == vocabulary_.end() ? -1 : it->second;
}

void PhraseAutomaton::match(const std::vector<int>& symbols, std::vector<Match>& out) const {
    int state = 0;
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        int sym = symbols[i];
        if (sym < 0) {
            state = 0;  // a syllable no pattern uses breaks every partial match
            continue;
        }
        state = next_state(state, sym);
        for (int s = state; s > 0; s = output_link_[static_cast<std::size_t>(s)]) {
            for (int p : outputs_[static_cast<std::size_t>(s)]) {
                std::size_t n = lengths_[static_cast<std::size_t>(p)];
                out.push_back({p, i + 1 - n, n});
            }
            if (output_link_[static_cast<std::size_t>(s)] < 0) break;
        }
    }
}

}  // namespace presswatch::triage
