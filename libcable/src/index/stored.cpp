#include "index/stored.hpp"

#include <nlohmann/json.hpp>

#include "cable/error.hpp"
#include "cable/json.hpp"

namespace cable::index {

std::string encode(const StoredDoc& d) {
  const nlohmann::json j = {{"id", d.id},           {"kind", d.kind},
                            {"order", d.order},     {"number", d.number},
                            {"marking", d.marking}, {"text", d.text},
                            {"date", d.date},       {"subject", d.subject},
                            {"origin", d.origin},   {"class", d.classification}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredDoc decode_doc(std::string_view data) {
  try {
    const nlohmann::json j = nlohmann::json::parse(data);
    StoredDoc d;
    j.at("id").get_to(d.id);
    j.at("kind").get_to(d.kind);
    j.at("order").get_to(d.order);
    j.at("number").get_to(d.number);
    j.at("marking").get_to(d.marking);
    j.at("text").get_to(d.text);
    j.at("date").get_to(d.date);
    j.at("subject").get_to(d.subject);
    j.at("origin").get_to(d.origin);
    j.at("class").get_to(d.classification);
    return d;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::kIndex, std::string("a document of the index is damaged: ") + e.what());
  }
}

std::string encode_cable_fields(const Cable& cable) {
  Cable fields = cable;
  fields.paragraphs.clear();
  return to_json(fields);
}

Cable decode_cable_fields(std::string_view data) {
  try {
    return cable_from_json(data, "index metadata");
  } catch (const Error& e) {
    throw Error(ErrorCode::kIndex,
                std::string("the index's record of a cable is damaged: ") + e.what());
  }
}

}  // namespace cable::index
