// The public reader API (cable/reader.hpp): form detection, files, directories.
#include "cable/reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <streambuf>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

#include "ingest/file_reader.hpp"
#include "parse/cable_parser.hpp"
#include "read/csv_reader.hpp"
#include "read/html_reader.hpp"
#include "read/txt_reader.hpp"
#include "util/cable_id.hpp"
#include "util/text.hpp"

namespace cable {
namespace {

constexpr std::size_t kHeadBytes = 4096;

// Reads through `source` and shows each piece read to `seen`, before the
// reader above gets it. Hand-written: the standard library has no such
// filter, and Boost.Iostreams' is not among our dependencies for this alone.
// An exception from `source` (libstdc++'s file buffer throws on a read
// error) reaches the stream reading this one, which sets badbit.
class SeenStreambuf : public std::streambuf {
 public:
  SeenStreambuf(std::streambuf* source, const internal::ByteSink& seen)
      : source_(source), seen_(seen), buf_(std::make_unique_for_overwrite<char[]>(kChunk)) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    const std::streamsize got = source_->sgetn(buf_.get(), static_cast<std::streamsize>(kChunk));
    if (got <= 0) return traits_type::eof();
    seen_({buf_.get(), static_cast<std::size_t>(got)});
    setg(buf_.get(), buf_.get(), buf_.get() + got);
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kChunk = 64 << 10;
  std::streambuf* source_;
  const internal::ByteSink& seen_;
  std::unique_ptr<char[]> buf_;
};

}  // namespace

std::optional<std::string> canonical_id(std::string_view text) {
  if (auto id = internal::canonical_cable_id(text)) return id;
  // An ID as published that names no station ("06ASTANA") is kept as it is,
  // as the parser keeps it (parse/cable_parser).
  std::string published = internal::text::upper(internal::text::trim(text));
  if (internal::looks_like_published_id(published)) return published;
  return std::nullopt;
}

const char* format_name(Format format) noexcept {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kHtml:
      return "html";
    case Format::kCsv:
      return "csv";
  }
  return "unknown";
}

std::optional<Format> detect_format(std::string_view head) {
  if (internal::looks_like_csv(head)) return Format::kCsv;
  if (internal::looks_like_html(head)) return Format::kHtml;
  if (internal::looks_like_txt(head)) return Format::kText;
  return std::nullopt;
}

Cable parse_text(std::string_view text, std::string_view source_name) {
  return internal::parse_raw(internal::read_txt(text, source_name));
}

Cable parse_html(std::string_view html, std::string_view source_name) {
  return internal::parse_raw(internal::read_html(html, source_name));
}

std::uint64_t read_file(const std::filesystem::path& file, const CableSink& sink,
                        const ErrorSink& on_error) {
  return internal::read_file_at(
      file, [&](Cable&& c, std::uint64_t) { sink(std::move(c)); }, on_error);
}

internal::OpenedFile internal::open_input(const std::filesystem::path& file) {
  OpenedFile f{std::ifstream(file, std::ios::binary), std::string(kHeadBytes, '\0'), file.string()};
  if (!f.in) {
    throw Error(ErrorCode::kIo,
                fmt::format("{}: cannot open: {}", f.name,
                            std::error_code(errno, std::generic_category()).message()));
  }
  f.in.read(f.head.data(), static_cast<std::streamsize>(f.head.size()));
  if (f.in.bad()) throw Error(ErrorCode::kIo, fmt::format("{}: read error", f.name));
  f.head.resize(static_cast<std::size_t>(f.in.gcount()));
  return f;
}

std::string internal::whole_file(OpenedFile& f) {
  std::string content = std::move(f.head);
  // read(), not `<< rdbuf()`: only read() tells a read error (badbit).
  constexpr std::size_t kChunk = 64 << 10;
  while (f.in) {
    const std::size_t at = content.size();
    content.resize(at + kChunk);
    f.in.read(content.data() + at, static_cast<std::streamsize>(kChunk));
    content.resize(at + static_cast<std::size_t>(f.in.gcount()));
  }
  if (f.in.bad()) throw Error(ErrorCode::kIo, fmt::format("{}: read error", f.name));
  return content;
}

Cable internal::parse_whole(std::string_view content, const std::string& name) {
  if (content.empty())
    throw Error(ErrorCode::kNotACable, fmt::format("{}: not a cable: empty file", name));
  const auto format = detect_format(content.substr(0, kHeadBytes));
  if (!format || *format == Format::kCsv) {
    throw Error(ErrorCode::kNotACable,
                fmt::format("{}: not a cable: neither the plain-text form, a cablegate page nor "
                            "cables.csv",
                            name));
  }
  return *format == Format::kHtml ? parse_html(content, name) : parse_text(content, name);
}

std::uint64_t internal::read_file_at(const std::filesystem::path& file, const PositionedSink& sink,
                                     const ErrorSink& on_error, const ByteSink& on_bytes) {
  OpenedFile f = open_input(file);
  if (detect_format(f.head) != Format::kCsv) {
    const std::string content = whole_file(f);
    if (on_bytes) on_bytes(content);
    sink(parse_whole(content, f.name), content.size());
    return 1;
  }
  f.in.clear();
  f.in.seekg(0);
  std::optional<SeenStreambuf> seen;
  if (on_bytes) seen.emplace(f.in.rdbuf(), on_bytes);
  std::istream in(seen ? static_cast<std::streambuf*>(&*seen) : f.in.rdbuf());
  CsvCableReader csv(in, f.name);
  std::uint64_t count = 0;
  RawCable raw;
  for (;;) {
    try {
      if (!csv.next(raw)) break;
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kMalformed && on_error) {
        on_error(e);
        continue;
      }
      throw;
    }
    sink(parse_raw(std::move(raw)), csv.bytes_read());
    ++count;
  }
  return count;  // next() is false at the end of the file: `on_bytes` saw it all
}

namespace {

// Why `entry` cannot be read as an input, or "" when it is a regular file
// (or a link to one). FIFOs are refused before anything opens them: opening
// one would wait for a writer for ever.
std::string not_an_input(const std::filesystem::path& file) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec) {
    return std::filesystem::is_symlink(std::filesystem::symlink_status(file))
               ? fmt::format("a symbolic link that leads nowhere: {}", ec.message())
               : ec.message();
  }
  switch (status.type()) {
    case std::filesystem::file_type::regular:
      return {};
    case std::filesystem::file_type::fifo:
      return "a FIFO, not a file: skipped";
    case std::filesystem::file_type::socket:
      return "a socket, not a file: skipped";
    case std::filesystem::file_type::block:
    case std::filesystem::file_type::character:
      return "a device, not a file: skipped";
    default:
      return "not a regular file: skipped";
  }
}

}  // namespace

std::vector<std::filesystem::path> list_inputs(const std::filesystem::path& path,
                                               const ErrorSink& on_error) {
  const auto report = [&](const Error& e) {
    if (on_error) on_error(e);
  };
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    report(Error(ErrorCode::kIo, fmt::format("{}: no such file or directory", path.string())));
    return {};
  }
  if (!std::filesystem::is_directory(status)) {
    if (const std::string why = not_an_input(path); !why.empty()) {
      report(Error(ErrorCode::kIo, fmt::format("{}: {}", path.string(), why)));
      return {};
    }
    return {path};
  }
  // Links to directories are not followed (a link back up would loop); links
  // to files are.
  std::vector<std::filesystem::path> files;
  std::filesystem::recursive_directory_iterator it(
      path, std::filesystem::directory_options::skip_permission_denied, ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fec;
    if (it->is_symlink(fec) && std::filesystem::is_directory(it->path(), fec)) continue;
    if (it->is_directory(fec)) {
      // The iterator skips a directory it may not read; say so.
      if (::access(it->path().c_str(), R_OK | X_OK) != 0) {
        report(Error(ErrorCode::kIo, fmt::format("{}: cannot list: {}", it->path().string(),
                                                 std::strerror(errno))));
      }
      continue;
    }
    if (const std::string why = not_an_input(it->path()); !why.empty()) {
      report(Error(ErrorCode::kIo, fmt::format("{}: {}", it->path().string(), why)));
      continue;
    }
    files.push_back(it->path());
  }
  if (ec)
    report(Error(ErrorCode::kIo, fmt::format("{}: cannot list: {}", path.string(), ec.message())));
  std::sort(files.begin(), files.end());
  return files;
}

ReadSummary read_path(const std::filesystem::path& path, const CableSink& sink,
                      const ErrorSink& on_error) {
  ReadSummary summary;
  const auto report = [&](const Error& e) {
    ++summary.failed;
    if (on_error) on_error(e);
  };
  for (const auto& file : list_inputs(path, report)) {
    ++summary.files;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) summary.bytes += size;
    try {
      summary.cables += read_file(file, sink, report);
    } catch (const Error& e) {
      report(e);
    }
  }
  return summary;
}

}  // namespace cable
