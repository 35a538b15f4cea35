// JSON form of a parsed cable, as `cable parse --json` prints it (docs/cli.md).
#ifndef CABLE_TOOLS_CABLE_JSON_HPP_
#define CABLE_TOOLS_CABLE_JSON_HPP_

#include <nlohmann/json.hpp>

#include "cable/record.hpp"

namespace cable::tool {

nlohmann::ordered_json to_json(const Cable& cable);

}  // namespace cable::tool

#endif  // CABLE_TOOLS_CABLE_JSON_HPP_
