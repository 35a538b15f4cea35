#include "util/cable_id.hpp"

#include "util/text.hpp"

namespace cable {

std::optional<CableIdParts> split_cable_id(std::string_view id) {
  if (id.size() < 4 || !text::is_digit(id[0]) || !text::is_digit(id[1])) return std::nullopt;
  std::size_t i = 2;
  while (i < id.size() && text::is_upper(id[i])) ++i;
  if (i == 2 || i == id.size()) return std::nullopt;
  std::size_t j = i;
  while (j < id.size() && text::is_digit(id[j])) ++j;
  if (j != id.size()) return std::nullopt;
  CableIdParts parts{std::string(id.substr(0, 2)), std::string(id.substr(2, i - 2)), ""};
  std::string_view serial = id.substr(i);
  while (serial.size() > 1 && serial[0] == '0') serial.remove_prefix(1);
  parts.serial = serial;
  return parts;
}

bool same_serial(std::string_view digits, std::string_view serial) {
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  return !digits.empty() && digits == serial;
}

}  // namespace cable
