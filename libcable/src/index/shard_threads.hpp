// Work on each shard of an index at once, a thread per shard beyond the
// first: searches that read many postings (top_hits.hpp, facet_spy.hpp),
// and the spelling data at the end of a bulk run (writer.cpp).
//
// Xapian objects may be used from several threads only if no object is
// shared (they count references without atomics): the work on shard k
// touches only shard k's own database handle and its own copy of the query
// (own_query()), and the caller uses none of those until it returns.
#ifndef CABLE_SRC_INDEX_SHARD_THREADS_HPP_
#define CABLE_SRC_INDEX_SHARD_THREADS_HPP_

#include <xapian.h>

#include <cstddef>
#include <exception>
#include <future>
#include <string>
#include <vector>

#include "index/term_stats.hpp"

namespace cable::index {

// Matches expected to read fewer postings than this are better run in one
// thread: a small match is answered sooner than threads start
// (docs/benchmarks.md).
inline constexpr Xapian::doccount kShardThreadsFrom = 20'000;

// About how many postings matching `q` on `db` reads: the sum over an OR,
// the least over an AND or a phrase, the left side of AND_NOT and
// AND_MAYBE, every document for a value range, a wildcard or anything
// else. `terms`, when not null, gives the frequencies of the terms it
// learnt. Cost: a term frequency lookup per term `terms` does not know.
Xapian::doccount postings_to_read(const Xapian::Database& db, const Xapian::Query& q,
                                  const TermStats* terms = nullptr);

// Runs fn(k) for each k in [0, shards): shard 0 in the caller's thread and,
// when `threads`, each other shard in a thread of its own, else after it in
// order. Returns once every call started has returned or thrown (in one
// thread, none starts after a failure), rethrowing the lowest k's failure.
template <typename F>
void for_each_shard(std::size_t shards, bool threads, const F& fn) {
  std::vector<std::future<void>> others;
  for (std::size_t k = 1; threads && k < shards; ++k) {
    others.push_back(std::async(std::launch::async, [&fn, k] { fn(k); }));
  }
  std::exception_ptr failure;
  try {
    fn(0);
    for (std::size_t k = 1; !threads && k < shards; ++k) fn(k);
  } catch (...) {
    failure = std::current_exception();
  }
  for (std::future<void>& f : others) {
    try {
      f.get();
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
}

// The query for the work on shard k: `q` itself in the caller's thread, else
// a copy that shares nothing with it, from `serialised` (q.serialise()).
inline Xapian::Query own_query(const Xapian::Query& q, const std::string& serialised, bool threads,
                               std::size_t k) {
  return threads && k > 0 ? Xapian::Query::unserialise(serialised) : q;
}

}  // namespace cable::index

#endif  // CABLE_SRC_INDEX_SHARD_THREADS_HPP_
