#include "write/record_dictionary.hpp"

#include <optional>
#include <string>
#include <utility>

#include "analysis/documents.hpp"
#include "cable/error.hpp"
#include "cable/reader.hpp"
#include "store/database.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"

namespace cable::internal {

namespace {

// Thrown by the sink to stop reading once the samples are enough: a
// cables.csv holds the whole release.
struct Enough {};

}  // namespace

void make_record_dictionary(std::vector<ShardWriter>& shards,
                            const std::vector<std::filesystem::path>& files) {
  // A run killed while it set the dictionary left it in some shards only:
  // the others take the same.
  std::string dictionary;
  for (const ShardWriter& s : shards) {
    if (!s.codec.dictionary().empty()) dictionary = s.codec.dictionary();
  }
  if (dictionary.empty()) {
    std::vector<std::string> samples;
    std::size_t bytes = 0;
    const auto sample = [&](Cable&& cable) {
      for (std::string& r : records_of(cable)) {
        if (bytes + r.size() > RecordCodec::kMaxSampleBytes) throw Enough{};
        bytes += r.size();
        samples.push_back(std::move(r));
      }
    };
    try {
      for (const std::filesystem::path& f : files) {
        try {
          read_file(f, sample);
        } catch (const Error&) {
          // The run reads it again and reports it.
        }
      }
    } catch (const Enough&) {
    }
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
