// The libcable side of the query benchmark (bench/run):
//   libcable_bench queries --db DIR --out FILE [--per-class N] [--seed S]
//     picks the benchmark's queries from the index's own statistics (rare
//     words, as searched, and common words, words for a two-word AND, phrases from real paragraphs,
//     tags, years), the same for every engine;
//   libcable_bench run --db DIR --queries FILE [--reps N] [--shard-threads 0|1]
//     answers each query, top 10 grouped per cable, after a warm-up pass, and
//     prints one JSON object: per class p50 and p99 in milliseconds and the
//     mean number of matching cables; --shard-threads 0 answers in one thread
//     (SearchOptions::shard_threads);
//   libcable_bench agree --db DIR --queries FILE
//     prints per class how many queries' top 10 cables are the same, and in
//     the same order, with shard threads as in one thread (they must be), and
//     the share of one thread's cables the threads found: {"<class>":
//     {"queries", "same_cables", "same_order", "share_found"}};
//   libcable_bench export --corpus PATH --out DIR [--unit cable|paragraph]
//     reads and parses the corpus with libcable and writes its text for the
//     peers that index from a file (Lucene, Sphinx): paragraphs.tsv, one row
//     a line, a whole cable or a paragraph (bench/peer_rows.hpp; id, text,
//     cable number, date as YYYYMMDD, year, origin number, tag numbers joined
//     by commas), tags.tsv and origins.tsv (name, number) and cables.tsv
//     (cable number, ID: how bench/run reads the peers' ranked cables);
//     prints the counts and the seconds it took as JSON.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cable/reader.hpp"
#include "cable/search.hpp"
#include "peer_rows.hpp"
#include "query_set.hpp"
#include "store/record_codec.hpp"
#include "store/schema.hpp"
#include "store/stored.hpp"

namespace {

using cable::bench::arg;
using cable::bench::BenchQuery;
namespace schema = cable::internal::schema;

bool plain_word(const std::string& t) {
  static const std::set<std::string> kStop = {
      "the",   "and",   "that", "with", "from", "this",  "have",  "were",  "will",  "said",
      "which", "their", "they", "been", "also", "would", "there", "about", "other", "into"};
  return t.size() >= 4 &&
         std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
         !kStop.count(t);
}

// About how many paragraphs a search for `word` reads: libcable searches a
// word as its stem's "Z" term OR the stem's exact term (analysis/analyzer), so a
// word found in few paragraphs may still be searched as a common one (the
// synthetic corpus's line-end fragment "anding" is the stem "and").
Xapian::doccount searched(const Xapian::Database& db, const Xapian::Stem& english,
                          const std::string& word) {
  const std::string stem = english(word);
  return db.get_termfreq(schema::term(schema::kStemmed, stem)) + db.get_termfreq(stem);
}

int make_queries(int argc, char** argv) {
  const std::string dir = arg(argc, argv, "--db", "");
  const std::size_t per = std::stoul(arg(argc, argv, "--per-class", "50"));
  std::mt19937_64 rng(std::stoull(arg(argc, argv, "--seed", "7")));
  const cable::Searcher searcher = cable::Searcher::open(dir);
  (void)searcher;  // validates the index (schema version) before Xapian reads it raw
  Xapian::Database db(
      std::filesystem::exists(std::filesystem::path(dir) / "XAPIANDB") ? dir + "/XAPIANDB" : dir,
      std::filesystem::exists(std::filesystem::path(dir) / "XAPIANDB") ? Xapian::DB_BACKEND_STUB
                                                                       : 0);
  const double paragraphs = db.get_termfreq(schema::term(schema::kKind, schema::kKindParagraph));
  const double cables = db.get_termfreq(schema::term(schema::kKind, schema::kKindCable));
  const Xapian::Stem english("english");
  std::vector<std::string> rare, common, medium, tags, years;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    const std::string& term = *t;
    if (term[0] >= 'a' && term[0] <= 'z') {
      if (!plain_word(term)) continue;
      const double r = t.get_termfreq() / paragraphs;
      if (t.get_termfreq() >= 3 && t.get_termfreq() <= 30 && searched(db, english, term) <= 30) {
        rare.push_back(term);
      }
      if (r >= 0.05 && r <= 0.20) common.push_back(term);
      if (r >= 0.01 && r <= 0.08) medium.push_back(term);
    } else if (term[0] == 'K') {
      // Tags are on cable documents alone (schema 16): a tag of 2 to 20 % of the cables.
      const double r = t.get_termfreq() / cables;
      if (r >= 0.02 && r <= 0.20) tags.push_back(term.substr(1));
    } else if (term[0] == 'Y') {
      years.push_back(term.substr(1));
    }
  }
  if (rare.empty() || common.empty() || medium.size() < 2 || tags.empty() || years.empty()) {
    throw std::runtime_error("the index is too small to pick benchmark queries from");
  }
  const auto one = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::vector<BenchQuery> out;
  for (std::size_t i = 0; i < per; ++i) {
    out.push_back({"rare", {one(rare)}, false, "", "", ""});
    out.push_back({"common", {one(common)}, false, "", "", ""});
    std::string a = one(medium), b = one(medium);
    while (b == a) b = one(medium);
    out.push_back({"and2", {a, b}, false, "", "", ""});
    out.push_back({"word_tag", {one(medium)}, false, one(tags), "", ""});
    const std::string year = one(years);
    out.push_back({"date_tag", {}, false, one(tags), year + "-01-01", year + "-12-31"});
    out.push_back({"facets", {one(common)}, false, "", "", ""});
  }
  // Phrases: two words that follow each other in a real paragraph.
  const Xapian::docid last = db.get_lastdocid();
  const cable::internal::RecordCodec codec = cable::internal::RecordCodec::of(db, "db");
  for (std::size_t found = 0, tries = 0; found < per && tries < per * 100; ++tries) {
    const Xapian::docid id = 1 + static_cast<Xapian::docid>(rng() % last);
    std::string text;
    try {
      text =
          cable::internal::decode_doc(codec.unpack(cable::internal::record_of(db.get_document(id))))
              .text;
    } catch (const Xapian::DocNotFoundError&) {
      continue;
    }
    std::vector<std::string> words;
    std::string w;
    for (char c : text + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (!w.empty()) {
        words.push_back(w);
        w.clear();
      }
    }
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
      if (plain_word(words[k]) && plain_word(words[k + 1])) {
        out.push_back({"phrase", {words[k], words[k + 1]}, true, "", "", ""});
        ++found;
        break;
      }
    }
  }
  std::ofstream f(arg(argc, argv, "--out", ""));
  for (const BenchQuery& q : out) f << cable::bench::to_json(q).dump() << "\n";
  return 0;
}

cable::Query to_query(const BenchQuery& q) {
  std::optional<cable::Query> out;
  const auto both = [&](cable::Query x) { out = out ? (*out && x) : x; };
  if (!q.words.empty()) {
    std::string joined;
    for (const std::string& w : q.words) joined += (joined.empty() ? "" : " ") + w;
    both(q.phrase ? cable::Query::phrase(joined) : cable::Query::text(joined));
  }
  if (!q.tag.empty()) both(cable::Query::tag(q.tag));
  if (!q.from.empty()) both(cable::Query::date_range(q.from, q.to));
  return out ? *out : cable::Query::all();
}

int run(int argc, char** argv) {
  const cable::Searcher searcher = cable::Searcher::open(arg(argc, argv, "--db", ""));
  const std::vector<BenchQuery> queries =
      cable::bench::read_queries(arg(argc, argv, "--queries", ""));
  const int reps = std::stoi(arg(argc, argv, "--reps", "5"));
  const bool shard_threads = arg(argc, argv, "--shard-threads", "1") != "0";
  cable::bench::Timings timings;
  auto& ms = timings.ms;
  auto& hits = timings.hits;
  auto& count = timings.count;
  for (int rep = -1; rep < reps; ++rep) {  // rep -1 warms up
    for (const BenchQuery& q : queries) {
      cable::SearchOptions o;
      o.suggest_below = 0;
      o.shard_threads = shard_threads;
      if (q.kind == "facets") {
        o.facets = {cable::Facet::kTag, cable::Facet::kOrigin, cable::Facet::kYear};
      }
      const cable::Query query = to_query(q);
      const auto start = std::chrono::steady_clock::now();
      (void)searcher.search(query, o);
      const double t =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      if (rep >= 0) ms[q.kind].push_back(t);
    }
  }
  // The exact counts, untimed, to compare engines: after the timed passes,
  // so that no timed answer follows one of these long walks.
  for (const BenchQuery& q : queries) {
    cable::SearchOptions exact;
    exact.suggest_below = 0;
    hits[q.kind] += static_cast<double>(searcher.search(to_query(q), exact).total);
    ++count[q.kind];
  }
  timings.print();
  return 0;
}

int agree(int argc, char** argv) {
  const cable::Searcher searcher = cable::Searcher::open(arg(argc, argv, "--db", ""));
  const std::vector<BenchQuery> queries =
      cable::bench::read_queries(arg(argc, argv, "--queries", ""));
  struct Agreement {
    int queries = 0, same_cables = 0, same_order = 0;
    double found = 0, wanted = 0;
  };
  std::map<std::string, Agreement> by_class;
  const auto top10 = [&](const cable::Query& query, bool threads) {
    cable::SearchOptions o;
    o.suggest_below = 0;
    o.shard_threads = threads;
    std::vector<std::string> out;
    for (const cable::Hit& h : searcher.search(query, o).hits) out.push_back(h.cable);
    return out;
  };
  for (const BenchQuery& q : queries) {
    const cable::Query query = to_query(q);
    const std::vector<std::string> threads = top10(query, true), one = top10(query, false);
    Agreement& a = by_class[q.kind];
    ++a.queries;
    a.same_order += threads == one;
    const std::set<std::string> with(threads.begin(), threads.end()),
        without(one.begin(), one.end());
    a.same_cables += with == without;
    const auto found = std::count_if(without.begin(), without.end(),
                                     [&](const std::string& c) { return with.count(c) > 0; });
    a.found += static_cast<double>(found);
    a.wanted += static_cast<double>(without.size());
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [kind, a] : by_class) {
    out[kind] = {{"queries", a.queries},
                 {"same_cables", a.same_cables},
                 {"same_order", a.same_order},
                 {"share_found", a.wanted > 0 ? a.found / a.wanted : 1.0}};
  }
  std::cout << out.dump() << "\n";
  return 0;
}

// Text on one TSV line: tabs and line breaks become spaces.
std::string tsv_field(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return s;
}

int export_tsv(int argc, char** argv) {
  const std::filesystem::path out = arg(argc, argv, "--out", "");
  std::filesystem::create_directories(out);
  std::ofstream paragraphs(out / "paragraphs.tsv", std::ios::binary);
  std::ofstream cable_numbers(out / "cables.tsv", std::ios::binary);
  std::map<std::string, int> tag_ids, origin_ids;
  const auto number = [](std::map<std::string, int>& ids, const std::string& name) {
    return ids.emplace(name, static_cast<int>(ids.size()) + 1).first->second;
  };
  const cable::bench::Unit unit = cable::bench::unit_named(arg(argc, argv, "--unit", "cable"));
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t cables = 0, rows = 0, bytes = 0, units = 0;
  cable::read_path(arg(argc, argv, "--corpus", ""), [&](cable::Cable&& c) {
    ++cables;
    cable_numbers << cables << '\t' << c.id << '\n';
    std::string date = c.date.substr(0, 10);
    std::erase(date, '-');
    std::ostringstream rest;  // the columns after the text, the same for every paragraph
    rest << '\t' << cables << '\t' << date << '\t' << date.substr(0, 4) << '\t'
         << number(origin_ids, c.origin) << '\t';
    for (std::size_t i = 0; i < c.tags.size(); ++i) {
      rest << (i ? "," : "") << number(tag_ids, c.tags[i]);
    }
    rest << '\n';
    cable::bench::rows_of(c, unit, [&](const std::string& text) {
      paragraphs << ++rows << '\t' << tsv_field(text) << rest.view();
    });
    for (const cable::Paragraph& p : c.paragraphs) bytes += p.text.size();
    units += c.paragraphs.size();
  });
  for (const auto& [file, ids] : {std::pair{"tags.tsv", &tag_ids}, {"origins.tsv", &origin_ids}}) {
    std::ofstream f(out / file, std::ios::binary);
    for (const auto& [name, id] : *ids) f << tsv_field(name) << '\t' << id << '\n';
  }
  if (!paragraphs.flush())
    throw std::runtime_error((out / "paragraphs.tsv").string() + ": write failed");
  if (!cable_numbers.flush())
    throw std::runtime_error((out / "cables.tsv").string() + ": write failed");
  std::cout << nlohmann::json{{"cables", cables},
                              {"paragraphs", units},
                              {"rows", rows},
                              {"text_bytes", bytes},
                              {"seconds", std::chrono::duration<double>(
                                              std::chrono::steady_clock::now() - start)
                                              .count()}}
                   .dump()
            << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return cable::bench::run_harness(
      argc, argv, "libcable_bench",
      {{"queries", make_queries}, {"run", run}, {"agree", agree}, {"export", export_tsv}});
}
