#include "cable/writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "index/database.hpp"
#include "index/documents.hpp"
#include "index/file_hash.hpp"
#include "index/schema.hpp"
#include "index/searcher_impl.hpp"
#include "util/text.hpp"

namespace cable {
namespace {

constexpr std::uint64_t kProgressEvery = 500;  // cables, within one large file
// Spelling words held in memory before they are written (about 100 MB).
constexpr std::size_t kMaxGatheredWords = 1'000'000;

// One file, read and parsed by a worker thread.
struct Parsed {
  std::string hash;
  bool unchanged = false;
  bool stream = false;  // CSV: read in the writer's thread, streamed, to bound memory
  std::vector<Cable> cables;
  std::vector<Error> errors;
};

bool is_csv(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const auto format = detect_format(head, file);
  return format && *format == Format::kCsv;
}

Parsed parse_file(const std::filesystem::path& file, const std::string& known_hash) {
  Parsed p;
  try {
    p.hash = index::file_hash(file);
    if (p.hash == known_hash) {
      p.unchanged = true;
      return p;
    }
    if (is_csv(file)) {
      p.stream = true;
      return p;
    }
    read_file(
        file, [&](Cable&& c) { p.cables.push_back(std::move(c)); },
        [&](const Error& e) { p.errors.push_back(e); });
  } catch (const Error& e) {
    p.errors.push_back(e);
  }
  return p;
}

}  // namespace

struct Writer::Impl {
  std::string where;
  bool memory = false;
  Xapian::WritableDatabase db;
  index::Analyzer analyzer;
  WriterOptions options;
  std::size_t pending = 0;  // cables written since the last commit
  // Spelling data ("did you mean"): word frequencies gathered over a batch
  // and written once per word at commit. Xapian's TermGenerator can add them
  // word by word as it indexes, which cost a fifth of the indexing time.
  bool spelling = false;
  std::unordered_map<std::string, Xapian::termcount> words;

  void gather_words(const Xapian::Document& doc) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string& term = *t;
      if (!term.empty() && !text::is_upper(term[0])) words[term] += t.get_wdf();
    }
  }

  // Commits; with `spelling_too` (the end of index_path(), an explicit
  // commit()), also writes the gathered spelling data, which a batch commit
  // leaves to gather further: each word is then written once per run.
  void commit(bool spelling_too = true) {
    index::guarded(where, [&] {
      if (spelling_too || words.size() > kMaxGatheredWords) {
        for (const auto& [word, freq] : words) db.add_spelling(word, freq);
        words.clear();
      }
      db.commit();
    });
    pending = 0;
  }

  // Commits when the batch is full.
  void maybe_commit() {
    if (options.commit_every > 0 && pending >= options.commit_every) commit(false);
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::Writer(Writer&&) noexcept = default;
Writer& Writer::operator=(Writer&&) noexcept = default;

Writer::~Writer() {
  if (!impl_) return;
  try {
    if (impl_->pending > 0) impl_->commit();
  } catch (const Error&) {
    // Documented: call commit() to see errors; a destructor must not throw.
  }
}

Writer Writer::open(const std::filesystem::path& dir, const WriterOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  auto impl = std::make_unique<Impl>();
  impl->where = dir.string();
  impl->db = index::open_writable(dir);
  impl->options = options;
  impl->spelling = true;
  return Writer(std::move(impl));
}

Writer Writer::in_memory(const WriterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->where = "in-memory index";
  impl->memory = true;
  impl->db = index::open_in_memory();
  impl->options = options;
  // Xapian's in-memory backend keeps no spelling data: no suggestions there.
  return Writer(std::move(impl));
}

AddOutcome Writer::add(const Cable& cable) {
  if (cable.id.empty()) {
    throw Error(ErrorCode::kMalformed,
                fmt::format("{}: a cable without an ID cannot be indexed", cable.source.file));
  }
  Xapian::WritableDatabase& db = impl_->db;
  return index::guarded(impl_->where, [&] {
    const index::CableDocuments docs = make_documents(cable, impl_->analyzer);
    const std::string hash_key = schema::term(schema::kMetaCableHash, cable.id);
    const std::string old = db.get_metadata(hash_key);
    if (old == docs.hash) return AddOutcome::kUnchanged;
    const std::string id_term = schema::term(schema::kId, cable.id);
    const bool existed = db.term_exists(id_term);
    if (existed) db.delete_document(id_term);
    for (const Xapian::Document& d : docs.docs) {
      db.add_document(d);
      if (impl_->spelling) impl_->gather_words(d);
    }
    db.set_metadata(schema::term(schema::kMetaCable, cable.id), docs.fields);
    db.set_metadata(hash_key, docs.hash);
    ++impl_->pending;
    return existed ? AddOutcome::kReplaced : AddOutcome::kAdded;
  });
}

bool Writer::remove(std::string_view id_in) {
  const std::string id = text::upper(text::trim(id_in));
  Xapian::WritableDatabase& db = impl_->db;
  return index::guarded(impl_->where, [&] {
    const std::string id_term = schema::term(schema::kId, id);
    if (!db.term_exists(id_term)) return false;
    db.delete_document(id_term);
    db.set_metadata(schema::term(schema::kMetaCable, id), "");
    db.set_metadata(schema::term(schema::kMetaCableHash, id), "");
    ++impl_->pending;
    return true;
  });
}

void Writer::commit() { impl_->commit(); }

Searcher Writer::searcher() const {
  if (impl_->memory) {
    auto impl = std::make_unique<Searcher::Impl>();
    impl->where = impl_->where;
    impl->db = impl_->db;
    return Searcher(std::move(impl));
  }
  return Searcher::open(impl_->where);
}

IndexSummary Writer::index_path(const std::filesystem::path& path, const ErrorSink& on_error,
                                const ProgressSink& progress) {
  IndexSummary summary;
  IndexProgress at;
  const auto report = [&](const Error& e) {
    ++summary.failed;
    if (on_error) on_error(e);
  };
  const std::vector<std::filesystem::path> files = list_inputs(path, report);
  std::vector<std::uint64_t> sizes;
  for (const auto& f : files) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(f, ec);
    sizes.push_back(ec ? 0 : size);
    summary.bytes += sizes.back();
  }
  summary.files = files.size();
  at.files_total = files.size();
  at.bytes_total = summary.bytes;
  const auto tell = [&] {
    if (progress) progress(at);
  };

  const auto key_of = [](const std::filesystem::path& f) {
    std::error_code ec;
    const auto abs = std::filesystem::absolute(f, ec);
    return schema::term(schema::kMetaFile, (ec ? f : abs).lexically_normal().string());
  };
  const auto known = [&](const std::filesystem::path& f) {
    return index::guarded(impl_->where, [&] { return impl_->db.get_metadata(key_of(f)); });
  };
  // "<hash> <count>" -> hash, count.
  const auto split_known = [](const std::string& v) {
    const std::size_t sp = v.find(' ');
    std::uint64_t count = 0;
    if (sp != std::string::npos) {
      for (char c : v.substr(sp + 1)) {
        if (text::is_digit(c)) count = count * 10 + static_cast<std::uint64_t>(c - '0');
      }
    }
    return std::make_pair(v.substr(0, sp), count);
  };

  std::size_t failures = 0;  // in the current file
  const auto add_counted = [&](const Cable& c) {
    AddOutcome outcome;
    try {
      outcome = add(c);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kIndex) throw;
      ++failures;
      report(e);
      return;
    }
    switch (outcome) {
      case AddOutcome::kAdded:
        ++summary.cables_added;
        summary.paragraphs += c.paragraphs.size();
        break;
      case AddOutcome::kReplaced:
        ++summary.cables_replaced;
        summary.paragraphs += c.paragraphs.size();
        break;
      case AddOutcome::kUnchanged:
        ++summary.cables_unchanged;
        break;
    }
    impl_->maybe_commit();
    ++at.cables;
  };

  std::size_t jobs = impl_->options.jobs;
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  std::deque<std::future<Parsed>> window;
  std::size_t launched = 0;
  const auto launch = [&] {
    while (launched < files.size() && window.size() < 2 * jobs) {
      const auto file = files[launched++];
      const std::string hash = split_known(known(file)).first;
      window.push_back(std::async(jobs > 1 ? std::launch::async : std::launch::deferred, parse_file,
                                  file, hash));
    }
  };

  for (std::size_t i = 0; i < files.size(); ++i) {
    launch();
    Parsed parsed = window.front().get();
    window.pop_front();
    const std::filesystem::path& file = files[i];
    std::uint64_t cables = 0;
    failures = parsed.errors.size();
    for (const Error& e : parsed.errors) report(e);
    if (parsed.unchanged) {
      ++summary.files_unchanged;
      const std::uint64_t count = split_known(known(file)).second;
      summary.cables_unchanged += count;
      at.cables += count;
    } else if (parsed.stream) {
      try {
        cables = read_file(
            file,
            [&](Cable&& c) {
              add_counted(c);
              if (at.cables % kProgressEvery == 0) tell();
            },
            [&](const Error& e) {
              ++failures;
              report(e);
            });
      } catch (const Error& e) {
        if (e.code() == ErrorCode::kIndex) throw;
        ++failures;
        report(e);
      }
    } else {
      for (const Cable& c : parsed.cables) add_counted(c);
      cables = parsed.cables.size();
    }
    if (!parsed.unchanged && failures == 0 && !parsed.hash.empty()) {
      index::guarded(impl_->where, [&] {
        impl_->db.set_metadata(key_of(file), parsed.hash + " " + std::to_string(cables));
      });
    }
    ++at.files_done;
    at.bytes_done += sizes[i];
    tell();
  }
  impl_->commit();
  return summary;
}

}  // namespace cable
