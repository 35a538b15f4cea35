// libcable — reading cables from files.
//
// The reader turns files in any of the three forms people have (docs/formats.md)
// into parsed, normalized cable::Cable values. The form is detected from the
// content, not from the file name; directories are walked recursively in
// sorted order. CSV files are streamed, so a file of several GB needs only
// the memory of its largest row.
//
//   cable::read_path("corpus/", [](cable::Cable&& c) { use(c); },
//                    [](const cable::Error& e) { report(e.what()); });
//
// Thread safety: every function here is reentrant; call them from as many
// threads as you like.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_READER_HPP_
#define CABLE_READER_HPP_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "cable/error.hpp"
#include "cable/export.hpp"
#include "cable/record.hpp"

namespace cable {

/// Receives each cable as it is read.
using CableSink = std::function<void(Cable&&)>;
/// Receives each input that failed (unreadable, not a cable, broken record).
/// Reading goes on with the next input or record.
using ErrorSink = std::function<void(const Error&)>;

/// Counts from one call of read_path().
struct ReadSummary {
  std::uint64_t files = 0;   ///< Files opened.
  std::uint64_t cables = 0;  ///< Cables handed to the sink.
  std::uint64_t failed = 0;  ///< Inputs (files or CSV records) handed to the error sink.
  std::uint64_t bytes = 0;   ///< Bytes read.
};

/// Tells the form of a file from its first bytes (`head`, at least the first
/// 4 KiB when the file is that long); its name plays no part, as no two forms
/// begin alike. Returns std::nullopt when the bytes are in none of the known
/// forms. Cost: linear in `head`.
CABLE_EXPORT std::optional<Format> detect_format(std::string_view head);

/// Parses one cable in the plain-text form (five metadata lines, then the
/// telegram). `source_name` is used in messages and in Cable::source.
/// @throws cable::Error kNotACable when the metadata lines are missing.
/// Cost: linear in the size of `text`.
CABLE_EXPORT Cable parse_text(std::string_view text, std::string_view source_name = "<text>");

/// Parses one cablegate web page.
/// @throws cable::Error kNotACable when the page holds no cable.
CABLE_EXPORT Cable parse_html(std::string_view html, std::string_view source_name = "<html>");

/// Reads one file in any form and hands every cable in it to `sink`. A broken
/// CSV record goes to `on_error` and reading goes on with the next record.
/// @throws cable::Error kIo when the file cannot be read (part-way through a
///   CSV file too: a read error is never taken for its end), kNotACable when
///   it is in no known form, kMalformed when a CSV file ends inside a quoted
///   field.
/// Returns the number of cables handed to `sink`.
CABLE_EXPORT std::uint64_t read_file(const std::filesystem::path& file, const CableSink& sink,
                                     const ErrorSink& on_error = {});

/// The files read_path() reads for `path`: the file itself, or every regular
/// file under the directory, recursively, in sorted order (following no
/// symbolic link to a directory, so a link back up cannot loop). Each thing
/// that is not read goes to `on_error` (kIo), naming it and why: a path that
/// does not exist, a directory that cannot be listed, a FIFO, socket or
/// device (never opened: a FIFO would block), a symbolic link that loops or
/// leads nowhere.
CABLE_EXPORT std::vector<std::filesystem::path> list_inputs(const std::filesystem::path& path,
                                                            const ErrorSink& on_error = {});

/// Reads a file, or every regular file under a directory (recursively, in
/// sorted order, following no symbolic link to a directory), and hands every
/// cable to `sink`. Failures of single files or records go to `on_error` (or
/// are only counted when it is empty); this function itself never throws for
/// a bad input.
/// Cost: linear in the bytes read; memory bounded by the largest file (text,
/// HTML) or the largest record (CSV).
CABLE_EXPORT ReadSummary read_path(const std::filesystem::path& path, const CableSink& sink,
                                   const ErrorSink& on_error = {});

}  // namespace cable

#endif  // CABLE_READER_HPP_
