// Byte-level repair: any input becomes valid UTF-8 in Unicode NFC.
#ifndef CABLE_SRC_NORMALIZE_ENCODING_HPP_
#define CABLE_SRC_NORMALIZE_ENCODING_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace cable::internal::normalize {

// Counts what to_clean_utf8() changed, for the cable's warnings.
struct EncodingReport {
  std::size_t transcoded = 0;  // Bytes that were not UTF-8, read as Windows-1252.
  std::size_t controls = 0;    // NUL and other control characters replaced by a space.
  std::size_t unmappable = 0;  // Bytes undefined in Windows-1252, kept as U+FFFD.
};

// Returns `in` as valid UTF-8 in NFC: each byte that is not part of a valid
// UTF-8 sequence is decoded as Windows-1252 (Boost.Locale), so nothing is
// dropped; CR is removed, other C0 controls but tab and newline become a
// space, tabs become spaces. ASCII input costs one pass and no allocation
// beyond the copy.
std::string to_clean_utf8(std::string_view in, EncodingReport* report = nullptr);

// Returns `in` (valid UTF-8) in Unicode Normalization Form C (ICU).
std::string to_nfc(std::string in);

// Appends the warnings a report calls for, naming `what` ("body", "header").
void describe(const EncodingReport& report, std::string_view what,
              std::vector<std::string>& warnings);

}  // namespace cable::internal::normalize

#endif  // CABLE_SRC_NORMALIZE_ENCODING_HPP_
