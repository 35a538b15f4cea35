#include "serve_command.hpp"

#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "cable/error.hpp"
#include "glossary_option.hpp"
#include "serve/server.hpp"
#include "usage.hpp"

namespace cable::tool {
namespace {

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string glossary;
};

int run_serve(const ServeArgs& args) {
  // SIGINT and SIGTERM go to one thread, which stops the server: the
  // server's threads, started after, inherit the blocked mask.
  sigset_t stopping;
  sigemptyset(&stopping);
  sigaddset(&stopping, SIGINT);
  sigaddset(&stopping, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopping, nullptr);
  serve::ServeOptions o;
  o.db = args.db;
  o.host = args.host;
  o.port = args.port;
  o.glossary = load_glossary(args.glossary);
  serve::Server server(o);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stopping, &signal);
    server.stop();
  });
  const bool any_host = args.host.find(':') != std::string::npos;
  fmt::print("serving {} at http://{}:{}/ (Ctrl-C stops)\n", args.db,
             any_host ? "[" + args.host + "]" : args.host, server.port());
  std::fflush(stdout);
  // Stopped by a signal, or by a failure of the server: the waiter is woken
  // (a blocked signal waits for its sigwait) before the failure goes on.
  const auto wake_waiter = [&] {
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  };
  try {
    server.run();
  } catch (...) {
    wake_waiter();
    throw;
  }
  wake_waiter();
  fmt::print(stderr, "cable: stopped serving {}\n", args.db);
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, int* status) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve a local search site over an index (read-only; docs/serve.md)");
  cmd->add_option("--db", args->db, "Index directory")->required();
  cmd->add_option("--port", args->port, "TCP port (0: any free one)")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", args->host, "Address to listen on (127.0.0.1: this machine only)");
  add_glossary_option(cmd, &args->glossary);
  cmd->callback([args, status] { *status = run_serve(*args); });
}

}  // namespace cable::tool
