#include "triage/phrase_automaton.h"

#include <deque>

namespace presswatch::triage {

int PhraseAutomaton::add(const std::vector<std::string>& syllables) {
    int state = 0;
    for (const auto& s : syllables) {
        auto [it, fresh] = vocabulary_.try_emplace(s, static_cast<int>(vocabulary_.size()));
        int sym = it->second;
        auto edge = go_.find(key(state, sym));
        if (edge != go_.end()) {
            state = edge->second;
            continue;
        }
        int created = static_cast<int>(fail_.size());
        fail_.push_back(0);
        output_link_.push_back(-1);
        outputs_.emplace_back();
        go_.emplace(key(state, sym), created);
        state = created;
    }
    int id = static_cast<int>(lengths_.size());
    lengths_.push_back(syllables.size());
    outputs_[static_cast<std::size_t>(state)].push_back(id);
    return id;
}

int PhraseAutomaton::next_state(int state, int sym) const {
    while (true) {
        auto it = go_.find(key(state, sym));
        if (it != go_.end()) return it->second;
        if (state == 0) return 0;
        state = fail_[static_cast<std::size_t>(state)];
    }
}

void PhraseAutomaton::build() {
    // Children of each state, to walk the trie breadth first.
    std::vector<std::vector<std::pair<int, int>>> children(fail_.size());
    for (const auto& [k, child] : go_)
        children[static_cast<std::size_t>(k >> 32)].emplace_back(static_cast<int>(k & 0xFFFFFFFFu), child);
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
