#include "cable/writer.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

#include "search/searcher_state.hpp"
#include "store/database.hpp"
#include "store/layout.hpp"
#include "util/text.hpp"
#include "write/bulk_index.hpp"
#include "write/shard_writer.hpp"

namespace cable {
namespace {

namespace text = internal::text;
namespace fs = std::filesystem;

}  // namespace

struct Writer::Impl {
  std::string where;
  bool memory = false;
  std::vector<internal::ShardWriter> shards;
  WriterOptions options;

  internal::ShardWriter& shard_for(std::string_view id) {
    return shards[internal::shard_of(id, shards.size())];
  }

  void commit() {
    for (internal::ShardWriter& s : shards) s.commit();
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::Writer(Writer&&) noexcept = default;
Writer& Writer::operator=(Writer&&) noexcept = default;

Writer::~Writer() {
  if (!impl_) return;
  for (internal::ShardWriter& s : impl_->shards) {
    try {
      if (s.pending > 0 || !s.words.empty()) s.commit();
    } catch (...) {
      // Documented: call commit() to see errors; a destructor must not throw.
    }
  }
}

Writer Writer::open(const fs::path& dir, const WriterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->where = dir.string();
  impl->options = options;
  impl->shards = internal::open_shards(dir, options.shards);
  return Writer(std::move(impl));
}

Writer Writer::in_memory(const WriterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->where = "in-memory index";
  impl->memory = true;
  impl->options = options;
  internal::ShardWriter s({impl->where, {}, {}, 0});
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
  for (internal::ShardWriter& s : impl_->shards) s.compact();
}

Searcher Writer::searcher() const {
  if (impl_->memory) {
    auto impl = std::make_unique<internal::SearcherState>();
    impl->where = impl_->where;
    impl->db = impl_->shards.front().db;
    impl->shards = {impl_->shards.front().db};
    return internal::SearcherAccess::make(std::move(impl));
  }
  return Searcher::open(impl_->where);
}

IndexSummary Writer::index_path(const fs::path& path, const ErrorSink& on_error,
                                const ProgressSink& progress) {
  return internal::index_files(impl_->shards, impl_->options, path, on_error, progress);
}

}  // namespace cable
