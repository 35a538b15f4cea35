#include "cable/writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "analysis/documents.hpp"
#include "ingest/file_reader.hpp"
#include "search/searcher_state.hpp"
#include "store/database.hpp"
#include "store/file_hash.hpp"
#include "store/layout.hpp"
#include "store/schema.hpp"
#include "store/shard_threads.hpp"
#include "store/stored.hpp"
#include "store/swap.hpp"
#include "util/text.hpp"
#include "write/rebuild.hpp"
#include "write/segments.hpp"

namespace cable {
namespace {

namespace schema = internal::schema;
namespace text = internal::text;

namespace fs = std::filesystem;

constexpr std::uint64_t kProgressEvery = 500;  // cables, within one large file
// Spelling words held in memory per shard before they are written (about 100 MB).
constexpr std::size_t kMaxGatheredWords = 1'000'000;
// Cables waiting for a shard's thread; bounds the memory between parsing and
// indexing.
constexpr std::size_t kQueueCapacity = 256;

// One file, read and parsed by a worker thread.
struct Parsed {
  std::string hash;
  bool unchanged = false;
  bool stream = false;  // CSV: read in the writer's thread, streamed, to bound memory
  std::vector<Cable> cables;
  std::vector<Error> errors;
};

bool is_csv(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const auto format = detect_format(head);
  return format && *format == Format::kCsv;
}

Parsed parse_file(const fs::path& file, const std::string& known_hash) {
  Parsed p;
  try {
    p.hash = internal::file_hash(file);
    if (p.hash == known_hash) {
      p.unchanged = true;
      return p;
    }
    if (is_csv(file)) {
      p.stream = true;
      return p;
    }
    read_file(
        file, [&](Cable&& c) { p.cables.push_back(std::move(c)); },
        [&](const Error& e) { p.errors.push_back(e); });
  } catch (const Error& e) {
    p.errors.push_back(e);
  }
  return p;
}

std::string file_key(const fs::path& f) {
  std::error_code ec;
  const auto abs = fs::absolute(f, ec);
  return schema::term(schema::kMetaFile, (ec ? f : abs).lexically_normal().string());
}

// One shard: its database and what is pending for it.
struct Shard {
  std::string where;
  fs::path dir;            // the index's directory; empty in memory
  fs::path path;           // the shard's; empty in memory
  std::size_t number = 0;  // in the index
  // Where cables go: the shard, or in a bulk run its open segment.
  Xapian::WritableDatabase db;
  bool termlists = true;        // whether the shard keeps term lists (write/rebuild)
  std::uint64_t rewritten = 0;  // times it was written anew with them
  // Told how far a rewrite with term lists is (RebuildOptions::progress).
  std::function<void(std::uint64_t done, std::uint64_t total)> on_rewrite;
  Xapian::docid span = 0;  // numbers its documents up to this (0: no limit, a single shard)
  internal::Analyzer analyzer;
  bool spelling = false;    // whether the index keeps spelling data ("did you mean")
  bool bulk = false;        // in index_path(): spelling data is synced at the end
  std::size_t pending = 0;  // cables written since the last commit
  // Spelling data of the cables added one by one (add()): word frequencies
  // gathered and written once per word at the next commit. Xapian's
  // TermGenerator can add them word by word as it indexes, which is slower
  // (docs/benchmarks.md).
  std::unordered_map<std::string, Xapian::termcount> words;

  // Segments of a bulk run into this shard, empty at the run's start
  // (write/segments). They keep no term lists: a cable written twice in the
  // run leaves its earlier documents where they are, to be left out when
  // the merge writes their segment anew (write/rebuild).
  std::uint64_t segment_cables = 0;      // cables per segment; 0: none in this run
  std::uint64_t in_target = 0;           // cables added to `db` in this run
  Xapian::WritableDatabase main;         // the shard, empty, while `db` is a segment
  std::vector<fs::path> segments;        // written so far, `db`'s last
  std::vector<Xapian::Database> closed;  // the segments before `db`'s, to look cables up
  // Per segment (by index in `segments`), the documents of the cables to
  // leave out at the merge.
  std::unordered_map<std::size_t, std::unordered_set<Xapian::docid>> left_out;

  // Where a cable added in this run before the current segment was.
  enum class Earlier { kNone, kSame, kDropped };

  // Finds cable `id` in a closed segment: the same content is kSame; other
  // content is left out there, at the merge. Cost: a metadata lookup per
  // segment.
  Earlier drop_earlier(const std::string& id, const std::string& id_term,
                       const std::string& hash_key, const std::string& hash) {
    for (std::size_t i = 0; i < closed.size(); ++i) {
      // A segment keeps the hash of each cable it holds until it is left out there.
      const std::string held = closed[i].get_metadata(hash_key);
      if (held.empty()) continue;
      if (held == hash) return Earlier::kSame;
      leave_out(closed[i], i, id_term);
      Xapian::WritableDatabase segment(
          segments[i].string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST);
      segment.set_metadata(schema::term(schema::kMetaCable, id), "");
      segment.set_metadata(hash_key, "");
      internal::commit(segment, false, dir, where);
      segment.close();
      closed[i].reopen();
      return Earlier::kDropped;
    }
    return Earlier::kNone;
  }

  // Marks the documents of `id_term` in segment `i` (`segment`) to be left
  // out at the merge.
  void leave_out(const Xapian::Database& segment, std::size_t i, const std::string& id_term) {
    for (auto p = segment.postlist_begin(id_term); p != segment.postlist_end(id_term); ++p) {
      left_out[i].insert(*p);
    }
  }

  // Deletes the documents of `id_term` from `db`: in a segment, marks them to
  // be left out at the merge; in a shard without term lists, writes the
  // shard anew with them first (once; about what indexing its cables cost).
  void delete_cable(const std::string& id_term) {
    if (!segments.empty()) {
      leave_out(db, segments.size() - 1, id_term);
      return;
    }
    if (!termlists) rewrite_with_termlists();
    db.delete_document(id_term);
  }

  // The shard, committed, written anew with term lists in its place (where
  // a kill leaves it, the next Writer::open cleans up, see write/segments).
  void rewrite_with_termlists() {
    internal::commit(db, false, dir, where);
    db.close();
    const fs::path anew = internal::merged_path(dir, number);
    std::error_code ec;
    fs::remove_all(anew, ec);
    fs::create_directories(anew.parent_path(), ec);
    try {
      internal::RebuildOptions options;
      options.progress = on_rewrite;
      internal::rebuild(path, anew, number, options);
      internal::put_merged_in_place(dir, path, number);
    } catch (...) {
      fs::remove_all(anew, ec);
      try {
        if (fs::exists(path, ec)) db = internal::open_writable(path, number);
      } catch (...) {
        // The first failure is the one to report.
      }
      throw;
    }
    fs::remove(anew.parent_path(), ec);  // when empty: no other shard's segments
    db = internal::open_writable(path, number);
    termlists = true;
    ++rewritten;
  }

  // Starts a bulk run's segments: the shard, empty, is set aside (its
  // metadata goes to the first segment) until the merge replaces it.
  void start_segments() {
    main = db;
    start_segment();
    for (auto k = main.metadata_keys_begin(); k != main.metadata_keys_end(); ++k) {
      db.set_metadata(*k, main.get_metadata(*k));
    }
  }

  void start_segment() {
    segments.push_back(internal::segment_path(dir, number, segments.size() + 1));
    std::error_code ec;
    fs::create_directories(segments.back().parent_path(), ec);
    // Unsynced: a run that does not finish keeps none of its segments, and
    // the merge writes (and syncs) the shard anew from them.
    db = internal::open_writable(segments.back(), number,
                                 Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST);
    in_target = 0;
  }

  // After a commit: starts the next segment once `db` has its share.
  void next_segment_if_full() {
    if (segments.empty() || in_target < segment_cables) return;
    closed.emplace_back(segments.back().string());
    start_segment();
  }

  // Ends a bulk run: the segments, without the cables left out, merged into
  // the shard.
  void merge() {
    if (segments.empty()) return;
    internal::guarded(where, [&] {
      internal::commit(db, false, dir, where);
      db.close();
      main.close();
    });
    main = Xapian::WritableDatabase();
    closed.clear();
    pending = 0;
    const std::vector<fs::path> parts = std::move(segments);
    segments.clear();
    const auto left = std::move(left_out);
    left_out.clear();
    try {
      internal::guarded(where, [&] {
        for (const auto& [i, cables] : left) {
          const fs::path kept = parts[i].string() + ".kept";
          internal::RebuildOptions o;
          o.termlists = false;
          o.skip = cables;
          internal::rebuild(parts[i], kept, number, o);
          fs::remove_all(parts[i]);
          fs::rename(kept, parts[i]);
        }
        internal::merge_segments(dir, path, number, parts);
      });
      db = internal::open_writable(path, number);
      termlists = false;
    } catch (...) {
      // The shard as it was, when it is still in place; else the next
      // Writer::open puts the merged one back (write/segments).
      try {
        if (fs::exists(path)) db = internal::open_writable(path, number);
      } catch (...) {
        // The first failure is the one to report.
      }
      throw;
    }
  }

  // Ends a failed bulk run: back to the shard, the segments left to remove.
  void abandon_segments() {
    if (segments.empty()) return;
    db = main;
    main = Xapian::WritableDatabase();
    closed.clear();
    segments.clear();
    left_out.clear();
    pending = 0;
  }

  AddOutcome add(const Cable& cable) {
    return internal::guarded(where, [&] {
      // An unchanged cable is told by its hash, before any document is made.
      const std::string hash = internal::content_hash(cable);
      const std::string hash_key = schema::term(schema::kMetaCableHash, cable.id);
      const std::string id_term = schema::term(schema::kId, cable.id);
      bool existed = false;
      if (!segments.empty()) {
        const Earlier earlier = drop_earlier(cable.id, id_term, hash_key, hash);
        // Read twice in one run: where it was read first stays recorded.
        if (earlier == Earlier::kSame) return AddOutcome::kUnchanged;
        existed = earlier == Earlier::kDropped;
      }
      const std::string fields_key = schema::term(schema::kMetaCable, cable.id);
      const std::string fields = internal::encode_cable_fields(cable);
      if (db.get_metadata(hash_key) == hash) {
        // Read from elsewhere, perhaps: only where it was read from changes.
        if (db.get_metadata(fields_key) != fields) {
          db.set_metadata(fields_key, fields);
          ++pending;
        }
        return AddOutcome::kUnchanged;
      }
      const internal::CableDocuments docs = make_documents(cable, analyzer);
      if (db.term_exists(id_term)) {
        existed = true;
        delete_cable(id_term);
      }
      Xapian::docid next = db.get_lastdocid();
      if (span > 0 && next + docs.docs.size() > span) {
        throw Error(ErrorCode::kIndex,
                    fmt::format("{}: a shard has used all {} of its document numbers; index "
                                "again into a new index",
                                where, span));
      }
      for (const Xapian::Document& d : docs.docs) {
        db.replace_document(++next, d);
        if (spelling && !bulk) gather_words(d);
      }
      db.set_metadata(fields_key, fields);
      db.set_metadata(hash_key, hash);
      ++pending;
      ++in_target;
      return existed ? AddOutcome::kReplaced : AddOutcome::kAdded;
    });
  }

  bool remove(const std::string& id) {
    return internal::guarded(where, [&] {
      const std::string id_term = schema::term(schema::kId, id);
      if (!db.term_exists(id_term)) return false;
      delete_cable(id_term);
      db.set_metadata(schema::term(schema::kMetaCable, id), "");
      db.set_metadata(schema::term(schema::kMetaCableHash, id), "");
      ++pending;
      return true;
    });
  }

  void gather_words(const Xapian::Document& doc) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string& term = *t;
      if (!term.empty() && !text::is_upper(term[0])) words[term] += t.get_wdf();
    }
  }

  // Makes the spelling data what the committed index holds: each word (term
  // without prefix) with its collection frequency, and no word the index no
  // longer has. A bulk run calls it once at its end instead of gathering
  // every word of every document, a hash per word (docs/benchmarks.md). Cost: one walk over the
  // shard's words and its spelling words, a frequency lookup per word; memory for the words whose
  // frequency changed.
  void sync_spelling() {
    internal::guarded(where, [&] {
      std::vector<std::pair<std::string, std::int64_t>> changes;  // word, frequency to add
      Xapian::TermIterator known = db.spellings_begin();
      const Xapian::TermIterator known_end = db.spellings_end();
      const auto drop_known_before = [&](const std::string* word) {
        for (; known != known_end && (!word || *known < *word); ++known) {
          changes.emplace_back(*known, -std::int64_t{known.get_termfreq()});
        }
      };
      const Xapian::TermIterator end = db.allterms_end();
      for (Xapian::TermIterator t = db.allterms_begin(); t != end;) {
        const std::string word = *t;
        if (text::is_upper(word[0])) {
          t.skip_to("[");  // past every term with a prefix ('A' to 'Z')
          continue;
        }
        drop_known_before(&word);
        std::int64_t change = db.get_collection_freq(word);
        if (known != known_end && *known == word) {
          change -= known.get_termfreq();
          ++known;
        }
        if (change != 0) changes.emplace_back(word, change);
        ++t;
      }
      drop_known_before(nullptr);
      for (const auto& [word, change] : changes) {
        if (change > 0) {
          db.add_spelling(word, static_cast<Xapian::termcount>(change));
        } else {
          db.remove_spelling(word, static_cast<Xapian::termcount>(-change));
        }
      }
    });
  }

  // Commits; with `spelling_too` (the end of a run, an explicit commit()),
  // also writes the gathered spelling data, which a batch commit leaves to
  // gather further.
  void commit(bool spelling_too = true) {
    internal::guarded(where, [&] {
      if (spelling_too || words.size() > kMaxGatheredWords) {
        for (const auto& [word, freq] : words) db.add_spelling(word, freq);
        words.clear();
      }
      // Segments keep no term lists.
      internal::commit(db, segments.empty() && termlists, dir, where);
    });
    pending = 0;
  }
};

// A cable for a shard's thread, or a request to commit (and then to record
// which files are now indexed, for the first shard).
struct Commit {
  std::vector<std::pair<std::string, std::string>> records;  // metadata to set first
  std::promise<void>* done = nullptr;
};
using Task = std::variant<Cable, Commit>;

// A bounded queue between the parsing thread and a shard's thread.
class Queue {
 public:
  void push(Task t) {
    std::unique_lock lock(m_);
    room_.wait(lock, [&] { return q_.size() < kQueueCapacity; });
    q_.push_back(std::move(t));
    ready_.notify_one();
  }
  // Waits for a task; nullopt once closed and empty.
  std::optional<Task> pop() {
    std::unique_lock lock(m_);
    ready_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return std::nullopt;
    Task t = std::move(q_.front());
    q_.pop_front();
    room_.notify_one();
    return t;
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    ready_.notify_all();
  }

 private:
  std::mutex m_;
  std::condition_variable ready_, room_;
  std::deque<Task> q_;
  bool closed_ = false;
};

// Marks shards as in a bulk run (Shard::bulk, Shard::on_rewrite) while it
// lives.
class BulkRun {
 public:
  // `on_rewrite` is told the number of the shard being rewritten too.
  BulkRun(
      std::vector<Shard>& shards,
      std::function<void(std::size_t shard, std::uint64_t done, std::uint64_t total)> on_rewrite)
      : shards_(shards), on_rewrite_(std::move(on_rewrite)) {
    for (Shard& s : shards_) {
      s.bulk = true;
      if (on_rewrite_) {
        s.on_rewrite = [this, k = s.number](std::uint64_t done, std::uint64_t total) {
          on_rewrite_(k, done, total);
        };
      }
    }
  }
  ~BulkRun() {
    for (Shard& s : shards_) {
      s.bulk = false;
      s.on_rewrite = nullptr;
    }
  }
  BulkRun(const BulkRun&) = delete;
  BulkRun& operator=(const BulkRun&) = delete;

 private:
  std::vector<Shard>& shards_;
  std::function<void(std::size_t, std::uint64_t, std::uint64_t)> on_rewrite_;
};

}  // namespace

struct Writer::Impl {
  std::string where;
  bool memory = false;
  std::vector<Shard> shards;
  WriterOptions options;

  Shard& shard_for(std::string_view id) { return shards[internal::shard_of(id, shards.size())]; }

  void commit() {
    for (Shard& s : shards) s.commit();
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::Writer(Writer&&) noexcept = default;
Writer& Writer::operator=(Writer&&) noexcept = default;

Writer::~Writer() {
  if (!impl_) return;
  for (Shard& s : impl_->shards) {
    try {
      if (s.pending > 0 || !s.words.empty()) s.commit();
    } catch (...) {
      // Documented: call commit() to see errors; a destructor must not throw.
    }
  }
}

Writer Writer::open(const fs::path& dir, const WriterOptions& options) {
  std::error_code ec;
  // A compaction killed between the two renames of swap_in's fallback: on a
  // one-shard index the shard is `dir` itself (store/swap.hpp).
  internal::restore_swapped(internal::compaction_path(dir), dir,
                            internal::compaction_aside_path(dir), dir.string());
  fs::create_directories(dir, ec);
  auto impl = std::make_unique<Impl>();
  impl->where = dir.string();
  impl->options = options;
  std::vector<fs::path> paths = internal::existing_shards(dir);
  const bool fresh = paths.empty();
  if (fresh) {
    std::size_t n = options.shards;
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
    paths = internal::new_shards(dir, std::min(n, internal::kMaxShards));
  } else {
    for (const fs::path& p : paths) {
      internal::restore_swapped(internal::compaction_path(p), p, internal::compaction_aside_path(p),
                                impl->where);
    }
    internal::restore_merged(dir, paths);
  }
  for (const fs::path& p : paths) {
    Shard s;
    s.where = impl->where;
    s.dir = dir;
    s.path = p;
    s.number = impl->shards.size();
    s.span = paths.size() > 1 ? internal::kShardDocids : 0;
    s.db = internal::open_writable(p, impl->shards.size());
    s.termlists = internal::has_termlists(p);
    s.spelling = true;
    impl->shards.push_back(std::move(s));
  }
  if (fresh) internal::write_stub(dir, paths.size());
  internal::remove_segments(dir);  // every shard is locked: what is left is a failed run's
  return Writer(std::move(impl));
}

Writer Writer::in_memory(const WriterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->where = "in-memory index";
  impl->memory = true;
  impl->options = options;
  Shard s;
  s.where = impl->where;
  s.db = internal::open_in_memory();
  // Xapian's in-memory backend keeps no spelling data: no suggestions there.
  impl->shards.push_back(std::move(s));
  return Writer(std::move(impl));
}

AddOutcome Writer::add(const Cable& cable) {
  if (cable.id.empty()) {
    throw Error(ErrorCode::kMalformed,
                fmt::format("{}: a cable without an ID cannot be indexed", cable.source.file));
  }
  return impl_->shard_for(cable.id).add(cable);
}

bool Writer::remove(std::string_view id_in) {
  const std::string id = text::upper(text::trim(id_in));
  return impl_->shard_for(id).remove(id);
}

void Writer::commit() { impl_->commit(); }

void Writer::compact() {
  impl_->commit();
  for (std::size_t k = 0; k < impl_->shards.size(); ++k) {
    Shard& s = impl_->shards[k];
    if (s.path.empty()) continue;
    const fs::path dir = s.path.lexically_normal();
    const fs::path fresh = internal::compaction_path(dir);
    std::error_code ec;
    fs::remove_all(fresh, ec);
    internal::guarded(s.where, [&] {
      Xapian::Database(dir.string()).compact(fresh.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    });
    // The lock goes with the old database, so the shard is reopened (and
    // locked) at once. On a one-shard index the shard is the index's own
    // directory: the swap never leaves it missing.
    s.db.close();
    const fs::path old =
        internal::swap_in(fresh, dir, internal::compaction_aside_path(dir), s.where);
    s.db = internal::open_writable(dir, k);
    fs::remove_all(old, ec);
  }
}

Searcher Writer::searcher() const {
  if (impl_->memory) {
    auto impl = std::make_unique<internal::SearcherState>();
    impl->where = impl_->where;
    impl->db = impl_->shards.front().db;
    impl->shards = {impl_->shards.front().db};
    return Searcher(std::move(impl));
  }
  return Searcher::open(impl_->where);
}

IndexSummary Writer::index_path(const fs::path& path, const ErrorSink& on_error,
                                const ProgressSink& progress) {
  IndexSummary summary;
  IndexProgress at;
  std::mutex report_mutex;  // shard threads report too: errors, and rewriting
  const auto report = [&](const Error& e) {
    std::lock_guard lock(report_mutex);
    ++summary.failed;
    if (on_error) on_error(e);
  };
  const std::vector<fs::path> files = list_inputs(path, report);
  std::vector<std::uint64_t> sizes;
  std::vector<std::string> known;  // "<hash> <count>" recorded for each file
  Shard& first = impl_->shards.front();
  for (const auto& f : files) {
    std::error_code ec;
    const auto size = fs::file_size(f, ec);
    sizes.push_back(ec ? 0 : size);
    summary.bytes += sizes.back();
    known.push_back(
        internal::guarded(impl_->where, [&] { return first.db.get_metadata(file_key(f)); }));
  }
  summary.files = files.size();
  at.files_total = files.size();
  at.bytes_total = summary.bytes;
  const auto tell = [&] {
    if (!progress) return;
    std::lock_guard lock(report_mutex);
    progress(at);
  };
  std::uint64_t rewritten = 0;
  for (const Shard& s : impl_->shards) rewritten += s.rewritten;

  // One thread per shard adds the cables routed to it and commits in batches.
  // Rewrites of several shards at once are reported as one.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> rewrites(impl_->shards.size());
  const BulkRun bulk(impl_->shards,
                     [&](std::size_t shard, std::uint64_t done, std::uint64_t total) {
                       if (!progress) return;
                       std::lock_guard lock(report_mutex);
                       rewrites[shard] = {done, total};
                       IndexProgress rewriting;
                       rewriting.rewriting = true;
                       for (const auto& [d, t] : rewrites) {
                         rewriting.cables += d;
                         rewriting.rewrite_cables += t;
                       }
                       progress(rewriting);
                     });
  const std::size_t n = impl_->shards.size();
  for (Shard& s : impl_->shards) {
    // A shard of several, empty, writes segments.
    const bool empty = n > 1 && !s.path.empty() &&
                       internal::guarded(s.where, [&] { return s.db.get_lastdocid() == 0; });
    s.segment_cables = empty ? impl_->options.segment_cables : 0;
    s.in_target = 0;
    if (s.segment_cables > 0) internal::guarded(s.where, [&] { s.start_segments(); });
  }
  std::vector<Queue> queues(n);
  std::vector<IndexSummary> counts(n);
  std::vector<std::exception_ptr> failures(n);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < n; ++k) {
    threads.emplace_back([&, k] {
      Shard& shard = impl_->shards[k];
      IndexSummary& c = counts[k];
      while (std::optional<Task> task = queues[k].pop()) {
        if (auto* commit = std::get_if<Commit>(&*task)) {
          if (!failures[k]) {
            try {
              internal::guarded(shard.where, [&] {
                for (const auto& [key, value] : commit->records) shard.db.set_metadata(key, value);
              });
              shard.commit(false);
            } catch (...) {
              failures[k] = std::current_exception();
            }
          }
          commit->done->set_value();
          continue;
        }
        if (failures[k]) continue;  // drain after a failure
        const Cable& cable = std::get<Cable>(*task);
        try {
          switch (shard.add(cable)) {
            case AddOutcome::kAdded:
              ++c.cables_added;
              c.paragraphs += cable.paragraphs.size();
              break;
            case AddOutcome::kReplaced:
              ++c.cables_replaced;
              c.paragraphs += cable.paragraphs.size();
              break;
            case AddOutcome::kUnchanged:
              ++c.cables_unchanged;
              break;
          }
          if (impl_->options.commit_every > 0 && shard.pending >= impl_->options.commit_every) {
            shard.commit(false);
            shard.next_segment_if_full();
          }
        } catch (const Error& e) {
          if (e.code() == ErrorCode::kIndex) {
            failures[k] = std::current_exception();
          } else {
            report(e);
          }
        } catch (...) {
          // Anything else ends the run too, reported by the caller's thread:
          // an exception must never leave a thread (std::terminate).
          failures[k] = std::current_exception();
        }
      }
    });
  }
  const auto writes_segments = [&] {
    return std::any_of(impl_->shards.begin(), impl_->shards.end(),
                       [](const Shard& s) { return !s.segments.empty(); });
  };
  // Records of files whose cables are in segments, to write once merged.
  std::vector<std::pair<std::string, std::string>> deferred;
  // Commits every shard, then records `records` (files whose cables are now
  // all committed) in the first shard and commits it; once any shard writes
  // segments, only after the merge (a file's cables are visible by then).
  const auto commit_all = [&](std::vector<std::pair<std::string, std::string>> records) {
    std::vector<std::promise<void>> done(n);
    for (std::size_t k = 0; k < n; ++k) queues[k].push(Commit{{}, &done[k]});
    for (auto& d : done) d.get_future().wait();
    // The shards' threads wait for the next task: their segments are still.
    if (writes_segments()) {
      deferred.insert(deferred.end(), records.begin(), records.end());
      return;
    }
    std::promise<void> recorded;
    queues[0].push(Commit{std::move(records), &recorded});
    recorded.get_future().wait();
  };
  const auto stop_threads = [&] {
    for (Queue& q : queues) q.close();
    for (std::thread& t : threads) t.join();
  };
  // After a failure: the segments' cables were never recorded, so the next
  // run indexes their files again.
  const auto abandon_segments = [&] {
    std::vector<fs::path> paths;
    for (Shard& s : impl_->shards) {
      s.abandon_segments();
      paths.push_back(s.path);
    }
    if (n == 1) return;
    // A merge that failed between its renames: the merged shard goes back.
    internal::restore_merged(impl_->where, paths);
    internal::remove_segments(impl_->where);
  };

  try {
    std::size_t jobs = impl_->options.jobs;
    if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    std::deque<std::future<Parsed>> window;
    std::size_t launched = 0;
    const auto launch = [&] {
      while (launched < files.size() && window.size() < 2 * jobs) {
        const std::size_t i = launched++;
        window.push_back(std::async(jobs > 1 ? std::launch::async : std::launch::deferred,
                                    parse_file, files[i],
                                    internal::decode_file_record(known[i]).hash));
      }
    };
    const auto dispatch = [&](Cable&& c) {
      if (c.id.empty()) {
        report(Error(ErrorCode::kMalformed,
                     fmt::format("{}: a cable without an ID cannot be indexed", c.source.file)));
        return false;
      }
      queues[internal::shard_of(c.id, n)].push(std::move(c));
      ++at.cables;
      return true;
    };
    std::vector<std::pair<std::string, std::string>> done_files;
    std::uint64_t since_commit = 0;
    const std::uint64_t batch = std::max<std::uint64_t>(1, impl_->options.commit_every) * n;
    for (std::size_t i = 0; i < files.size(); ++i) {
      launch();
      Parsed parsed = window.front().get();
      window.pop_front();
      for (const std::exception_ptr& f : failures) {
        if (f) std::rethrow_exception(f);
      }
      const fs::path& file = files[i];
      const std::uint64_t bytes_before = at.bytes_done;
      std::uint64_t cables = 0;
      std::size_t file_failures = parsed.errors.size();
      for (const Error& e : parsed.errors) report(e);
      if (parsed.unchanged) {
        ++summary.files_unchanged;
        const std::uint64_t count = internal::decode_file_record(known[i]).cables;
        summary.cables_unchanged += count;
        at.cables += count;
      } else if (parsed.stream) {
        try {
          internal::read_file_at(
              file,
              [&](Cable&& c, std::uint64_t bytes_read) {
                if (!dispatch(std::move(c))) ++file_failures;
                ++cables;
                if (at.cables % kProgressEvery == 0) {
                  at.bytes_done = bytes_before + std::min(bytes_read, sizes[i]);
                  tell();
                }
              },
              [&](const Error& e) {
                ++file_failures;
                report(e);
              });
        } catch (const Error& e) {
          ++file_failures;
          report(e);
        }
      } else {
        for (Cable& c : parsed.cables) {
          if (!dispatch(std::move(c))) ++file_failures;
          ++cables;
        }
      }
      since_commit += cables;
      if (!parsed.unchanged && file_failures == 0 && !parsed.hash.empty()) {
        done_files.emplace_back(file_key(file),
                                internal::encode(internal::FileRecord{parsed.hash, cables}));
      }
      if (since_commit >= batch) {
        commit_all(std::move(done_files));
        done_files.clear();
        since_commit = 0;
      }
      ++at.files_done;
      at.bytes_done = bytes_before + sizes[i];
      tell();
    }
    commit_all(std::move(done_files));
  } catch (...) {
    stop_threads();
    abandon_segments();
    throw;
  }
  stop_threads();
  for (const std::exception_ptr& f : failures) {
    if (f) {
      abandon_segments();
      std::rethrow_exception(f);
    }
  }
  if (writes_segments()) {
    at.merging = true;
    tell();
    try {
      internal::for_each_shard(n, n > 1, [&](std::size_t k) { impl_->shards[k].merge(); });
      internal::remove_segments(impl_->where);
    } catch (...) {
      abandon_segments();
      throw;
    }
  }
  if (!deferred.empty()) {
    Shard& first_shard = impl_->shards.front();
    internal::guarded(first_shard.where, [&] {
      for (const auto& [key, value] : deferred) first_shard.db.set_metadata(key, value);
    });
    first_shard.commit();
  }
  // The spelling data of the run (a run that failed leaves it to the next).
  internal::for_each_shard(n, n > 1, [&](std::size_t k) {
    Shard& s = impl_->shards[k];
    s.commit();
    if (s.spelling) {
      s.sync_spelling();
      s.commit();
    }
  });
  for (const Shard& s : impl_->shards) summary.shards_rewritten += s.rewritten;
  summary.shards_rewritten -= rewritten;
  for (const IndexSummary& c : counts) {
    summary.cables_added += c.cables_added;
    summary.cables_replaced += c.cables_replaced;
    summary.cables_unchanged += c.cables_unchanged;
    summary.paragraphs += c.paragraphs;
  }
  return summary;
}

}  // namespace cable
