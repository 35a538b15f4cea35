// libcable — what the codes of a cable's TAGS line mean.
//
// Every cable carries TAGS (Traffic Analysis by Geography and Subject)
// codes: subject tags (PREL, KTIP, SMIG), geographic codes (FR, LY),
// organizations (NATO, IAEA), programs (K codes: KTIP, KIPR) and people
// ("OBAMA, BARACK"). A Glossary says what each one means; the built-in one
// is compiled into the library (libcable/data/tags.tsv, whose header names
// its sources), and a user's file may add entries or replace them:
//
//   std::optional<cable::TagInfo> t = cable::tag_info("KTIP");
//   // t->name == "Trafficking in Persons", t->kind == cable::TagKind::kProgram
//   for (const cable::TagInfo& m : cable::tags_matching("libya")) …  // LY
//
//   cable::Glossary mine = cable::Glossary::with_file("my-tags.tsv");
//
// Thread safety: a Glossary never changes once made; any number of threads
// may read one. Copies share their table.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_TAGS_HPP_
#define CABLE_TAGS_HPP_

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cable/export.hpp"

namespace cable {

/// What kind of thing a TAGS code names (the kinds of cablemap's tag_kind).
enum class TagKind { kUnknown, kSubject, kGeo, kOrg, kProgram, kPerson };

/// "unknown", "subject", "geo", "org", "program", "person": the names a
/// glossary file and the JSON use.
CABLE_EXPORT const char* tag_kind_name(TagKind kind) noexcept;

/// One code and what it means.
struct TagInfo {
  std::string code;  ///< As a cable writes it: "KTIP", "LY", "OBAMA, BARACK".
  std::string name;  ///< Its meaning: "Trafficking in Persons", "Libya", "Barack Obama".
  TagKind kind = TagKind::kUnknown;  ///< Subject, geographic, organization, program or person.
};

/// A table of TAGS codes and their meanings.
class CABLE_EXPORT Glossary {
 public:
  /// The table compiled into the library: subject and program tags,
  /// FIPS 10-4 geographic codes and the TAGS regions, organizations, and
  /// the common misspellings of codes seen in cables. Cost: built once,
  /// on first use.
  static const Glossary& builtin();

  /// builtin() with the entries of the file at `path` over it. The file is
  /// UTF-8 text, one entry a line, `CODE<TAB>KIND<TAB>NAME` (KIND one of
  /// subject, geo, org, program); blank lines and lines starting with `#`
  /// are skipped. An entry replaces the built-in one of its code.
  /// @throws cable::Error kIo when the file cannot be read, kMalformed
  ///   naming `path:line` for a line that is no entry.
  static Glossary with_file(const std::filesystem::path& path);

  /// What `code` means, its case ignored; a person tag ("OBAMA, BARACK",
  /// which the table does not list) is read as one. std::nullopt for a
  /// code the table does not know. Cost: one hash lookup.
  std::optional<TagInfo> find(std::string_view code) const;

  /// The entries that `text` names, best first: the code itself, then
  /// those whose meaning is `text`, then those whose meaning holds each of
  /// its words, whole ("korea" finds KN and KS; "trafficking in persons"
  /// KTIP and TIP), by code. Case and accents are ignored. Empty for blank
  /// text. Cost: a pass over the table.
  std::vector<TagInfo> matching(std::string_view text) const;

  /// Every entry, by code.
  const std::vector<TagInfo>& entries() const;

 private:
  struct Table;
  explicit Glossary(std::shared_ptr<const Table> table);
  std::shared_ptr<const Table> table_;
};

/// Glossary::builtin().find(code).
CABLE_EXPORT std::optional<TagInfo> tag_info(std::string_view code);
/// Glossary::builtin().matching(text).
CABLE_EXPORT std::vector<TagInfo> tags_matching(std::string_view text);

}  // namespace cable

#endif  // CABLE_TAGS_HPP_
