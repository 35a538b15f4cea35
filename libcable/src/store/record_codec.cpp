#include "store/record_codec.hpp"

#include <fmt/format.h>
// For ZDICT_trainFromBuffer_fastCover.
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
#include <zstd.h>

#include <memory>
#include <new>

#include "cable/error.hpp"
#include "store/schema.hpp"

namespace cable::internal {

namespace {

// zstd's default level, the one measured (docs/benchmarks.md).
constexpr int kLevel = 3;
// zstd's own advice for a dictionary's size.
constexpr std::size_t kDictionaryBytes = 110 * 1024;
// A record is a paragraph: far below this, unless the index is damaged.
constexpr unsigned long long kMaxRecordBytes = 64ull << 20;

[[noreturn]] void damaged(const std::string& where, const std::string& why) {
  throw Error(ErrorCode::kIndex, fmt::format("{}: a record is damaged: {}", where, why));
}

// One context per thread, kept for its life: making one costs more than
// compressing a record.
template <typename Context, Context* (*create)(), std::size_t (*release)(Context*)>
Context* thread_context() {
  struct Free {
    void operator()(Context* c) const { release(c); }
  };
  thread_local const std::unique_ptr<Context, Free> c(create());
  if (!c) throw std::bad_alloc();
  return c.get();
}

ZSTD_CCtx* compressor() { return thread_context<ZSTD_CCtx, ZSTD_createCCtx, ZSTD_freeCCtx>(); }
ZSTD_DCtx* decompressor() { return thread_context<ZSTD_DCtx, ZSTD_createDCtx, ZSTD_freeDCtx>(); }

}  // namespace

struct RecordCodec::Dictionary {
  std::string bytes;
  unsigned id = 0;
  ZSTD_CDict* compress = nullptr;
  ZSTD_DDict* decompress = nullptr;

  Dictionary(std::string b, const std::string& where) : bytes(std::move(b)) {
    const auto refuse = [&] {
      throw Error(ErrorCode::kIndex, fmt::format("{}: the record dictionary ({}) is damaged", where,
                                                 schema::kMetaRecordDictionary));
    };
    id = ZDICT_getDictID(bytes.data(), bytes.size());
    if (id == 0) refuse();
    compress = ZSTD_createCDict(bytes.data(), bytes.size(), kLevel);
    decompress = ZSTD_createDDict(bytes.data(), bytes.size());
    if (!compress || !decompress) {
      ZSTD_freeCDict(compress);
      ZSTD_freeDDict(decompress);
      refuse();
    }
  }
  ~Dictionary() {
    ZSTD_freeCDict(compress);
    ZSTD_freeDDict(decompress);
  }
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;
};

RecordCodec::RecordCodec(std::string dictionary, std::string where)
    : dictionary_(std::make_shared<const Dictionary>(std::move(dictionary), where)),
      where_(std::move(where)) {}

RecordCodec RecordCodec::of(const Xapian::Database& db, const std::string& where) {
  // Xapian's errors go to the caller as they are: a searcher retries after
  // a DatabaseModifiedError (store/database.hpp).
  std::string dictionary = db.get_metadata(std::string(schema::kMetaRecordDictionary));
  RecordCodec codec =
      dictionary.empty() ? RecordCodec() : RecordCodec(std::move(dictionary), where);
  codec.where_ = where;
  return codec;
}

std::optional<std::string> RecordCodec::train(const std::vector<std::string>& samples) {
  std::string all;
  std::vector<std::size_t> sizes;
  for (const std::string& s : samples) {
    if (all.size() + s.size() > kMaxSampleBytes) break;
    all += s;
    sizes.push_back(s.size());
  }
  if (all.size() < kMinSampleBytes) return std::nullopt;
  // FastCover with its parameters set: ZDICT_trainFromBuffer() tries several
  // and takes six times as long for records as small (docs/benchmarks.md).
  // An experimental API of zstd, stable since 1.4 and exported by Debian's
  // libzstd.
  ZDICT_fastCover_params_t params{};
  params.k = 200;
  params.d = 8;
  params.f = 20;
  params.accel = 1;
  params.zParams.compressionLevel = kLevel;
  std::string dictionary(kDictionaryBytes, '\0');
  const std::size_t n =
      ZDICT_trainFromBuffer_fastCover(dictionary.data(), dictionary.size(), all.data(),
                                      sizes.data(), static_cast<unsigned>(sizes.size()), params);
  if (ZDICT_isError(n)) return std::nullopt;
  dictionary.resize(n);
  return dictionary;
}

const std::string& RecordCodec::dictionary() const {
  static const std::string none;
  return dictionary_ ? dictionary_->bytes : none;
}

std::string RecordCodec::pack(std::string_view record) const {
  std::string out;
  if (!dictionary_) {
    out.reserve(record.size() + 1);
    out.push_back(schema::kRecordPlain);
    out.append(record);
    return out;
  }
  out.resize(1 + ZSTD_compressBound(record.size()));
  out[0] = schema::kRecordZstd;
  const std::size_t n =
      ZSTD_compress_usingCDict(compressor(), out.data() + 1, out.size() - 1, record.data(),
                               record.size(), dictionary_->compress);
  if (ZSTD_isError(n)) {
    throw Error(ErrorCode::kIndex,
                fmt::format("{}: cannot compress a record: {}", where_, ZSTD_getErrorName(n)));
  }
  out.resize(1 + n);
  return out;
}

std::string RecordCodec::unpack(std::string_view stored) const {
  if (stored.empty()) damaged(where_, "it is empty");
  const std::string_view frame = stored.substr(1);
  if (stored[0] == schema::kRecordPlain) return std::string(frame);
  if (stored[0] != schema::kRecordZstd) damaged(where_, "it is kept in no known way");
  const unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  if (id == 0) damaged(where_, "its zstd frame has no dictionary");
  if (!dictionary_ || id != dictionary_->id) {
    damaged(where_,
            fmt::format("it was compressed with dictionary {}, which the index has not", id));
  }
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR) {
    damaged(where_, "its zstd frame does not say its size");
  }
  if (size > kMaxRecordBytes) {
    damaged(where_, fmt::format("it says it holds {} bytes, more than any record", size));
  }
  std::string out(static_cast<std::size_t>(size), '\0');
  const std::size_t n = ZSTD_decompress_usingDDict(
      decompressor(), out.data(), out.size(), frame.data(), frame.size(), dictionary_->decompress);
  if (ZSTD_isError(n)) damaged(where_, ZSTD_getErrorName(n));
  if (n != out.size()) damaged(where_, "it is cut short");
  return out;
}

}  // namespace cable::internal
