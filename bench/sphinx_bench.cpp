// The Sphinx 2.2 side of the benchmark (bench/run). bench/run builds the
// index with Sphinx's own `indexer` from the paragraphs libcable read and
// parsed (`libcable_bench export`: tsvpipe source, morphology stem_en, so
// Porter stemming as in the other engines) and starts `searchd`; this
// harness then talks SphinxQL to it over the MySQL protocol (libmariadb):
//   sphinx_bench run --port P --queries queries.tsv [--reps N]
//     answers the benchmark's queries as libcable does (top 10 cables by
//     their best paragraph: GROUP BY cable, WITHIN GROUP ORDER BY weight;
//     facets as COUNT(DISTINCT cable) per tag, origin and year) and prints
//     p50/p99 per class, like libcable_bench;
//   sphinx_bench rank --port P --queries queries.tsv
//     prints, for each query, a line of the first 10 cables' numbers ranked
//     by their best row (the known-item test of bench/run).
// Configured fairly: ranker=bm25, one persistent connection, the client
// round trip on loopback included (Sphinx has no in-process API). Sphinx
// keeps no text, so its answers carry no snippets: a saving the others do
// not get.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#include <mysql.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "query_set.hpp"

namespace {

using cable::bench::arg;
using Clock = std::chrono::steady_clock;

// One line of queries.tsv: kind, phrase (0/1), words, tag number (0 = none),
// from and to as YYYYMMDD (0 = none).
struct Question {
  std::string kind;
  bool phrase = false;
  std::string words;
  std::string tag;
  std::string from;
  std::string to;
};

std::vector<Question> read_questions(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::vector<Question> out;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> col;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      col.push_back(line.substr(start, tab - start));
    }
    col.push_back(line.substr(start));
    if (col.size() != 6) throw std::runtime_error(path + ": not six columns: " + line);
    out.push_back({col[0], col[1] == "1", col[2], col[3], col[4], col[5]});
  }
  return out;
}

class Connection {
 public:
  explicit Connection(unsigned port) : db_(mysql_init(nullptr)) {
    if (!mysql_real_connect(db_, "127.0.0.1", "", "", "", port, nullptr, 0)) fail("connect");
  }
  ~Connection() { mysql_close(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` and returns its rows, each as its columns.
  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    if (mysql_real_query(db_, sql.data(), sql.size()) != 0) fail(sql);
    std::vector<std::vector<std::string>> out;
    MYSQL_RES* res = mysql_store_result(db_);
    if (!res) return out;
    const unsigned n = mysql_num_fields(res);
    while (MYSQL_ROW row = mysql_fetch_row(res)) {
      std::vector<std::string>& r = out.emplace_back();
      for (unsigned i = 0; i < n; ++i) r.emplace_back(row[i] ? row[i] : "");
    }
    mysql_free_result(res);
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + ": " + mysql_error(db_));
  }
  MYSQL* db_;
};

// The WHERE clause of a question.
std::string where(const Question& q) {
  std::string w;
  const auto both = [&](const std::string& c) { w += (w.empty() ? " WHERE " : " AND ") + c; };
  if (!q.words.empty()) {
    both(q.phrase ? "MATCH('\"" + q.words + "\"')" : "MATCH('" + q.words + "')");
  }
  if (q.tag != "0") both("tags = " + q.tag);
  if (q.from != "0") both("date BETWEEN " + q.from + " AND " + q.to);
  return w;
}

// Cables by the weight of their best row, as libcable ranks them.
constexpr const char* kByWeight = " WITHIN GROUP ORDER BY w DESC ORDER BY w DESC";
constexpr const char* kBm25 = " OPTION ranker=bm25";

// A query Sphinx refuses ranks nothing (an empty line): one such query
// costs the peer its reciprocal rank, not the whole test. The first refusal
// and how many go to stderr; when every query is refused (the server gone),
// the run fails.
int rank(int argc, char** argv) {
  Connection db(static_cast<unsigned>(std::stoul(arg(argc, argv, "--port", ""))));
  const std::vector<Question> questions = read_questions(arg(argc, argv, "--queries", ""));
  std::size_t refused = 0;
  std::string first_refusal;
  for (const Question& q : questions) {
    std::string line;
    try {
      const auto top = db.rows("SELECT cable, WEIGHT() AS w FROM paras" + where(q) +
                               " GROUP BY cable" + kByWeight + " LIMIT 10" + kBm25);
      for (const auto& r : top) line += (line.empty() ? "" : " ") + r[0];
    } catch (const std::runtime_error& e) {
      if (refused++ == 0) first_refusal = e.what();
    }
    std::cout << line << '\n';
  }
  if (refused > 0) {
    std::cerr << "sphinx_bench rank: the first refusal: " << first_refusal.substr(0, 160) << "; "
              << refused << " of " << questions.size()
              << " queries refused, ranked as finding nothing\n";
  }
  return refused > 0 && refused == questions.size() ? 1 : 0;
}

int run(int argc, char** argv) {
  Connection db(static_cast<unsigned>(std::stoul(arg(argc, argv, "--port", ""))));
  const std::vector<Question> questions = read_questions(arg(argc, argv, "--queries", ""));
  const int reps = std::stoi(arg(argc, argv, "--reps", "5"));
  cable::bench::Timings timings;
  for (int rep = -1; rep < reps; ++rep) {
    for (const Question& q : questions) {
      const std::string w = where(q);
      const std::string order =
          q.kind == "date_tag" ? " WITHIN GROUP ORDER BY date DESC ORDER BY date DESC" : kByWeight;
      const auto start = Clock::now();
      db.rows("SELECT id, cable, date, WEIGHT() AS w FROM paras" + w + " GROUP BY cable" + order +
              " LIMIT 10" + kBm25);
      if (q.kind == "facets") {
        for (const char* facet : {"tags", "origin", "year"}) {
          db.rows(std::string("SELECT ") + facet + ", COUNT(DISTINCT cable) AS n FROM paras" + w +
                  " GROUP BY " + facet + " ORDER BY n DESC LIMIT 10" + kBm25);
        }
      }
      const double t = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      if (rep >= 0) timings.ms[q.kind].push_back(t);
    }
  }
  // The exact number of matching cables, untimed, after the timed passes
  // (as every harness).
  for (const Question& q : questions) {
    db.rows("SELECT cable FROM paras" + where(q) + " GROUP BY cable LIMIT 1" + kBm25 +
            ", max_matches=1000000");
    for (const auto& r : db.rows("SHOW META")) {
      if (r.size() == 2 && r[0] == "total_found") timings.hits[q.kind] += std::stod(r[1]);
    }
    ++timings.count[q.kind];
  }
  timings.print();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return cable::bench::run_harness(argc, argv, "sphinx_bench", {{"run", run}, {"rank", rank}});
}
