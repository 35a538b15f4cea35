#include "write/rebuild.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/documents.hpp"
#include "cable/error.hpp"
#include "cable/record.hpp"
#include "store/database.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"
#include "store/shard_threads.hpp"
#include "store/stored.hpp"

namespace cable::internal {
namespace {

namespace fs = std::filesystem;

// Cables written between two commits: Xapian's in-memory batch slows down
// as it grows (docs/benchmarks.md).
constexpr std::uint64_t kCommitEvery = 250;

struct Parts {
  // The first document of each part: every `part_cables`-th cable document,
  // the first part from document 1.
  std::vector<Xapian::docid> starts{1};
  std::uint64_t cables = 0;  // in the source, left out or not
};

Parts parts_of(const Xapian::Database& source, std::uint64_t part_cables) {
  const std::string cables = schema::term(schema::kKind, schema::kKindCable);
  Parts out;
  for (auto p = source.postlist_begin(cables); p != source.postlist_end(cables);
       ++p, ++out.cables) {
    if (out.cables > 0 && out.cables % part_cables == 0) out.starts.push_back(*p);
  }
  return out;
}

// Counts the cables written by every thread, for RebuildOptions::progress.
class Progress {
 public:
  Progress(const RebuildOptions& options, std::uint64_t total)
      : tell_(options.progress), total_(total) {
    if (tell_) tell_(0, total_);
  }

  void cable_written() {
    if (!tell_) return;
    std::lock_guard lock(mutex_);
    if (++done_ % kRebuildProgressEvery == 0 && done_ < total_) tell_(done_, total_);
  }

  void finished() {
    if (tell_) tell_(total_, total_);
  }

 private:
  const std::function<void(std::uint64_t, std::uint64_t)>& tell_;
  const std::uint64_t total_;
  std::mutex mutex_;
  std::uint64_t done_ = 0;
};

// Writes the cables of `source`'s documents [first, end) (end 0: to the
// last) into `out`, in `dir`, as rebuild() says.
void write_part(const std::string& where, const Xapian::Database& source, Xapian::docid first,
                Xapian::docid end, const RebuildOptions& options, const fs::path& dir,
                Progress& progress, Xapian::WritableDatabase& out) {
  Analyzer analyzer;
  // The records are packed with the shard's dictionary, when it has one
  // (those kept as they are too), which the first part copies with the rest
  // of its metadata.
  const RecordCodec codec = RecordCodec::of(source, where);
  std::optional<Cable> cable;  // the one being read, unless left out
  std::uint64_t pending = 0;
  const auto write = [&] {
    if (!cable) return;
    for (const Xapian::Document& d : make_documents(*cable, analyzer, codec).docs) {
      out.add_document(d);
    }
    cable.reset();
    progress.cable_written();
    if (++pending == kCommitEvery) {
      commit(out, dir, where);
      pending = 0;
    }
  };
  bool skipping = false;
  Xapian::PostingIterator p = source.postlist_begin("");
  p.skip_to(first);
  for (; p != source.postlist_end("") && (end == 0 || *p < end); ++p) {
    const Xapian::docid docid = *p;
    const StoredDoc doc =
        decode_doc(codec.unpack(record_of(source.get_document(docid, Xapian::DOC_ASSUME_VALID))));
    if (doc.kind == schema::kKindCable) {
      write();
      skipping = options.skip.count(docid) > 0;
      if (skipping) continue;
      const std::string fields = source.get_metadata(schema::term(schema::kMetaCable, doc.id));
      if (fields.empty()) {
        throw Error(ErrorCode::kIndex,
                    fmt::format("{}: document {} is cable {}, whose fields the index lacks", where,
                                docid, doc.id));
      }
      cable = decode_cable_fields(fields);
      continue;
    }
    if (skipping) continue;
    if (!cable || cable->id != doc.id) {
      throw Error(ErrorCode::kIndex,
                  fmt::format("{}: document {}, a paragraph of {}, does not follow its cable's",
                              where, docid, doc.id));
    }
    cable->paragraphs.push_back(paragraph_of(doc));
  }
  write();
}

}  // namespace

void rebuild(const fs::path& from, const fs::path& to, std::size_t shard,
             const RebuildOptions& options) {
  const std::string where = from.string();
  const Parts found =
      parts_of(Xapian::Database(where), std::max<std::uint64_t>(1, options.part_cables));
  const std::vector<Xapian::docid>& starts = found.starts;
  Progress progress(options,
                    found.cables - std::min<std::uint64_t>(found.cables, options.skip.size()));
  std::vector<fs::path> parts;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    parts.push_back(fmt::format("{}.part-{}", to.string(), i + 1));
  }
  const int flags = Xapian::DB_NO_SYNC | (options.termlists ? 0 : Xapian::DB_NO_TERMLIST);
  // Each thread writes every threads-th part, with handles of its own
  // (store/shard_threads).
  const std::size_t threads =
      std::min<std::size_t>(parts.size(), std::max(1u, std::thread::hardware_concurrency()));
  for_each_shard(threads, threads > 1, [&](std::size_t t) {
    const Xapian::Database source(where);
    for (std::size_t i = t; i < parts.size(); i += threads) {
      std::error_code ec;
      fs::remove_all(parts[i], ec);
      Xapian::WritableDatabase out = open_writable(parts[i], shard, flags);
      write_part(where, source, starts[i], i + 1 < starts.size() ? starts[i + 1] : 0, options,
                 to.parent_path(), progress, out);
      if (i == 0) {
        for (auto k = source.metadata_keys_begin(); k != source.metadata_keys_end(); ++k) {
          out.set_metadata(*k, source.get_metadata(*k));
        }
        for (auto s = source.spellings_begin(); s != source.spellings_end(); ++s) {
          out.add_spelling(*s, s.get_termfreq());
        }
      }
      commit(out, to.parent_path(), where);
    }
  });
  progress.finished();
  Xapian::Database all;
  for (const fs::path& p : parts) all.add_database(Xapian::Database(p.string()));
  // Renumbered, as segments are merged: the parts' documents in order.
  all.compact(to.string());
  all.close();
  std::error_code ec;
  for (const fs::path& p : parts) fs::remove_all(p, ec);
}

}  // namespace cable::internal
