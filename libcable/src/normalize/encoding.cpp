#include "normalize/encoding.hpp"

#include <array>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>
#include <boost/locale/encoding.hpp>

#include <fmt/format.h>

namespace cable::internal::normalize {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid.
std::size_t valid_sequence(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t at = static_cast<int32_t>(i);
  const auto len = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_NEXT(p, at, len, c);
  return c < 0 ? 0 : static_cast<std::size_t>(at) - i;
}

// The Windows-1252 decoding of bytes 0x80-0xFF, computed once with
// Boost.Locale; empty where the code page defines no character.
const std::array<std::string, 128>& windows1252_table() {
  static const std::array<std::string, 128> table = [] {
    std::array<std::string, 128> t;
    for (int b = 0x80; b <= 0xff; ++b) {
      try {
        t[b - 0x80] = boost::locale::conv::to_utf<char>(std::string(1, static_cast<char>(b)),
                                                        "windows-1252", boost::locale::conv::stop);
      } catch (const boost::locale::conv::conversion_error&) {
        t[b - 0x80].clear();
      }
    }
    return t;
  }();
  return table;
}

void append_windows1252(std::string& out, unsigned char byte, EncodingReport& report) {
  const std::string& decoded = windows1252_table()[byte - 0x80];
  if (decoded.empty()) {
    out += "\uFFFD";
    ++report.unmappable;
  } else {
    out += decoded;
    ++report.transcoded;
  }
}

}  // namespace

std::string to_clean_utf8(std::string_view in, EncodingReport* report_out) {
  EncodingReport report;
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const auto byte = static_cast<unsigned char>(in[i]);
    if (byte < 0x80) {
      if (byte == '\r') {
        // CRLF and lone CR: a line break is '\n' alone.
        if (i + 1 >= in.size() || in[i + 1] != '\n') out.push_back('\n');
      } else if (byte == '\t') {
        out.push_back(' ');
      } else if ((byte < 0x20 && byte != '\n') || byte == 0x7f) {
        out.push_back(byte == '\f' ? '\n' : ' ');
        ++report.controls;
      } else {
        out.push_back(static_cast<char>(byte));
      }
      ++i;
      continue;
    }
    const std::size_t n = valid_sequence(in, i);
    if (n > 0) {
      out.append(in.substr(i, n));
      i += n;
    } else {
      append_windows1252(out, byte, report);
      ++i;
    }
  }
  if (report_out) *report_out = report;
  return to_nfc(std::move(out));
}

std::string to_nfc(std::string in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return in;
  if (nfc->isNormalizedUTF8(in, status) && U_SUCCESS(status)) return in;
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(in.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, in, sink, nullptr, status);
  return U_SUCCESS(status) ? out : in;
}

void describe(const EncodingReport& report, std::string_view what,
              std::vector<std::string>& warnings) {
  if (report.transcoded > 0) {
    warnings.push_back(fmt::format("{}: {} byte(s) were not UTF-8 and were read as Windows-1252",
                                   what, report.transcoded));
  }
  if (report.unmappable > 0) {
    warnings.push_back(fmt::format("{}: {} byte(s) undefined in Windows-1252 kept as U+FFFD", what,
                                   report.unmappable));
  }
  if (report.controls > 0) {
    warnings.push_back(
        fmt::format("{}: {} control character(s) replaced by spaces", what, report.controls));
  }
}

}  // namespace cable::internal::normalize
