// cable::read_file() with how far into the file reading got, for progress
// through one large file: Writer::index_path streams cables.csv, the whole
// release in one file.
#ifndef CABLE_SRC_INGEST_FILE_READER_HPP_
#define CABLE_SRC_INGEST_FILE_READER_HPP_

#include <cstdint>
#include <filesystem>
#include <functional>

#include "cable/reader.hpp"

namespace cable::internal {

// Receives each cable and the bytes of the file read when it was handed over
// (for the text and HTML forms, one cable: the whole file).
using PositionedSink = std::function<void(Cable&&, std::uint64_t bytes_read)>;

// As read_file(), which it is; the same errors.
std::uint64_t read_file_at(const std::filesystem::path& file, const PositionedSink& sink,
                           const ErrorSink& on_error = {});

}  // namespace cable::internal

#endif  // CABLE_SRC_INGEST_FILE_READER_HPP_
