// Fuzz target: the plain-text form, through the whole normalize + parse path.
#include <cstdint>
#include <string_view>

#include "cable/error.hpp"
#include "cable/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    (void)cable::parse_text(input, "fuzz");
  } catch (const cable::Error&) {
    // A clear refusal is a correct answer to garbage.
  }
  return 0;
}
