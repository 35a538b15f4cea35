// The Python module `cable._cable` (pybind11): the C++ API as Python sees
// it. The package around it (bindings/python/cable/) gives the Pythonic
// names and docstrings; docs/python.md describes both.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <optional>
#include <string>
#include <vector>

#include "cable/json.hpp"
#include "cable/reader.hpp"
#include "cable/record.hpp"
#include "cable/search.hpp"
#include "cable/tags.hpp"
#include "cable/version.hpp"
#include "cable/writer.hpp"

namespace py = pybind11;

namespace {

py::object error_type;        // cable.Error
py::object query_error_type;  // cable.QueryError, a cable.Error with .position and .problem

// Raises a cable::Error as cable.Error (with .code) or cable.QueryError.
void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const cable::QueryError& e) {
    py::object exc = query_error_type(e.what());
    exc.attr("position") = e.position();
    exc.attr("problem") = e.problem();
    exc.attr("code") = static_cast<int>(e.code());
    PyErr_SetObject(query_error_type.ptr(), exc.ptr());
  } catch (const cable::Error& e) {
    py::object exc = error_type(e.what());
    exc.attr("code") = static_cast<int>(e.code());
    PyErr_SetObject(error_type.ptr(), exc.ptr());
  }
}

std::vector<cable::Facet> facets_of(const std::vector<std::string>& names) {
  std::vector<cable::Facet> out;
  for (const std::string& n : names) {
    const std::optional<cable::Facet> f = cable::facet_from_name(n);
    if (!f) {
      std::string names;
      for (cable::Facet facet : cable::all_facets()) {
        names += (names.empty() ? "" : ", ") + std::string(cable::facet_name(facet));
      }
      throw py::value_error("unknown facet '" + n + "' (facets: " + names + ")");
    }
    out.push_back(*f);
  }
  return out;
}

cable::Sort sort_of(const std::string& s) {
  if (s == "relevance") return cable::Sort::kRelevance;
  if (s == "date") return cable::Sort::kDateAscending;
  if (s == "-date") return cable::Sort::kDateDescending;
  throw py::value_error("unknown sort '" + s + "' (relevance, date, -date)");
}

cable::Grouping grouping_of(const std::string& g) {
  if (g == "cable") return cable::Grouping::kCable;
  if (g == "paragraph") return cable::Grouping::kParagraph;
  throw py::value_error("unknown grouping '" + g + "' (cable, paragraph)");
}

}  // namespace

PYBIND11_MODULE(_cable, m) {
  m.doc() = "libcable's C++ API; use the package `cable`, not this module.";
  m.attr("__version__") = cable::version();
  error_type = py::module_::import("cable._errors").attr("Error");
  query_error_type = py::module_::import("cable._errors").attr("QueryError");
  py::register_exception_translator(&translate);

  py::class_<cable::Hit>(m, "Hit")
      .def_readonly("cable", &cable::Hit::cable)
      .def_readonly("paragraph", &cable::Hit::paragraph)
      .def_readonly("order", &cable::Hit::order)
      .def_readonly("marking", &cable::Hit::marking)
      .def_readonly("_date", &cable::Hit::date)
      .def_readonly("subject", &cable::Hit::subject)
      .def_readonly("origin", &cable::Hit::origin)
      .def_readonly("classification", &cable::Hit::classification)
      .def_readonly("score", &cable::Hit::score)
      .def_readonly("snippet", &cable::Hit::snippet)
      .def_readonly("other_matches", &cable::Hit::other_matches);

  py::class_<cable::Results>(m, "Results")
      .def_readonly("total", &cable::Results::total)
      .def_readonly("total_exact", &cable::Results::total_exact)
      .def_readonly("hits", &cable::Results::hits)
      .def_readonly("suggestion", &cable::Results::suggestion)
      .def_property_readonly("facets", [](const cable::Results& r) {
        py::dict out;
        for (const auto& [facet, counts] : r.facets) {
          py::list values;
          for (const cable::FacetCount& c : counts) {
            values.append(py::make_tuple(c.value, c.count, c.name));
          }
          out[cable::facet_name(facet)] = values;
        }
        return out;
      });

  py::class_<cable::IndexSummary>(m, "IndexSummary")
      .def_readonly("files", &cable::IndexSummary::files)
      .def_readonly("files_unchanged", &cable::IndexSummary::files_unchanged)
      .def_readonly("cables_added", &cable::IndexSummary::cables_added)
      .def_readonly("cables_replaced", &cable::IndexSummary::cables_replaced)
      .def_readonly("cables_unchanged", &cable::IndexSummary::cables_unchanged)
      .def_readonly("paragraphs", &cable::IndexSummary::paragraphs)
      .def_readonly("failed", &cable::IndexSummary::failed)
      .def_readonly("bytes", &cable::IndexSummary::bytes)
      .def_readonly("shards_rewritten", &cable::IndexSummary::shards_rewritten);

  py::class_<cable::Searcher>(m, "Searcher")
      .def_static("open", &cable::Searcher::open, py::call_guard<py::gil_scoped_release>())
      .def(
          "search",
          [](const cable::Searcher& s, const std::string& query, std::size_t limit,
             std::size_t offset, const std::vector<std::string>& facets, std::size_t facet_limit,
             const std::string& sort, const std::string& group, std::size_t snippet_length,
             bool shard_threads) {
            cable::SearchOptions o;
            o.limit = limit;
            o.offset = offset;
            o.facets = facets_of(facets);
            o.facet_limit = facet_limit;
            o.sort = sort_of(sort);
            o.grouping = grouping_of(group);
            o.snippet_length = snippet_length;
            o.shard_threads = shard_threads;
            py::gil_scoped_release release;
            return s.search(query, o);
          },
          py::arg("query"), py::arg("limit"), py::arg("offset"), py::arg("facets"),
          py::arg("facet_limit"), py::arg("sort"), py::arg("group"), py::arg("snippet_length"),
          py::arg("shard_threads"))
      .def(
          "cable_json",
          [](const cable::Searcher& s, const std::string& id) -> std::optional<std::string> {
            std::optional<cable::Cable> c;
            {
              py::gil_scoped_release release;
              c = s.cable(id);
            }
            if (!c) return std::nullopt;
            return cable::to_json(*c);
          },
          py::arg("id"))
      .def("cited_by", &cable::Searcher::cited_by, py::arg("id"),
           py::call_guard<py::gil_scoped_release>())
      .def("cables", &cable::Searcher::cables, py::call_guard<py::gil_scoped_release>())
      .def(
          "stats",
          [](const cable::Searcher& s, std::size_t top) {
            cable::IndexStats st;
            {
              py::gil_scoped_release release;
              st = s.stats(top);
            }
            py::dict facets;
            for (const auto& [facet, counts] : st.top) {
              py::list values;
              for (const cable::FacetCount& c : counts) {
                values.append(py::make_tuple(c.value, c.count, c.name));
              }
              facets[cable::facet_name(facet)] = values;
            }
            py::dict out;
            out["cables"] = st.cables;
            out["paragraphs"] = st.paragraphs;
            out["first_date"] = st.first_date;
            out["last_date"] = st.last_date;
            out["facets"] = facets;
            out["bytes"] = st.bytes;
            out["schema_version"] = st.schema_version;
            return out;
          },
          py::arg("top"))
      .def("refresh", &cable::Searcher::refresh, py::call_guard<py::gil_scoped_release>());

  py::class_<cable::Writer>(m, "Writer")
      .def_static(
          "open",
          [](const std::filesystem::path& dir, std::size_t shards, std::size_t jobs) {
            cable::WriterOptions o;
            o.shards = shards;
            o.jobs = jobs;
            py::gil_scoped_release release;
            return cable::Writer::open(dir, o);
          },
          py::arg("dir"), py::arg("shards"), py::arg("jobs"))
      .def(
          "index_path",
          [](cable::Writer& w, const std::filesystem::path& path,
             const std::function<void(const std::string&)>& on_error,
             const std::function<void(std::uint64_t, std::uint64_t, std::uint64_t)>& progress,
             const std::function<void(std::uint64_t, std::uint64_t)>& on_rewrite) {
            // Runs without the GIL; the callbacks take it back (a rewrite
            // reports from the thread of the shard it writes).
            py::gil_scoped_release release;
            cable::IndexSummary s = w.index_path(
                path,
                [&](const cable::Error& e) {
                  if (!on_error) return;
                  py::gil_scoped_acquire acquire;
                  on_error(e.what());
                },
                [&](const cable::IndexProgress& p) {
                  if (p.rewriting) {
                    if (!on_rewrite) return;
                    py::gil_scoped_acquire acquire;
                    on_rewrite(p.cables, p.rewrite_cables);
                  } else if (progress) {
                    py::gil_scoped_acquire acquire;
                    progress(p.files_done, p.files_total, p.cables);
                  }
                });
            w.commit();
            return s;
          },
          py::arg("path"), py::arg("on_error"), py::arg("progress"), py::arg("on_rewrite"))
      .def(
          "remove",
          [](cable::Writer& w, const std::string& id) {
            const bool removed = w.remove(id);
            w.commit();
            return removed;
          },
          py::arg("id"), py::call_guard<py::gil_scoped_release>())
      .def("commit", &cable::Writer::commit, py::call_guard<py::gil_scoped_release>());

  m.def("canonical_id", &cable::canonical_id, py::arg("text"));
  // TAGS codes as (code, name, kind) tuples; the package makes them TagInfo.
  const auto tag_tuple = [](const cable::TagInfo& t) {
    return py::make_tuple(t.code, t.name, cable::tag_kind_name(t.kind));
  };
  m.def(
      "tag_info",
      [tag_tuple](const std::string& code) -> py::object {
        const std::optional<cable::TagInfo> t = cable::tag_info(code);
        return t ? py::object(tag_tuple(*t)) : py::object(py::none());
      },
      py::arg("code"));
  m.def(
      "tags_matching",
      [tag_tuple](const std::string& text) {
        py::list out;
        for (const cable::TagInfo& t : cable::tags_matching(text)) out.append(tag_tuple(t));
        return out;
      },
      py::arg("text"));

  m.def(
      "parse_json",
      [](const std::filesystem::path& path,
         const std::function<void(const std::string&)>& on_error) {
        std::vector<std::string> out;
        {
          py::gil_scoped_release release;
          cable::read_path(
              path, [&](cable::Cable&& c) { out.push_back(cable::to_json(c)); },
              [&](const cable::Error& e) {
                if (!on_error) return;
                py::gil_scoped_acquire acquire;
                on_error(e.what());
              });
        }
        return out;
      },
      py::arg("path"), py::arg("on_error"));
}
