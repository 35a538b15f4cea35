// How a document's record (store/stored.hpp) is kept in kSlotRecord: as it
// is, or compressed with zstd and the dictionary of its index (schema
// kMetaRecordDictionary). Records are most of an index that is not
// positions or postings, and each is small (a paragraph), too small to
// compress well alone: a dictionary trained on the index's own first
// records holds what they share (field names, origins, dates, the words of
// cables), so that each compresses well by itself and can still be read
// alone (docs/benchmarks.md, docs/schema.md).
#ifndef CABLE_SRC_STORE_RECORD_CODEC_HPP_
#define CABLE_SRC_STORE_RECORD_CODEC_HPP_

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cable::internal {

// Packs and unpacks records. A codec without a dictionary packs records as
// they are; one with a dictionary compresses them. Either unpacks what a
// codec of the same dictionary packed, and any record packed as it is.
// Cheap to copy; thread-safe (each thread compresses and decompresses with
// a context of its own).
class RecordCodec {
 public:
  // Packs as they are.
  RecordCodec() = default;
  // Compresses with `dictionary`, one train() made, for the index `where`
  // (a path, for messages). @throws cable::Error kIndex naming `where` when
  // it is no zstd dictionary.
  RecordCodec(std::string dictionary, std::string where);

  // The codec of `db` (a shard, a segment or several shards as one; every
  // shard of an index has the same dictionary), the index `where`: its
  // dictionary, when it has one. @throws cable::Error kIndex naming `where`
  // for a damaged one; Xapian::Error.
  static RecordCodec of(const Xapian::Database& db, const std::string& where);

  // A dictionary for records like `samples` (encoded records, at least
  // kMinSampleBytes of them), or std::nullopt when they are too few for
  // one. Cost: zstd's training over the samples (docs/benchmarks.md).
  static std::optional<std::string> train(const std::vector<std::string>& samples);
  // How many bytes of records train() wants, and takes at most.
  static constexpr std::size_t kMinSampleBytes = 1 << 20;
  static constexpr std::size_t kMaxSampleBytes = 2 << 20;

  // The dictionary, or "" for a codec that packs as they are.
  const std::string& dictionary() const;

  // `record` as kSlotRecord keeps it.
  std::string pack(std::string_view record) const;
  // The record `stored` holds. @throws cable::Error kIndex, naming the
  // index, when it is damaged or was packed with another dictionary.
  std::string unpack(std::string_view stored) const;

 private:
  struct Dictionary;
  std::shared_ptr<const Dictionary> dictionary_;
  std::string where_;
};

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_RECORD_CODEC_HPP_
