#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cable/error.hpp"
#include "cable/json.hpp"

namespace cable {
namespace {

using nlohmann::ordered_json;

ordered_json to_object(const Cable& c) {
  ordered_json refs = ordered_json::array();
  for (const Reference& r : c.references) {
    refs.push_back({{"letter", r.letter},
                    {"raw", r.raw},
                    {"id", r.id.empty() ? ordered_json() : ordered_json(r.id)},
                    {"kind", r.kind}});
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
      {"published_id", c.published_id},
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
      {"persons", c.persons},
      {"references", refs},
      {"paragraphs", paras},
      {"signature", c.signature},
      {"warnings", c.warnings},
      {"source", source},
  };
}

template <typename T>
void get(const ordered_json& j, const char* key, T& out) {
  const auto it = j.find(key);
  if (it != j.end() && !it->is_null()) it->get_to(out);
}

Format format_from_name(std::string_view name) {
  if (name == format_name(Format::kHtml)) return Format::kHtml;
  if (name == format_name(Format::kCsv)) return Format::kCsv;
  return Format::kText;
}

}  // namespace

std::string to_json(const Cable& cable) {
  return to_object(cable).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

Cable cable_from_json(std::string_view json, std::string_view source_name) {
  try {
    const ordered_json j = ordered_json::parse(json);
    if (!j.is_object()) throw Error(ErrorCode::kMalformed, "not a JSON object");
    Cable c;
    get(j, "id", c.id);
    get(j, "published_id", c.published_id);
    get(j, "subject", c.subject);
    get(j, "subject_marking", c.subject_marking);
    get(j, "date", c.date);
    get(j, "dtg", c.dtg);
    get(j, "classification", c.classification);
    get(j, "origin", c.origin);
    get(j, "precedence", c.precedence);
    get(j, "from", c.from);
    get(j, "to", c.to);
    get(j, "info", c.info);
    get(j, "captions", c.captions);
    get(j, "handling", c.handling);
    get(j, "eo", c.eo);
    get(j, "declassify_on", c.declassify_on);
    get(j, "classified_by", c.classified_by);
    get(j, "tags", c.tags);
    get(j, "persons", c.persons);
    get(j, "signature", c.signature);
    get(j, "warnings", c.warnings);
    for (const auto& r : j.value("references", ordered_json::array())) {
      Reference ref;
      get(r, "letter", ref.letter);
      get(r, "raw", ref.raw);
      get(r, "id", ref.id);
      get(r, "kind", ref.kind);
      c.references.push_back(std::move(ref));
    }
    for (const auto& p : j.value("paragraphs", ordered_json::array())) {
      Paragraph para;
      get(p, "number", para.number);
      get(p, "marking", para.marking);
      get(p, "text", para.text);
      for (const auto& i : p.value("items", ordered_json::array())) {
        SubItem item;
        get(i, "label", item.label);
        get(i, "text", item.text);
        para.items.push_back(std::move(item));
      }
      c.paragraphs.push_back(std::move(para));
    }
    if (const auto s = j.find("source"); s != j.end() && s->is_object()) {
      get(*s, "file", c.source.file);
      std::string format;
      get(*s, "format", format);
      c.source.format = format_from_name(format);
      get(*s, "row", c.source.row);
      get(*s, "line", c.source.line);
    }
    return c;
  } catch (const Error& e) {
    throw Error(ErrorCode::kMalformed, fmt::format("{}: {}", source_name, e.what()));
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::kMalformed,
                fmt::format("{}: not the JSON form of a cable: {}", source_name, e.what()));
  }
}

}  // namespace cable
