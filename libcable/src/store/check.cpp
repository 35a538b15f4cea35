#include "cable/check.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/facets.hpp"
#include "store/layout.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"

namespace cable {
namespace {

namespace schema = internal::schema;

// The first lines of Xapian's check output, for a problem line.
std::string first_lines(const std::string& text, std::size_t lines) {
  std::string out;
  std::istringstream in(text);
  for (std::string line; lines > 0 && std::getline(in, line);) {
    if (line.empty()) continue;
    out += (out.empty() ? "" : "; ") + line;
    --lines;
  }
  return out;
}

// Whether every document's record of `db`, the shard `where`, unpacks (store/
// record_codec), and whether the facet values (schema kSlotFacets) are on
// cable documents only, each its cable's record's; the first few documents
// that fail are problems.
void check_records(const Xapian::Database& db, const std::string& where,
                   const std::function<void(const std::string&)>& problem) {
  constexpr int kShown = 5;
  internal::RecordCodec codec;
  try {
    codec = internal::RecordCodec::of(db, where);
  } catch (const Error&) {
    problem(fmt::format("its record dictionary ({}) is damaged", schema::kMetaRecordDictionary));
    return;
  }
  int damaged = 0;
  int wrong_facets = 0;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    const Xapian::Document doc = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
    internal::StoredDoc stored;
    try {
      stored = internal::decode_doc(codec.unpack(internal::record_of(doc)));
    } catch (const Error& e) {
      if (++damaged <= kShown) problem(fmt::format("document {}: {}", *p, e.what()));
      continue;
    }
    const std::string facets = doc.get_value(schema::kSlotFacets);
    std::string wrong;
    if (stored.kind != schema::kKindCable) {
      if (!facets.empty()) wrong = fmt::format("paragraph {} carries facet values", stored.order);
    } else {
      const std::string fields = db.get_metadata(schema::term(schema::kMetaCable, stored.id));
      try {
        // A missing record is named by check_shard.
        if (!fields.empty() &&
            facets != internal::facet_lines(internal::decode_cable_fields(fields))) {
          wrong = "its facet values are not those of its record";
        }
      } catch (const Error& e) {
        wrong = fmt::format("its record does not read: {}", e.what());
      }
    }
    if (!wrong.empty() && ++wrong_facets <= kShown) {
      problem(fmt::format("{}: {}", stored.id, wrong));
    }
  }
  if (damaged > kShown) problem(fmt::format("{} more damaged records", damaged - kShown));
  if (wrong_facets > kShown) {
    problem(fmt::format("{} more documents with wrong facet values", wrong_facets - kShown));
  }
}

// Checks one shard's cables; `home` maps each cable ID seen so far to its shard.
void check_shard(const std::filesystem::path& path, std::size_t k, std::size_t n,
                 std::map<std::string, std::size_t>& home, CheckReport& r) {
  const std::string where = path.string();
  const auto problem = [&](const std::string& what) {
    r.problems.push_back(fmt::format("{}: {}", where, what));
  };
  std::ostringstream out;
  try {
    const std::size_t errors = Xapian::Database::check(where, 0, &out);
    r.xapian_errors += errors;
    if (errors > 0) {
      problem(fmt::format("Xapian's check found {} error{}: {}", errors, errors == 1 ? "" : "s",
                          first_lines(out.str(), 3)));
    }
  } catch (const Xapian::Error& e) {
    // Xapian's check opens tables read/write: on read-only media it cannot
    // run, and the index may well be sound.
    r.unchecked.push_back(
        fmt::format("{}: Xapian's check could not run: {}", where, e.get_description()));
  }
  const Xapian::Database db(where);
  // Every document's key is "Q<ID>#<order>": the orders of each cable.
  std::map<std::string, std::vector<std::uint32_t>> orders;
  const std::string key_prefix(schema::kDocKey);
  for (auto t = db.allterms_begin(key_prefix); t != db.allterms_end(key_prefix); ++t) {
    const std::string& term = *t;
    const std::size_t hash = term.rfind('#');
    std::uint32_t order = 0;
    const char* end = term.data() + term.size();
    if (hash == std::string::npos ||
        std::from_chars(term.data() + hash + 1, end, order).ptr != end) {
      problem(fmt::format("a document key that is not ID#order: {}", term));
      continue;
    }
    const std::string id = term.substr(key_prefix.size(), hash - key_prefix.size());
    if (t.get_termfreq() != 1) {
      problem(fmt::format("{}: document {} is there {} times", id, order, t.get_termfreq()));
    }
    orders[id].push_back(order);
  }
  Xapian::doccount documents = 0;
  for (auto& entry : orders) {
    const std::string& id = entry.first;  // not a structured binding: lambdas capture it
    std::vector<std::uint32_t>& list = entry.second;
    std::sort(list.begin(), list.end());
    const auto named = [&](const std::string& what) { problem(fmt::format("{}: {}", id, what)); };
    if (list.front() != 0) named("its cable document is missing");
    for (std::size_t i = 1; i < list.size(); ++i) {
      if (list[i] != list[i - 1] + 1) {
        named(fmt::format("paragraph {} is missing", list[i - 1] + 1));
      }
    }
    const Xapian::doccount with_id = db.get_termfreq(schema::term(schema::kId, id));
    if (with_id != static_cast<Xapian::doccount>(list.size())) {
      named(fmt::format("{} documents carry its ID, {} its keys", with_id, list.size()));
    }
    if (n > 1 && internal::shard_of(id, n) != k) {
      named(fmt::format("belongs in shard-{}", internal::shard_of(id, n)));
    }
    if (const auto [it, fresh] = home.emplace(id, k); !fresh) {
      named(fmt::format("also in shard-{}", it->second));
    }
    if (db.get_metadata(schema::term(schema::kMetaCable, id)).empty())
      named("its record is missing");
    if (db.get_metadata(schema::term(schema::kMetaCableHash, id)).empty()) {
      named("its hash is missing");
    }
    ++r.cables;
    r.paragraphs[id] = list.back();
    documents += static_cast<Xapian::doccount>(list.size());
  }
  const std::string id_prefix(schema::kId);
  for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
    const std::string id = (*t).substr(id_prefix.size());
    if (!orders.count(id)) problem(fmt::format("{}: documents carry its ID but no key", id));
  }
  if (db.get_doccount() != documents) {
    problem(fmt::format("{} documents, {} of them with a key", db.get_doccount(), documents));
  }
  r.documents += db.get_doccount();
  check_records(db, where, problem);
}

}  // namespace

CheckReport check_index(const std::filesystem::path& dir) {
  (void)internal::open_readable(dir);  // throws when missing, or of another schema version
  const std::vector<std::filesystem::path> shards = internal::existing_shards(dir);
  CheckReport r;
  r.shards = shards.size();
  std::map<std::string, std::size_t> home;
  std::string dictionary;  // the first shard's that has one
  for (std::size_t k = 0; k < shards.size(); ++k) {
    internal::guarded(shards[k].string(), [&] {
      check_shard(shards[k], k, shards.size(), home, r);
      // A shard may lack the dictionary (a run killed while it set it; the
      // next gives it), but never have another.
      const std::string own = Xapian::Database(shards[k].string())
                                  .get_metadata(std::string(schema::kMetaRecordDictionary));
      if (dictionary.empty()) dictionary = own;
      if (!own.empty() && own != dictionary) {
        r.problems.push_back(
            fmt::format("{}: its record dictionary is not the other shards'", shards[k].string()));
      }
    });
  }
  return r;
}

}  // namespace cable
