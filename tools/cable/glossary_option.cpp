#include "glossary_option.hpp"

namespace cable::tool {

void add_glossary_option(CLI::App* cmd, std::string* path) {
  cmd->add_option("--glossary", *path,
                  "TAGS codes and meanings over the built-in ones: CODE<TAB>KIND<TAB>NAME lines")
      ->envname("CABLE_GLOSSARY");
}

Glossary load_glossary(const std::string& path) {
  return path.empty() ? Glossary::builtin() : Glossary::with_file(path);
}

}  // namespace cable::tool
