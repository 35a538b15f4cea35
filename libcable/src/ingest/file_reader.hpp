// cable::read_file() with how far into the file reading got, for progress
// through one large file: Writer::index_path streams cables.csv, the whole
// release in one file. And its steps, for a caller that also hashes each
// file (write/parse_window): one opening and one read of every file.
#ifndef CABLE_SRC_INGEST_FILE_READER_HPP_
#define CABLE_SRC_INGEST_FILE_READER_HPP_

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>

#include "cable/reader.hpp"

namespace cable::internal {

// Receives each cable and the bytes of the file read when it was handed over
// (for the text and HTML forms, one cable: the whole file).
using PositionedSink = std::function<void(Cable&&, std::uint64_t bytes_read)>;

// Sees every byte of a file once, in order, in pieces.
using ByteSink = std::function<void(std::string_view bytes)>;

// As read_file(), which it is; the same errors. `on_bytes`, when given, sees
// the bytes the cables were read from, all of the file: the whole of a
// one-cable file, and the pieces of cables.csv as they stream past (so that
// a caller can hash what it indexed, not what was there before).
std::uint64_t read_file_at(const std::filesystem::path& file, const PositionedSink& sink,
                           const ErrorSink& on_error = {}, const ByteSink& on_bytes = {});

// A file opened, and its first bytes, enough to tell its form
// (detect_format).
struct OpenedFile {
  std::ifstream in;  // just past `head`
  std::string head;  // shorter than asked only at the end of the file
  std::string name;  // the path, for messages
};

// @throws cable::Error kIo naming the file when it cannot be opened or read.
OpenedFile open_input(const std::filesystem::path& file);

// All of `f`'s bytes, its head first; `f` is spent. @throws cable::Error kIo.
std::string whole_file(OpenedFile& f);

// `content`, the whole of file `name` in the plain-text form or a cablegate
// page, parsed. @throws cable::Error kNotACable naming the file when it is
// empty or in neither form (cables.csv is streamed by read_file_at).
Cable parse_whole(std::string_view content, const std::string& name);

}  // namespace cable::internal

#endif  // CABLE_SRC_INGEST_FILE_READER_HPP_
