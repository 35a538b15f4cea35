#include "write/record_dictionary.hpp"

#include <optional>
#include <utility>

#include "analysis/documents.hpp"
#include "cable/error.hpp"
#include "cable/reader.hpp"
#include "store/database.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"

namespace cable::internal {

namespace {

// Thrown to stop reading a file once the samples are enough: a cables.csv
// holds the whole release.
struct Enough {};

}  // namespace

bool RecordSamples::wanted(const std::vector<ShardWriter>& shards) {
  for (const ShardWriter& s : shards) {
    if (!s.codec.dictionary().empty()) return false;
  }
  return true;
}

void RecordSamples::add(const Cable& cable) {
  if (full_) return;  // the rest of a file's cables: their records unmade
  for (std::string& r : records_of(cable)) {
    if (bytes_ + r.size() > RecordCodec::kMaxSampleBytes) {
      full_ = true;
      return;
    }
    bytes_ += r.size();
    records_.push_back(std::move(r));
  }
}

void RecordSamples::add_file(const std::filesystem::path& file) {
  try {
    read_file(file, [&](Cable&& cable) {
      add(cable);
      if (full_) throw Enough{};
    });
  } catch (const Enough&) {
  } catch (const Error&) {
  }
}

void make_record_dictionary(std::vector<ShardWriter>& shards, std::vector<std::string> samples) {
  std::string dictionary;
  for (const ShardWriter& s : shards) {
    if (!s.codec.dictionary().empty()) dictionary = s.codec.dictionary();
  }
  if (dictionary.empty()) {
    std::optional<std::string> trained = RecordCodec::train(samples);
    if (!trained) return;
    dictionary = std::move(*trained);
  }
  for (ShardWriter& s : shards) {
    if (!s.codec.dictionary().empty()) continue;
    s.codec = RecordCodec(dictionary, s.place.where);
    guarded(s.place.where, [&] {
      s.db.set_metadata(std::string(schema::kMetaRecordDictionary), dictionary);
      commit(s.db, s.place.dir, s.place.where);
    });
  }
}

}  // namespace cable::internal
