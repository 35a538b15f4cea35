// The SQLite FTS5 side of the benchmark (bench/run), on the same paragraphs
// libcable indexes (read and parsed by libcable, so both engines see the
// same text):
//   fts5_bench index --corpus PATH --db FILE [--unit cable|paragraph]
//     one FTS5 row per cable (its subject and paragraphs: the question
//     libcable answers by default) or per paragraph (bench/peer_rows.hpp;
//     tokenize 'porter unicode61', bm25), a table of cables (date, origin,
//     class) and one of their tags; prints a JSON object with the text
//     bytes (the paragraphs') and the seconds spent inserting;
//   fts5_bench run --db FILE --queries FILE [--reps N]
//     answers the benchmark's queries as libcable does (top 10 cables by
//     their best row; facets as counts of distinct cables) and prints
//     p50/p99 per class, like libcable_bench.
// Configured fairly: prepared statements, one transaction per 10,000 rows,
// WAL journal with synchronous=NORMAL, FTS5's default automerge; a query's
// time includes stepping through every result row.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "cable/reader.hpp"
#include "peer_rows.hpp"
#include "query_set.hpp"

namespace {

using cable::bench::arg;
using cable::bench::BenchQuery;
using Clock = std::chrono::steady_clock;

class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) fail("open");
  }
  ~Db() { sqlite3_close(db_); }
  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string msg = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error(sql + ": " + msg);
    }
  }
  sqlite3_stmt* prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) fail(sql);
    return s;
  }
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + ": " + sqlite3_errmsg(db_));
  }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// Not "bind": with a std::string argument, lookup would find std::bind too.
void bind_text(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

int index(int argc, char** argv) {
  const std::string path = arg(argc, argv, "--db", "");
  std::filesystem::remove(path);
  Db db(path);
  db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  db.exec(
      "CREATE VIRTUAL TABLE p USING fts5(text, cable UNINDEXED, tokenize='porter unicode61');"
      "CREATE TABLE cables(id INTEGER PRIMARY KEY, ref TEXT, date TEXT, origin TEXT, class TEXT);"
      "CREATE TABLE tags(cable INTEGER, tag TEXT);");
  sqlite3_stmt* ins_p = db.prepare("INSERT INTO p(text, cable) VALUES (?, ?)");
  sqlite3_stmt* ins_c = db.prepare("INSERT INTO cables VALUES (?, ?, ?, ?, ?)");
  sqlite3_stmt* ins_t = db.prepare("INSERT INTO tags VALUES (?, ?)");
  const auto start = Clock::now();
  double insert_s = 0;  // time inside the sink: the rest is reading and parsing
  std::uint64_t bytes = 0;
  std::uint64_t rows = 0;
  std::uint64_t paragraphs = 0;
  std::uint64_t cables = 0;
  const cable::bench::Unit unit = cable::bench::unit_named(arg(argc, argv, "--unit", "cable"));
  db.exec("BEGIN");
  cable::read_path(arg(argc, argv, "--corpus", ""), [&](cable::Cable&& c) {
    const auto t0 = Clock::now();
    const auto id = static_cast<sqlite3_int64>(++cables);
    sqlite3_bind_int64(ins_c, 1, id);
    bind_text(ins_c, 2, c.id);
    bind_text(ins_c, 3, c.date.substr(0, 10));
    bind_text(ins_c, 4, c.origin);
    bind_text(ins_c, 5, c.classification);
    if (sqlite3_step(ins_c) != SQLITE_DONE) db.fail("insert cable");
    sqlite3_reset(ins_c);
    for (const std::string& t : c.tags) {
      sqlite3_bind_int64(ins_t, 1, id);
      bind_text(ins_t, 2, t);
      if (sqlite3_step(ins_t) != SQLITE_DONE) db.fail("insert tag");
      sqlite3_reset(ins_t);
    }
    cable::bench::rows_of(c, unit, [&](const std::string& text) {
      bind_text(ins_p, 1, text);
      sqlite3_bind_int64(ins_p, 2, id);
      if (sqlite3_step(ins_p) != SQLITE_DONE) db.fail("insert paragraph");
      sqlite3_reset(ins_p);
      if (++rows % 10000 == 0) db.exec("COMMIT; BEGIN");
    });
    for (const cable::Paragraph& p : c.paragraphs) bytes += p.text.size();
    paragraphs += c.paragraphs.size();
    insert_s += std::chrono::duration<double>(Clock::now() - t0).count();
  });
  db.exec("COMMIT");
  db.exec(
      "CREATE INDEX tags_tag ON tags(tag, cable); CREATE INDEX tags_cable ON tags(cable, tag);"
      "CREATE INDEX cables_date ON cables(date);");
  sqlite3_finalize(ins_p);
  sqlite3_finalize(ins_c);
  sqlite3_finalize(ins_t);
  const double total_s = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << nlohmann::json{{"cables", cables},     {"paragraphs", paragraphs},
                              {"rows", rows},         {"text_bytes", bytes},
                              {"insert_s", insert_s}, {"total_s", total_s}}
                   .dump()
            << "\n";
  return 0;
}

// FTS5 MATCH text for a query's words: every word, or the phrase.
std::string match_of(const BenchQuery& q) {
  std::string m;
  if (q.phrase) {
    m = "\"";
    for (const std::string& w : q.words) m += (m.size() > 1 ? " " : "") + w;
    return m + "\"";
  }
  for (const std::string& w : q.words) m += (m.empty() ? "" : " AND ") + ("\"" + w + "\"");
  return m;
}

int run(int argc, char** argv) {
  Db db(arg(argc, argv, "--db", ""));
  const std::vector<BenchQuery> queries =
      cable::bench::read_queries(arg(argc, argv, "--queries", ""));
  const int reps = std::stoi(arg(argc, argv, "--reps", "5"));
  // Like libcable's hits: the best paragraph of each of the top 10 cables,
  // with a snippet (FTS5's snippet() of that row).
  sqlite3_stmt* text = db.prepare(
      "SELECT cable, min(rank) AS r, snippet(p, 0, '<b>', '</b>', '...', 24) FROM p "
      "WHERE p MATCH ?1 GROUP BY cable ORDER BY r LIMIT 10");
  sqlite3_stmt* text_tag = db.prepare(
      "SELECT cable, min(rank) AS r, snippet(p, 0, '<b>', '</b>', '...', 24) FROM p "
      "WHERE p MATCH ?1 AND cable IN (SELECT cable FROM tags WHERE tag = ?2) GROUP BY cable "
      "ORDER BY r LIMIT 10");
  sqlite3_stmt* date_tag = db.prepare(
      "SELECT c.id FROM cables c JOIN tags t ON t.cable = c.id WHERE t.tag = ?1 AND "
      "c.date BETWEEN ?2 AND ?3 ORDER BY c.date DESC LIMIT 10");
  sqlite3_stmt* facet_tag = db.prepare(
      "SELECT t.tag, count(*) AS n FROM (SELECT DISTINCT cable FROM p WHERE p MATCH ?1) m "
      "JOIN tags t ON t.cable = m.cable GROUP BY t.tag ORDER BY n DESC LIMIT 10");
  sqlite3_stmt* facet_origin = db.prepare(
      "SELECT c.origin, count(*) AS n FROM (SELECT DISTINCT cable FROM p WHERE p MATCH ?1) m "
      "JOIN cables c ON c.id = m.cable GROUP BY c.origin ORDER BY n DESC LIMIT 10");
  sqlite3_stmt* facet_year = db.prepare(
      "SELECT substr(c.date, 1, 4), count(*) AS n FROM (SELECT DISTINCT cable FROM p WHERE p "
      "MATCH ?1) m JOIN cables c ON c.id = m.cable GROUP BY 1 ORDER BY n DESC LIMIT 10");
  sqlite3_stmt* count_text = db.prepare("SELECT count(DISTINCT cable) FROM p WHERE p MATCH ?1");
  sqlite3_stmt* count_text_tag = db.prepare(
      "SELECT count(DISTINCT cable) FROM p WHERE p MATCH ?1 AND cable IN "
      "(SELECT cable FROM tags WHERE tag = ?2)");
  sqlite3_stmt* count_date_tag = db.prepare(
      "SELECT count(*) FROM cables c JOIN tags t ON t.cable = c.id WHERE t.tag = ?1 AND "
      "c.date BETWEEN ?2 AND ?3");
  const auto drain = [&](sqlite3_stmt* s) {
    int rows = 0;
    while (sqlite3_step(s) == SQLITE_ROW) ++rows;
    sqlite3_reset(s);
    return rows;
  };
  const auto first_int = [&](sqlite3_stmt* s) {
    sqlite3_int64 v = 0;
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return static_cast<double>(v);
  };
  cable::bench::Timings timings;
  auto& ms = timings.ms;
  auto& hits = timings.hits;
  auto& count = timings.count;
  for (int rep = -1; rep < reps; ++rep) {
    for (const BenchQuery& q : queries) {
      const std::string m = match_of(q);
      const auto start = Clock::now();
      if (q.kind == "date_tag") {
        bind_text(date_tag, 1, q.tag);
        bind_text(date_tag, 2, q.from);
        bind_text(date_tag, 3, q.to);
        drain(date_tag);
      } else if (q.kind == "facets") {
        for (sqlite3_stmt* s : {text, facet_tag, facet_origin, facet_year}) {
          bind_text(s, 1, m);
          drain(s);
        }
      } else if (!q.tag.empty()) {
        bind_text(text_tag, 1, m);
        bind_text(text_tag, 2, q.tag);
        drain(text_tag);
      } else {
        bind_text(text, 1, m);
        drain(text);
      }
      const double t = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      if (rep >= 0) ms[q.kind].push_back(t);
    }
  }
  // The exact counts, untimed, after the timed passes (as every harness).
  for (const BenchQuery& q : queries) {
    const std::string m = match_of(q);
    double h = 0;
    if (q.kind == "date_tag") {
      bind_text(count_date_tag, 1, q.tag);
      bind_text(count_date_tag, 2, q.from);
      bind_text(count_date_tag, 3, q.to);
      h = first_int(count_date_tag);
    } else if (!q.tag.empty()) {
      bind_text(count_text_tag, 1, m);
      bind_text(count_text_tag, 2, q.tag);
      h = first_int(count_text_tag);
    } else {
      bind_text(count_text, 1, m);
      h = first_int(count_text);
    }
    hits[q.kind] += h;
    ++count[q.kind];
  }
  timings.print();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return cable::bench::run_harness(argc, argv, "fts5_bench", {{"index", index}, {"run", run}});
}
