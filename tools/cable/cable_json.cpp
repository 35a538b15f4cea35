#include "cable_json.hpp"

namespace cable::tool {

nlohmann::ordered_json to_json(const Cable& c) {
  using nlohmann::ordered_json;
  ordered_json refs = ordered_json::array();
  for (const Reference& r : c.references) {
    refs.push_back({{"letter", r.letter},
                    {"raw", r.raw},
                    {"id", r.id.empty() ? ordered_json() : ordered_json(r.id)}});
  }
  ordered_json paras = ordered_json::array();
  for (const Paragraph& p : c.paragraphs) {
    ordered_json items = ordered_json::array();
    for (const SubItem& s : p.items) items.push_back({{"label", s.label}, {"text", s.text}});
    paras.push_back(
        {{"number", p.number}, {"marking", p.marking}, {"text", p.text}, {"items", items}});
  }
  ordered_json source = {{"file", c.source.file}, {"format", format_name(c.source.format)}};
  if (c.source.row > 0) {
    source["row"] = c.source.row;
    source["line"] = c.source.line;
  }
  return ordered_json{
      {"id", c.id},
      {"subject", c.subject},
      {"subject_marking", c.subject_marking},
      {"date", c.date},
      {"dtg", c.dtg},
      {"classification", c.classification},
      {"origin", c.origin},
      {"precedence", c.precedence},
      {"from", c.from},
      {"to", c.to},
      {"info", c.info},
      {"captions", c.captions},
      {"handling", c.handling},
      {"eo", c.eo},
      {"declassify_on", c.declassify_on},
      {"classified_by", c.classified_by},
      {"tags", c.tags},
      {"references", refs},
      {"paragraphs", paras},
      {"signature", c.signature},
      {"warnings", c.warnings},
      {"source", source},
  };
}

}  // namespace cable::tool
