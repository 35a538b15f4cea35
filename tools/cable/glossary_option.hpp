// `--glossary FILE`: a user's glossary of TAGS codes over the built-in one
// (cable/tags.hpp), for the commands that show tags.
#ifndef CABLE_TOOLS_CABLE_GLOSSARY_OPTION_HPP_
#define CABLE_TOOLS_CABLE_GLOSSARY_OPTION_HPP_

#include <CLI/CLI.hpp>

#include <string>

#include "cable/tags.hpp"

namespace cable::tool {

// Adds `--glossary FILE` to `cmd`, also read from $CABLE_GLOSSARY.
void add_glossary_option(CLI::App* cmd, std::string* path);

// The glossary `path` names over the built-in one; the built-in one when
// `path` is empty. @throws cable::Error naming the file (and line) at fault.
Glossary load_glossary(const std::string& path);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_CABLE_GLOSSARY_OPTION_HPP_
