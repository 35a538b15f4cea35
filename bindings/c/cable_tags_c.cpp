// The C API's glossary of TAGS codes (cable.h) over cable/tags.hpp.
#include <memory>
#include <optional>
#include <string>

#include "c_support.hpp"
#include "cable.h"
#include "cable/tags.hpp"

using cable::c_api::copy_string;
using cable::c_api::fail;
using cable::c_api::guard;
using cable::c_api::null_argument;

extern "C" {

cable_status cable_tag_info(const char* code, char** name, const char** kind) {
  if (!code) return null_argument("code");
  if (!name) return null_argument("name");
  *name = nullptr;
  // Every allocation inside guard(): nothing may throw past extern "C".
  bool found = false;
  std::string missing;
  const cable_status status = guard([&] {
    const std::optional<cable::TagInfo> info = cable::tag_info(code);
    if (!info) {
      missing = std::string(code) + ": no such code in the glossary";
      return;
    }
    found = true;
    if (kind) *kind = cable::tag_kind_name(info->kind);
    *name = copy_string(info->name);
  });
  if (status != CABLE_OK || found) return status;
  return fail(CABLE_ERROR_NOT_FOUND, std::move(missing));
}

cable_status cable_tags_matching(const char* text, cable_strings** codes) {
  if (!text) return null_argument("text");
  if (!codes) return null_argument("codes");
  *codes = nullptr;
  return guard([&] {
    auto list = std::make_unique<cable_strings>();
    for (const cable::TagInfo& t : cable::tags_matching(text)) list->items.push_back(t.code);
    *codes = list.release();
  });
}

}  // extern "C"
