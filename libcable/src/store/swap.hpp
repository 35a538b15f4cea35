// Putting a database written beside a shard in the shard's place, so that a
// kill at any moment leaves a whole database there, old or new: segment
// merges (write/segments) and compaction (Writer::compact) both swap this way.
#ifndef CABLE_SRC_STORE_SWAP_HPP_
#define CABLE_SRC_STORE_SWAP_HPP_

#include <filesystem>
#include <string_view>

namespace cable::internal {

// Puts the whole, closed database `fresh` where `target` (closed by the
// caller) is: one atomic exchange where the file system offers it (Linux
// renameat2 with RENAME_EXCHANGE: ext4, xfs, btrfs, tmpfs), after which
// `fresh` holds the old database; else `target` is renamed to `aside` and
// `fresh` to `target`, and restore_swapped() mends a kill between the two.
// Returns where the old database now is, for the caller to remove.
// @throws cable::Error kIndex naming `where` when neither works.
std::filesystem::path swap_in(const std::filesystem::path& fresh,
                              const std::filesystem::path& target,
                              const std::filesystem::path& aside, std::string_view where);

// After a kill between swap_in's two renames (`target` missing, the old
// database at `aside`, the new one whole at `fresh`): `fresh` is renamed into
// place and `aside` removed. True when it was; false, touching nothing, in
// any other state (a `fresh` without `aside` may be a compaction cut short).
// @throws cable::Error kIndex naming `where`.
bool restore_swapped(const std::filesystem::path& fresh, const std::filesystem::path& target,
                     const std::filesystem::path& aside, std::string_view where);

}  // namespace cable::internal

#endif  // CABLE_SRC_STORE_SWAP_HPP_
