// Work on each shard of an index at once, a thread per shard beyond the
// first: searches that read many postings (search/match_cost.hpp says
// which), and the parts of a rebuild and the spelling data of a bulk run
// (write/).
//
// Xapian objects may be used from several threads only if no object is
// shared (they count references without atomics): the work on shard k
// touches only shard k's own database handle and its own copy of the query
// (own_query()), and the caller uses none of those until it returns.
#ifndef CABLE_SRC_STORE_SHARD_THREADS_HPP_
#define CABLE_SRC_STORE_SHARD_THREADS_HPP_

#include <xapian.h>

#include <cstddef>
#include <exception>
#include <future>
#include <string>
#include <vector>

namespace cable::internal {

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
// a copy that shares nothing with it, from `serialised` (q.serialise()),
// through `registry` when the query has posting sources of libcable's own.
inline Xapian::Query own_query(const Xapian::Query& q, const std::string& serialised, bool threads,
                               std::size_t k, const Xapian::Registry* registry = nullptr) {
  if (!threads || k == 0) return q;
  return registry ? Xapian::Query::unserialise(serialised, *registry)
                  : Xapian::Query::unserialise(serialised);
}

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_SHARD_THREADS_HPP_
