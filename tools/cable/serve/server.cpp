#include "serve/server.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "cable/error.hpp"
#include "cable/search.hpp"
#include "output.hpp"
#include "serve/browse_pages.hpp"
#include "serve/cable_page.hpp"
#include "serve/exports.hpp"
#include "serve/html.hpp"
#include "serve/search_page.hpp"

namespace cable::tool::serve {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kJson = "application/json";

// A request the site refuses: status 400 (or 404) and why.
struct BadRequest {
  int status;
  std::string message;
};

std::size_t number(const httplib::Request& req, const char* name, std::size_t fallback,
                   std::size_t least, std::size_t most) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < least || n > most) {
    throw BadRequest{400,
                     fmt::format("{} must be a whole number from {} to {}", name, least, most)};
  }
  return n;
}

SearchRequest search_request(const httplib::Request& req) {
  SearchRequest r;
  r.q = req.get_param_value("q");
  if (r.q.size() > kMaxQueryBytes) {
    throw BadRequest{400, fmt::format("the query is longer than {} bytes", kMaxQueryBytes)};
  }
  const std::string sort = req.has_param("sort") ? req.get_param_value("sort") : "relevance";
  if (sort == "date") {
    r.sort = Sort::kDateAscending;
  } else if (sort == "-date") {
    r.sort = Sort::kDateDescending;
  } else if (sort != "relevance") {
    throw BadRequest{400, "sort must be relevance, date or -date"};
  }
  r.page = number(req, "page", 1, 1, kMaxHitsPerPage / kHitsPerPage);
  return r;
}

bool is_api(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0; }

void refuse(const httplib::Request& req, httplib::Response& res, int status,
            const std::string& message, std::optional<std::size_t> position = {}) {
  res.status = status;
  if (is_api(req)) {
    nlohmann::ordered_json j = {{"error", message}};
    if (position) j["position"] = *position;
    res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
  } else {
    const std::string q = req.get_param_value("q");
    res.set_content(
        page(status == 404 ? "Not found" : "Cannot answer", q.size() <= kMaxQueryBytes ? q : "",
             fmt::format(R"(<main><div class="results error" role="alert"><p>{}</p>
<p><a href="/help">Query help</a></p></div></main>)",
                         escape(message))),
        kHtml);
  }
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  httplib::Server http;
  int port = 0;
  std::atomic<bool> stopping{false};  // stop() was called
  std::atomic<bool> done{false};      // run() has returned

  // Whether a request names this server as its Host: bound to a loopback
  // address, the site must not answer a page of another site whose DNS name
  // was rebound to 127.0.0.1 (DNS rebinding). Any Host on another address.
  bool host_allowed(const httplib::Request& req) const {
    const std::string& bound = options.host;
    if (bound != "127.0.0.1" && bound != "localhost" && bound != "::1") return true;
    std::string host = req.get_header_value("Host");
    // Without its port: "127.0.0.1:8080", "[::1]:8080".
    const std::size_t colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
      host.resize(colon);
    }
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
  }

  // This worker thread's Searcher, opened on first use and refreshed at
  // most once a second to see new commits.
  const Searcher& searcher() {
    using Clock = std::chrono::steady_clock;
    thread_local std::unique_ptr<Searcher> mine;
    thread_local const Impl* owner = nullptr;
    thread_local Clock::time_point refreshed;
    const Clock::time_point now = Clock::now();
    if (!mine || owner != this) {
      mine = std::make_unique<Searcher>(Searcher::open(options.db));
      owner = this;
      refreshed = now;
    } else if (now - refreshed >= std::chrono::seconds(1)) {
      mine->refresh();
      refreshed = now;
    }
    return *mine;
  }

  // Runs `answer` and turns what it throws into a status and a message.
  template <typename F>
  static httplib::Server::Handler handler(F answer) {
    return [answer](const httplib::Request& req, httplib::Response& res) {
      try {
        answer(req, res);
      } catch (const BadRequest& e) {
        refuse(req, res, e.status, e.message);
      } catch (const QueryError& e) {
        refuse(req, res, 400, e.what(), e.position());
      } catch (const Error& e) {
        refuse(req, res, e.code() == ErrorCode::kIndexMissing ? 503 : 500, e.what());
      } catch (const std::exception& e) {
        refuse(req, res, 500, std::string("internal error: ") + e.what());
      }
    };
  }

  void routes() {
    http.Get("/", handler([this](const auto&, auto& res) {
               res.set_content(home_page(searcher()), kHtml);
             }));
    http.Get("/search", handler([this](const auto& req, auto& res) {
               const SearchRequest r = search_request(req);
               if (r.q.empty()) {
                 res.set_redirect("/");
                 return;
               }
               res.set_content(search_page(searcher(), r, options.glossary), kHtml);
             }));
    http.Get(R"(/cable/([A-Za-z0-9]{1,64}))", handler([this](const auto& req, auto& res) {
               const std::optional<Cable> c = searcher().cable(req.matches[1].str());
               if (!c) throw BadRequest{404, "no cable " + req.matches[1].str() + " in this index"};
               res.set_content(cable_page(searcher(), *c, options.glossary), kHtml);
             }));
    http.Get(R"(/browse(?:/([a-z]{1,16}))?)", handler([this](const auto& req, auto& res) {
               const std::optional<std::string> p =
                   browse_page(searcher(), req.matches[1].str(), options.glossary);
               if (!p) throw BadRequest{404, "no such page"};
               res.set_content(*p, kHtml);
             }));
    http.Get("/help", handler([](const auto&, auto& res) { res.set_content(help_page(), kHtml); }));
    http.Get("/assets/style.css", handler([](const auto&, auto& res) {
               res.set_header("Cache-Control", "max-age=3600");
               res.set_content(std::string(stylesheet()), "text/css; charset=utf-8");
             }));
    http.Get("/api/search", handler([this](const auto& req, auto& res) {
               const SearchRequest r = search_request(req);
               SearchOptions o;
               o.sort = r.sort;
               o.limit = number(req, "limit", kHitsPerPage, 0, kMaxApiHits);
               o.offset = number(req, "offset", std::min((r.page - 1) * o.limit, kMaxHitsPerPage),
                                 0, kMaxHitsPerPage);
               o.facet_limit = number(req, "facet_limit", 10, 0, 1000);
               o.glossary = options.glossary;
               for (const std::string& name : split(req.get_param_value("facets"))) {
                 const std::optional<Facet> f = facet_from_name(name);
                 if (!f) throw BadRequest{400, "unknown facet '" + name + "'"};
                 if (std::find(o.facets.begin(), o.facets.end(), *f) == o.facets.end())
                   o.facets.push_back(*f);
               }
               const Results found = searcher().search(r.q, o);
               res.set_content(results_json(found).dump(-1, ' ', false,
                                                        nlohmann::json::error_handler_t::replace),
                               kJson);
             }));
    http.Get(R"(/api/cable/([A-Za-z0-9]{1,64}))", handler([this](const auto& req, auto& res) {
               const std::optional<Cable> c = searcher().cable(req.matches[1].str());
               if (!c) throw BadRequest{404, "no cable " + req.matches[1].str() + " in this index"};
               res.set_content(cable_json(*c, options.glossary)
                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                               kJson);
             }));
    for (const bool csv : {true, false}) {
      http.Get(
          csv ? "/export.csv" : "/export.ndjson", handler([this, csv](const auto& req, auto& res) {
            const SearchRequest r = search_request(req);
            SearchOptions o;
            o.sort = r.sort;
            o.limit = number(req, "limit", kMaxExportHits, 0, kMaxExportHits);
            o.glossary = options.glossary;
            const Results found = searcher().search(r.q, o);
            res.set_header("Content-Disposition", csv ? "attachment; filename=\"cables.csv\""
                                                      : "attachment; filename=\"cables.ndjson\"");
            res.set_content(csv ? hits_csv(found) : hits_ndjson(found),
                            csv ? "text/csv; charset=utf-8" : "application/x-ndjson");
          }));
    }
  }

  static std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      if (comma > start) out.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    return out;
  }
};

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  Searcher::open(impl_->options.db);  // fails now, with the index's own message
  httplib::Server& http = impl_->http;
  http.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
  });
  http.set_payload_max_length(16 * 1024);
  // Slow or idle clients give their worker back soon.
  http.set_read_timeout(5);
  http.set_write_timeout(30);
  http.set_keep_alive_max_count(20);
  http.set_keep_alive_timeout(2);
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (impl_->host_allowed(req)) return httplib::Server::HandlerResponse::Unhandled;
    refuse(req, res, 421, "this server answers requests for 127.0.0.1 or localhost only");
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty()) {
      refuse(req, res, res.status, res.status == 404 ? "no such page" : "the request was refused");
    }
  });
  impl_->routes();
  const std::string& host = impl_->options.host;
  const int want = impl_->options.port;
  impl_->port =
      want == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, want) ? want : -1);
  if (impl_->port < 0) {
    throw Error(ErrorCode::kIo, fmt::format("cannot listen on {}:{}", host, want));
  }
}

Server::~Server() = default;

int Server::port() const { return impl_->port; }

void Server::run() {
  const bool served = impl_->stopping || impl_->http.listen_after_bind();
  impl_->done = true;
  if (!served && !impl_->stopping) {
    throw Error(ErrorCode::kIo, fmt::format("{}:{}: the server stopped accepting connections",
                                            impl_->options.host, impl_->port));
  }
}

void Server::stop() {
  impl_->stopping = true;
  // cpp-httplib's stop() does nothing before the server listens: ask again
  // until run() returns.
  while (!impl_->done) {
    impl_->http.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace cable::tool::serve
