#include "store/layout.hpp"

#include <fmt/format.h>
#include <xxhash.h>

#include <fstream>
#include <string>

#include "cable/error.hpp"

namespace cable::internal {

namespace fs = std::filesystem;

std::vector<fs::path> existing_shards(const fs::path& dir) {
  std::error_code ec;
  const fs::path stub = dir / kStubFile;
  if (fs::is_regular_file(stub, ec)) {
    std::vector<fs::path> shards;
    std::ifstream in(stub);
    std::string backend, name;
    while (in >> backend >> name) shards.push_back(dir / name);
    return shards;
  }
  if (fs::exists(dir / "iamglass", ec)) return {dir};
  return {};
}

namespace {

// `shard` with `suffix` added to its last name: "db/" -> "db.compact", not "db/.compact".
fs::path beside(const fs::path& shard, std::string_view suffix) {
  fs::path p = shard.lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p.string() + std::string(suffix);
}

}  // namespace

fs::path compaction_path(const fs::path& shard) { return beside(shard, ".compact"); }

fs::path compaction_aside_path(const fs::path& shard) { return beside(shard, ".old"); }

std::vector<fs::path> new_shards(const fs::path& dir, std::size_t shards) {
  if (shards <= 1) return {dir};
  std::vector<fs::path> out;
  for (std::size_t i = 0; i < shards; ++i) out.push_back(dir / fmt::format("shard-{}", i));
  return out;
}

void write_stub(const fs::path& dir, std::size_t shards) {
  if (shards <= 1) return;
  std::string stub;
  for (std::size_t i = 0; i < shards; ++i) stub += fmt::format("glass shard-{}\n", i);
  const fs::path tmp = dir / (std::string(kStubFile) + ".tmp");
  {
    std::ofstream f(tmp, std::ios::trunc);
    f << stub;
    if (!f.flush()) {
      throw Error(ErrorCode::kIndex, fmt::format("{}: cannot write {}", dir.string(), kStubFile));
    }
  }
  std::error_code ec;
  fs::rename(tmp, dir / kStubFile, ec);
  if (ec) {
    throw Error(ErrorCode::kIndex,
                fmt::format("{}: cannot write {}: {}", dir.string(), kStubFile, ec.message()));
  }
}

std::size_t shard_of(std::string_view id, std::size_t shards) {
  if (shards <= 1) return 0;
  return static_cast<std::size_t>(XXH3_64bits(id.data(), id.size()) % shards);
}

}  // namespace cable::internal
