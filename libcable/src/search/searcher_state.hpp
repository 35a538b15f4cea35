// The state behind a cable::Searcher, shared with Writer::searcher().
#ifndef CABLE_SRC_SEARCH_SEARCHER_STATE_HPP_
#define CABLE_SRC_SEARCH_SEARCHER_STATE_HPP_

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "cable/search.hpp"
#include "search/cable_filter.hpp"
#include "search/cable_map.hpp"
#include "search/cable_words.hpp"
#include "search/cables_with.hpp"
#include "search/doc_lengths.hpp"
#include "search/record_cache.hpp"
#include "search/term_stats.hpp"
#include "store/database.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"

namespace cable::internal {

struct SearcherState {
  std::string where;                     // the index's path, or "in-memory index", for messages
  std::filesystem::path dir;             // empty in memory
  Xapian::Database db;                   // every shard, as one database
  std::vector<Xapian::Database> shards;  // each shard alone: metadata lives per shard
  // A handle on the whole index for the thread of each shard in a search
  // (search/top_hits.hpp): `db` for the first, which runs in the caller's
  // thread, handles of their own for the others, opened at the first search
  // that uses them.
  std::vector<Xapian::Database> wholes;
  Analyzer analyzer;
  // Held by every public Searcher call for its whole length: the Xapian
  // handles and the caches below are used by one call at a time.
  std::mutex mutex;
  // Search on plain Xapian machinery alone (search/plain_search), as shards
  // served by Xapian's remote backend would need; off: the local path. Set
  // before the Searcher is shared (tests set it; nothing public does yet).
  bool plain_xapian = false;
  // Keep the postings of words in few documents of an on-disk index
  // (search/kept_postings); off: Xapian's alone, the tests' oracle. Set
  // before the first search: terms learnt keep their lists.
  bool keep_postings = true;
  // For facet counts, one cache per shard; rebuilt when a reopen shows new
  // commits.
  CableMap cables;
  std::vector<FacetCache> facets;
  bool mapped = false;
  // Whether `cables` and `lengths` are known to be where the shards are. A
  // handle on disk moves only at reopen(), so on disk one check suffices
  // until then: it compares each shard's UUID, which Xapian formats anew
  // each time, and a search asks for the caches several times. In memory
  // (a writer's own database, which moves as it writes) they are checked
  // at every use.
  bool mapped_current = false;
  bool lengths_current = false;
  // Whether reopen() saw a shard replaced and has not yet opened the index
  // anew: a failed open leaves the handles with the new UUIDs, which the
  // next reopen() would otherwise take for the ones it had.
  bool replaced = false;
  Xapian::Registry sources;  // registry(): libcable's posting sources, on `cables`
  bool registered = false;
  std::vector<Xapian::Registry> shard_sources;  // registries_of_shards()
  // For weighing (search/bm25); rebuilt when a reopen shows new commits.
  DocLengths lengths;
  bool lengths_read = false;
  // The counts of the terms searched so far (search/term_stats).
  TermStats terms;
  // Searches whose total was counted from their words' sets of cables
  // (search/cable_sets), not by their match: the tests' way to know.
  std::uint64_t totals_from_sets = 0;
  // The cable documents of the filter terms searched lately (search/cable_filter).
  FilterLists filters;
  // How records are read (store/record_codec); read at first use, and again
  // after a reopen while the index has no dictionary (it is set once).
  RecordCodec codec;
  bool codec_read = false;
  // The records read lately; emptied when the shards have moved since they
  // were read (`db` reads through the shards' own handles:
  // store/database.hpp).
  RecordCache records;

  // Moves every database to its latest commit: the combined one and each
  // shard's own, which metadata and the facet map read (a shard left behind
  // would keep failing with DatabaseModifiedError, and miss new cables).
  // A shard that another database replaced (a merge, a rebuild, a
  // compaction; a new UUID) is opened anew: when the two have the same
  // revision number, Xapian's reopen reads the new UUID but keeps reading
  // the old tables.
  void reopen() {
    mapped_current = false;
    lengths_current = false;
    std::vector<std::string> uuids;
    for (const Xapian::Database& s : shards) uuids.push_back(s.get_uuid());
    db.reopen();
    if (codec.dictionary().empty()) codec_read = false;
    for (std::size_t k = 0; k < shards.size(); ++k) {
      shards[k].reopen();
      // Noted at once, so that a failure after it does not lose it.
      if (shards[k].get_uuid() != uuids[k]) replaced = true;
    }
    for (Xapian::Database& w : wholes) w.reopen();
    if (dir.empty() || !replaced) return;
    codec_read = false;  // an index built anew has a dictionary of its own
    ReadableIndex fresh = open_readable(dir);
    db = std::move(fresh.all);
    shards = std::move(fresh.shards);
    wholes.clear();
    replaced = false;
  }

  // `codec`, read if need be. @throws Xapian::Error, cable::Error.
  const RecordCodec& record_codec() {
    if (!codec_read) {
      codec = RecordCodec::of(shards.front(), where);
      codec_read = true;
    }
    return codec;
  }

  // Readies `records` for the record() calls that follow in one public
  // call: empties it when the shards moved since it was filled. Here
  // rather than in reopen(), which a failure may leave half done; once per
  // call rather than per record, as it compares each shard's UUID. Cost: no
  // I/O.
  void begin_records() {
    if (!dir.empty()) records.follow(shards);
  }

  // The record of document `docid` of `db`, from `records` when read
  // lately; begin_records() must have been called since the shards last
  // moved (the call's start). @throws Xapian::Error, cable::Error.
  std::string record(Xapian::docid docid) {
    // An in-memory index is the writer's own database, which changes without
    // a reopen, and costs no block reads: nothing is kept.
    if (dir.empty()) return read_record(docid);
    if (const std::string* kept = records.find(docid)) return *kept;
    std::string r = read_record(docid);
    records.add(docid, r);
    return r;
  }

  std::string read_record(Xapian::docid docid) {
    std::string stored;
    try {
      stored = record_of(db.get_document(docid, Xapian::DOC_ASSUME_VALID));
    } catch (const Xapian::DocNotFoundError&) {
    }
    // A hit from a handle at a later commit than `db` (a shard thread's,
    // store/database.hpp): reopen every handle and search again.
    if (stored.empty()) {
      // (In a damaged index the retries end, and the caller is told.)
      throw Xapian::DatabaseModifiedError("document " + std::to_string(docid) +
                                          " has no record at this revision");
    }
    // Compressed since the codec was read: a bulk run set the dictionary.
    if (stored[0] == schema::kRecordZstd && codec.dictionary().empty()) {
      codec_read = false;
    }
    return record_codec().unpack(stored);
  }

  // `wholes`, opened if need be. @throws Xapian::Error, cable::Error.
  const std::vector<Xapian::Database>& whole_per_shard() {
    if (wholes.empty()) wholes.push_back(db);
    while (wholes.size() < shards.size()) wholes.push_back(open_readable(dir).all);
    return wholes;
  }

  // `lengths`, read again if a commit changed the shards.
  const DocLengths& doc_lengths() {
    if (!lengths_read || (!lengths_current && lengths.stale(shards))) {
      // Read again at the next use unless both steps succeed: lengths
      // built without their cables' sums would pass as current.
      lengths_read = false;
      lengths.build(shards);
      lengths.sum_cables(cable_map());
      lengths_read = true;
    }
    lengths_current = !dir.empty();
    return lengths;
  }

  // `cables` (and `facets` with it), built again if a commit changed the shards.
  const CableMap& cable_map() {
    if (!mapped || (!mapped_current && cables.stale(shards))) {
      cables.build(shards);
      facets.assign(shards.size(), {});
      for (std::size_t k = 0; k < shards.size(); ++k) facets[k].reset(cables.cables(k));
      mapped = true;
    }
    mapped_current = !dir.empty();
    return cables;
  }

  // What unserialises a query with libcable's posting sources in a
  // search's threads (search/cables_with.hpp, search/cable_words.hpp,
  // search/cable_filter.hpp: both filters), made at first use.
  const Xapian::Registry& registry() {
    if (!registered) {
      sources.register_posting_source(CablesWith(&cables, Xapian::Query()));
      sources.register_posting_source(CableWords(&cables, &lengths, {}, {}, {}, {}, &terms));
      sources.register_posting_source(CableFilter(&filters, &cables, {}));
      sources.register_posting_source(DocumentFilter(&filters, &cables, {}));
      registered = true;
    }
    return sources;
  }

  // Per shard k, a registry whose CablesWith looks in shard k alone, for
  // the thread of shard k in top_hits_through_whole(); made at first use.
  std::vector<const Xapian::Registry*> registries_of_shards() {
    if (shard_sources.size() != shards.size()) {
      // Each made on its own: copies of a Xapian::Registry share one table,
      // where the last CablesWith registered would be every shard's.
      shard_sources.clear();
      shard_sources.resize(shards.size());
      for (std::size_t k = 0; k < shards.size(); ++k) {
        shard_sources[k].register_posting_source(CablesWith(&cables, Xapian::Query(), k));
        shard_sources[k].register_posting_source(
            CableWords(&cables, &lengths, {}, {}, {}, {}, &terms));
        shard_sources[k].register_posting_source(CableFilter(&filters, &cables, {}));
        shard_sources[k].register_posting_source(DocumentFilter(&filters, &cables, {}));
      }
    }
    std::vector<const Xapian::Registry*> out;
    for (const Xapian::Registry& r : shard_sources) out.push_back(&r);
    return out;
  }

  // Readies `cables` and `facets` for one query.
  void begin_facets() {
    cable_map();
    for (FacetCache& f : facets) f.begin();
  }
};

// A Searcher from its state, and its state: the public header keeps both
// private.
struct SearcherAccess {
  static Searcher make(std::unique_ptr<SearcherState> state) { return Searcher(std::move(state)); }
  static SearcherState& state(const Searcher& searcher) { return *searcher.impl_; }
};

}  // namespace cable::internal

#endif  // CABLE_SRC_SEARCH_SEARCHER_STATE_HPP_
