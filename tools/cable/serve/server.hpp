// `cable serve`: a read-only search site over an index, on cpp-httplib
// (Debian's libcpp-httplib-dev): the pages of search_page, cable_page and
// browse_pages, their JSON twins (/api/search with the contract of `cable
// search --json`, /api/cable/ID) and exports (docs/serve.md).
//
// Safe by construction: every value from a cable or a query goes through
// html.hpp's escape(); a Content-Security-Policy forbids any script, style
// or image but the server's own, and framing; on a loopback address only
// requests for 127.0.0.1 or localhost are answered (no DNS rebinding);
// requests, queries, pages and lists are bounded; the only files served are the compiled-in assets.
// Each worker thread has a Searcher of its own, refreshed at most once a second, so the site keeps
// answering, and sees new cables, while `cable index` commits to the same index.
#ifndef CABLE_TOOLS_CABLE_SERVE_SERVER_HPP_
#define CABLE_TOOLS_CABLE_SERVE_SERVER_HPP_

#include <memory>
#include <string>

#include "cable/tags.hpp"

namespace cable::tool::serve {

// Longest query the site takes, in bytes.
inline constexpr std::size_t kMaxQueryBytes = 1000;
// Most hits /api/search returns at once, and an export.
inline constexpr std::size_t kMaxApiHits = 1000;
inline constexpr std::size_t kMaxExportHits = 10000;

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  Glossary glossary = Glossary::builtin();
};

class Server {
 public:
  // Opens the index and binds the port. @throws cable::Error when the index
  // cannot be opened or the address cannot be bound.
  explicit Server(ServeOptions options);
  ~Server();

  // The port bound (the one chosen when ServeOptions::port was 0).
  int port() const;
  // Answers requests until stop(). @throws cable::Error when the server
  // stops accepting connections by itself.
  void run();
  // Makes run() return, and waits until it has; callable from any thread,
  // also before run() starts (run() then returns at once). Once only.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cable::tool::serve

#endif  // CABLE_TOOLS_CABLE_SERVE_SERVER_HPP_
