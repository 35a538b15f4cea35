// The Apache Lucene 8 side of the benchmark (bench/run), on the paragraphs
// libcable read and parsed (`libcable_bench export`):
//   java LuceneBench index --tsv paragraphs.tsv --dir DIR [--threads N]
//     one document per paragraph: the text (EnglishAnalyzer: standard
//     tokenizer, English stop words, Porter stemming; positions; stored for
//     highlighting), its cable number (for grouping), date, origin and tags;
//     prints the seconds it took as JSON;
//   java LuceneBench run --dir DIR --queries queries.tsv [--reps N]
//     answers the benchmark's queries as libcable does (top 10 cables by
//     their best paragraph, with a highlighted snippet; facets as counts of
//     distinct cables) and prints p50/p99 per class, like libcable_bench;
//   java LuceneBench rank --dir DIR --queries queries.tsv
//     prints, for each query, a line of the first 10 cables' numbers ranked
//     by their best document (the known-item test of bench/run).
// Configured fairly: a 256 MB RAM buffer and as many indexing threads as
// libcable uses; BM25 (Lucene's default); the JVM is warmed up with three
// passes over the queries before timing, so the JIT has compiled the hot
// paths; a query's time includes grouping, highlighting and facet counting.
// Facet values per cable are loaded from doc values once, before timing,
// as libcable caches them.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.grouping.GroupingSearch;
import org.apache.lucene.search.grouping.TopGroups;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.QueryBuilder;

public final class LuceneBench {
  private static final int WARMUP_PASSES = 3;

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) opt.put(args[i], args[i + 1]);
    String cmd = args.length > 0 ? args[0] : "";
    if (cmd.equals("index")) {
      index(Paths.get(opt.get("--tsv")), Paths.get(opt.get("--dir")),
          Integer.parseInt(opt.getOrDefault("--threads", "2")));
    } else if (cmd.equals("rank")) {
      rank(Paths.get(opt.get("--dir")), Paths.get(opt.get("--queries")));
    } else if (cmd.equals("run")) {
      run(Paths.get(opt.get("--dir")), Paths.get(opt.get("--queries")),
          Integer.parseInt(opt.getOrDefault("--reps", "5")));
    } else {
      System.err.println("usage: LuceneBench index|run|rank --OPTION VALUE ...");
      System.exit(2);
    }
  }

  // ---- indexing ----

  private static final List<String> END = new ArrayList<>();

  static void index(Path tsv, Path dir, int threads) throws Exception {
    long start = System.nanoTime();
    IndexWriterConfig cfg = new IndexWriterConfig(new EnglishAnalyzer());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    cfg.setRAMBufferSizeMB(256);
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, cfg)) {
      // Two batches a worker: 64 batches of 1000 whole cables took more than
      // the 1 GiB heap at the release's size, beside the RAM buffer.
      BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(2 * threads);
      List<Thread> workers = new ArrayList<>();
      Throwable[] failure = new Throwable[1];
      for (int t = 0; t < threads; ++t) {
        Thread worker = new Thread(() -> {
          try {
            for (List<String> batch = queue.take(); batch != END; batch = queue.take()) {
              try {
                if (failure[0] == null) {
                  for (String line : batch) w.addDocument(document(line));
                }
              } catch (Throwable e) {  // OutOfMemoryError too: fail, never hang
                synchronized (failure) {
                  failure[0] = e;
                }
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        worker.start();
        workers.add(worker);
      }
      try (BufferedReader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
        List<String> batch = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          batch.add(line);
          if (batch.size() == 1000) {
            queue.put(batch);
            batch = new ArrayList<>();
          }
        }
        queue.put(batch);
      }
      for (int t = 0; t < threads; ++t) queue.put(END);
      for (Thread worker : workers) worker.join();
      if (failure[0] != null) throw new RuntimeException("indexing failed", failure[0]);
      w.commit();
    }
    System.out.printf("{\"seconds\": %.3f}%n", (System.nanoTime() - start) / 1e9);
  }

  // id, text, cable, date, year, origin, tags (see libcable_bench export)
  static Document document(String line) {
    String[] col = line.split("\t", -1);
    Document doc = new Document();
    doc.add(new TextField("text", col[1], Field.Store.YES));
    doc.add(new NumericDocValuesField("cable", Long.parseLong(col[2])));
    doc.add(new SortedDocValuesField("cable_group", new BytesRef(col[2])));
    int date = Integer.parseInt(col[3]);
    doc.add(new IntPoint("date", date));
    doc.add(new NumericDocValuesField("date", date));
    doc.add(new NumericDocValuesField("origin", Long.parseLong(col[5])));
    if (!col[6].isEmpty()) {
      for (String tag : col[6].split(",")) {
        doc.add(new StringField("tag", tag, Field.Store.NO));
        doc.add(new SortedNumericDocValuesField("tag", Long.parseLong(tag)));
      }
    }
    return doc;
  }

  // ---- queries ----

  // kind, phrase (0/1), words (space separated), tag number (0 = none),
  // from and to as YYYYMMDD (0 = none)
  record BenchQuery(String kind, boolean phrase, String words, String tag, int from, int to) {}

  static final class Cables {
    int[] origin;
    int[] year;
    long[][] tags;
    int maxOrigin;
    int maxYear;
  }

  static List<BenchQuery> readQueries(Path queryFile) throws Exception {
    List<BenchQuery> queries = new ArrayList<>();
    for (String line : Files.readAllLines(queryFile, StandardCharsets.UTF_8)) {
      if (line.isEmpty()) continue;
      String[] c = line.split("\t", -1);
      queries.add(new BenchQuery(c[0], c[1].equals("1"), c[2], c[3], Integer.parseInt(c[4]),
          Integer.parseInt(c[5])));
    }
    return queries;
  }

  static void rank(Path dir, Path queryFile) throws Exception {
    QueryBuilder builder = new QueryBuilder(new EnglishAnalyzer());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StringBuilder out = new StringBuilder();
      for (BenchQuery q : readQueries(queryFile)) {
        GroupingSearch grouping = new GroupingSearch("cable_group");
        grouping.setGroupDocsLimit(1);
        TopGroups<BytesRef> top = grouping.search(searcher, toQuery(q, builder), 0, 10);
        for (int i = 0; i < top.groups.length; ++i) {
          out.append(i == 0 ? "" : " ").append(top.groups[i].groupValue.utf8ToString());
        }
        out.append('\n');
      }
      System.out.print(out);
    }
  }

  static void run(Path dir, Path queryFile, int reps) throws Exception {
    List<BenchQuery> queries = readQueries(queryFile);
    Analyzer analyzer = new EnglishAnalyzer();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Cables cables = loadCables(reader);
      UnifiedHighlighter highlighter = new UnifiedHighlighter(searcher, analyzer);
      QueryBuilder builder = new QueryBuilder(analyzer);
      Map<String, List<Double>> ms = new TreeMap<>();
      Map<String, Double> hits = new HashMap<>();
      Map<String, Integer> count = new HashMap<>();
      long sink = 0;
      for (int rep = -WARMUP_PASSES; rep < reps; ++rep) {
        for (BenchQuery q : queries) {
          Query query = toQuery(q, builder);
          long t0 = System.nanoTime();
          sink += answer(q, query, searcher, highlighter, cables);
          double t = (System.nanoTime() - t0) / 1e6;
          if (rep >= 0) ms.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(t);
        }
      }
      // The exact counts, untimed, after the timed passes (as every harness).
      for (BenchQuery q : queries) {
        Query query = toQuery(q, builder);
        hits.merge(q.kind(), (double) matchingCables(searcher, query, cables).cardinality(),
            Double::sum);
        count.merge(q.kind(), 1, Integer::sum);
      }
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<String, List<Double>> e : ms.entrySet()) {
        double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (out.length() > 1) out.append(", ");
        out.append(String.format("\"%s\": {\"p50\": %.4f, \"p99\": %.4f, \"mean_hits\": %.2f}",
            e.getKey(), at(v, 0.5), at(v, 0.99), hits.get(e.getKey()) / count.get(e.getKey())));
      }
      System.out.println(out.append("}"));
      if (sink == 42) System.err.println();  // keeps the answers observable to the JIT
    }
  }

  static double at(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
  }

  static Query toQuery(BenchQuery q, QueryBuilder builder) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (!q.words().isEmpty()) {
      Query text = q.phrase() ? builder.createPhraseQuery("text", q.words())
                              : builder.createBooleanQuery("text", q.words(), Occur.MUST);
      b.add(text == null ? new MatchNoDocsQuery() : text, Occur.MUST);
    }
    if (!q.tag().equals("0")) b.add(new TermQuery(new Term("tag", q.tag())), Occur.FILTER);
    if (q.from() != 0) b.add(IntPoint.newRangeQuery("date", q.from(), q.to()), Occur.FILTER);
    return b.build();
  }

  // The top 10 cables (best paragraph each) with snippets, and facets for
  // the facet class; returns something derived from the answer.
  static long answer(BenchQuery q, Query query, IndexSearcher searcher,
      UnifiedHighlighter highlighter, Cables cables) throws Exception {
    GroupingSearch grouping = new GroupingSearch("cable_group");
    grouping.setGroupDocsLimit(1);
    if (q.kind().equals("date_tag")) {
      Sort byDate = new Sort(new SortField("date", SortField.Type.LONG, true));
      grouping.setGroupSort(byDate);
      grouping.setSortWithinGroup(byDate);
    }
    TopGroups<BytesRef> top = grouping.search(searcher, query, 0, 10);
    long sink = top.groups.length;
    if (!q.words().isEmpty() && top.groups.length > 0) {
      ScoreDoc[] best = new ScoreDoc[top.groups.length];
      for (int i = 0; i < best.length; ++i) best[i] = top.groups[i].scoreDocs[0];
      String[] snippets = highlighter.highlight(
          "text", query, new TopDocs(new TotalHits(best.length, TotalHits.Relation.EQUAL_TO), best));
      for (String s : snippets) sink += s == null ? 0 : s.length();
    }
    if (q.kind().equals("facets")) {
      FixedBitSet matching = matchingCables(searcher, query, cables);
      Map<Long, Integer> tags = new HashMap<>();
      int[] origins = new int[cables.maxOrigin + 1];
      int[] years = new int[cables.maxYear + 1];
      BitSetIterator it = new BitSetIterator(matching, 0);
      for (int c = it.nextDoc(); c != BitSetIterator.NO_MORE_DOCS; c = it.nextDoc()) {
        for (long t : cables.tags[c]) tags.merge(t, 1, Integer::sum);
        ++origins[cables.origin[c]];
        ++years[cables.year[c]];
      }
      sink += top10(tags) + Arrays.stream(origins).max().getAsInt()
          + Arrays.stream(years).max().getAsInt();
    }
    return sink;
  }

  static long top10(Map<Long, Integer> counts) {
    return counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(10)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  // The cables with a matching paragraph, by number (no scoring).
  static FixedBitSet matchingCables(IndexSearcher searcher, Query query, Cables cables)
      throws Exception {
    FixedBitSet set = new FixedBitSet(cables.origin.length);
    searcher.search(query, new SimpleCollector() {
      NumericDocValues cable;

      @Override
      protected void doSetNextReader(LeafReaderContext context) throws java.io.IOException {
        cable = DocValues.getNumeric(context.reader(), "cable");
      }

      @Override
      public void collect(int doc) throws java.io.IOException {
        if (cable.advanceExact(doc)) set.set((int) cable.longValue());
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return set;
  }

  // Origin, year and tags of every cable, by cable number, from doc values.
  static Cables loadCables(DirectoryReader reader) throws Exception {
    int max = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues cable = DocValues.getNumeric(leaf.reader(), "cable");
      for (int d = cable.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = cable.nextDoc()) {
        max = Math.max(max, (int) cable.longValue());
      }
    }
    Cables c = new Cables();
    c.origin = new int[max + 1];
    c.year = new int[max + 1];
    c.tags = new long[max + 1][];
    Arrays.fill(c.tags, new long[0]);
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues cable = DocValues.getNumeric(leaf.reader(), "cable");
      NumericDocValues origin = DocValues.getNumeric(leaf.reader(), "origin");
      NumericDocValues date = DocValues.getNumeric(leaf.reader(), "date");
      SortedNumericDocValues tags = DocValues.getSortedNumeric(leaf.reader(), "tag");
      for (int d = cable.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = cable.nextDoc()) {
        int n = (int) cable.longValue();
        if (origin.advanceExact(d)) c.origin[n] = (int) origin.longValue();
        if (date.advanceExact(d)) c.year[n] = (int) (date.longValue() / 10000);
        c.maxOrigin = Math.max(c.maxOrigin, c.origin[n]);
        c.maxYear = Math.max(c.maxYear, c.year[n]);
        if (tags.advanceExact(d)) {
          long[] v = new long[tags.docValueCount()];
          for (int i = 0; i < v.length; ++i) v[i] = tags.nextValue();
          c.tags[n] = v;
        }
      }
    }
    return c;
  }
}
