"""libcable for Python: index and search diplomatic cables.

    import cable
    index = cable.Index("cables.db")
    index.add("corpus/")
    results = index.search("tag:KTIP trafficking", facets=["year"])
    for hit in results:
        print(hit.cable, hit.paragraph, hit.snippet)
    print(results.facets["year"])

docs/python.md has the whole tour. Searching and indexing release the GIL,
so threads searching one index run in parallel.
"""
import datetime as _dt
import json as _json
import operator as _operator
import os as _os
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Union

from ._args import _text
from ._errors import Error, QueryError
from ._tags import FacetValue, TagInfo, tag_info, tags_matching, _facet_values, _facets_dict
from . import _cable

__version__: str = _cable.__version__
__all__ = ["Index", "Results", "Hit", "Cable", "IndexSummary", "IndexStats", "FacetValue",
           "TagInfo", "parse", "canonical_id", "tag_info", "tags_matching", "Error", "QueryError",
           "__version__"]

Hit = _cable.Hit
IndexSummary = _cable.IndexSummary

_HIT_FIELDS = ("cable", "paragraph", "order", "marking", "date", "subject", "origin",
               "classification", "score", "snippet", "other_matches")
_SUMMARY_FIELDS = ("files", "files_unchanged", "cables_added", "cables_replaced",
                   "cables_unchanged", "paragraphs", "failed", "bytes", "shards_rewritten")


def _datetime(text: str) -> Optional[_dt.datetime]:
    """A cable's date in the ISO form the JSON of the library and of the
    command line share, "2009-02-20T18:11" or, without a time, "2009-02-20"
    (midnight); None for "" or a date no calendar has (the text stays in
    ``to_dict()``). One type, so that dates compare and sort."""
    try:
        return _dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _date(text: str) -> Optional[_dt.date]:
    """A day ("2019-06-16"), as ``_datetime``."""
    moment = _datetime(text[:10])
    return moment.date() if moment else None


def _count(name: str, value: Any) -> int:
    """``value`` if it is a whole number of 0 or more (an int, or what
    stands for one: a numpy integer), else the error."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not bool")
    try:
        value = _operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an int, not {type(value).__name__}") from None
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, not {value}")
    return value


def _names(name: str, value: Any) -> List[str]:
    """A str or a sequence of str as a list: facets="tag" is ["tag"]."""
    if isinstance(value, str):
        return [value]
    try:
        items = list(value)
    except TypeError:
        raise TypeError(f"{name} must be a str or a sequence of str, "
                        f"not {type(value).__name__}") from None
    for item in items:
        _text(f"each of {name}", item)
    return items


def _path(name: str, value: Any) -> str:
    path = _os.fspath(value) if isinstance(value, _os.PathLike) else value
    if not isinstance(path, str):
        raise TypeError(f"{name} must be a str or a path, not {type(value).__name__}")
    return path


def _cable_id(name: str, value: Any) -> str:
    """``value`` if it can be a cable ID, else the error."""
    if canonical_id(_text(name, value)) is None:
        raise ValueError(f"{name}: '{value}' is no cable ID: write a two-digit year, the "
                         "origin and the serial number, as 09PARIS268")
    return value


def canonical_id(text: str) -> Optional[str]:
    """The canonical form of a cable ID as written or as the release
    published it, damaged or not ("09paris268" -> "09PARIS268",
    "08ECTION02OF02ATHENS959" -> "08ATHENS959"); None when ``text`` cannot
    be a cable ID."""
    return _cable.canonical_id(_text("text", text))


def _hit_to_dict(hit: "Hit") -> Dict[str, Any]:
    out = {name: getattr(hit, name) for name in _HIT_FIELDS}
    out["date"] = hit._date
    return out


def _summary_to_dict(summary: "IndexSummary") -> Dict[str, int]:
    return {name: getattr(summary, name) for name in _SUMMARY_FIELDS}


Hit.date = property(lambda h: _datetime(h._date),
                    doc="The cable's date and time (midnight when it gives none), or None.")
Hit.to_dict = _hit_to_dict
Hit.__repr__ = lambda h: f"<Hit {h.cable} ¶{h.paragraph or '-'} score={h.score:.3f}>"
IndexSummary.to_dict = _summary_to_dict
IndexSummary.__repr__ = lambda s: f"<IndexSummary {_summary_to_dict(s)}>"


class Cable:
    """A parsed cable: attributes as in the JSON form (docs/formats.md):
    ``id``, ``date``, ``classification``, ``origin``, ``tags``, ``subject``,
    ``references``, ``paragraphs`` (each a dict with ``number``, ``marking``,
    ``text``), ``signature`` and the rest. ``date`` is a ``datetime``
    (midnight when the cable gives no time) and ``declassify_on`` a
    ``date``, each None when absent; ``to_dict()`` gives them as the JSON
    writes them."""

    def __init__(self, data: Dict[str, Any]):
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(name) from None
        if name == "date":
            return _datetime(value)
        return _date(value) if name == "declassify_on" else value

    def to_dict(self) -> Dict[str, Any]:
        """The cable as plain data (a copy)."""
        return _json.loads(_json.dumps(self._data))

    def __repr__(self) -> str:
        return f"<Cable {self._data.get('id')} {self._data.get('date', '')}>"


class IndexStats:
    """What an index holds (``Index.stats()``): ``cables``, ``paragraphs``,
    ``first_date`` and ``last_date`` (``datetime``, None when empty),
    ``facets`` (per facet, its most frequent ``[(value, cables), …]``),
    ``bytes`` on disk and ``schema_version``."""

    def __init__(self, raw: Dict[str, Any]):
        self._raw = raw
        self.cables: int = raw["cables"]
        self.paragraphs: int = raw["paragraphs"]
        self.first_date = _datetime(raw["first_date"])
        self.last_date = _datetime(raw["last_date"])
        self.facets: Dict[str, List[FacetValue]] = _facet_values(raw["facets"])
        self.bytes: int = raw["bytes"]
        self.schema_version: int = raw["schema_version"]

    def to_dict(self) -> Dict[str, Any]:
        """Plain data, ready for ``json.dumps`` (dates as ISO text)."""
        out = dict(self._raw)
        out["facets"] = _facets_dict(self.facets)
        return out

    def __repr__(self) -> str:
        return (f"<IndexStats {self.cables} cables, {self.paragraphs} paragraphs, "
                f"{self.first_date}..{self.last_date}>")


class Results:
    """The answer to a search: iterate it for the hits (``Hit`` objects with
    ``cable``, ``paragraph``, ``snippet``, ``date``, ``score``, …)."""

    def __init__(self, raw: "_cable.Results"):
        self._raw = raw
        self.hits: List[Hit] = list(raw.hits)
        #: Matching cables (or paragraphs with ``group="paragraph"``).
        self.total: int = raw.total
        #: Whether ``total`` is exact (always, in this version), else a lower bound.
        self.total_exact: bool = raw.total_exact
        #: Per facet asked for, ``[(value, count), …]`` (FacetValue: a tag's
        #: also has its meaning, ``.name``), most frequent first.
        self.facets: Dict[str, List[FacetValue]] = _facet_values(raw.facets)
        #: A respelled query when few cables matched, or "".
        self.suggestion: str = raw.suggestion

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, i: int) -> Hit:
        return self.hits[i]

    def to_dict(self) -> Dict[str, Any]:
        """Plain data, ready for ``json.dumps``."""
        return {"total": self.total, "total_exact": self.total_exact,
                "hits": [h.to_dict() for h in self.hits],
                "facets": _facets_dict(self.facets),
                "suggestion": self.suggestion}

    def __repr__(self) -> str:
        return f"<Results total={self.total} hits={len(self.hits)}>"


class Index:
    """An index in a directory. Searching opens it for reading; ``add`` and
    ``remove`` open it for writing (created if missing) on first use and
    hold the writer's lock until ``close()``.

    Raises ``cable.Error`` when the index cannot be opened: missing (on a
    search), locked by another writer, of another schema version."""

    def __init__(self, path: Union[str, "_os.PathLike[str]"], shards: int = 0, jobs: int = 0):
        self.path = _path("path", path)
        self._shards = _count("shards", shards)
        self._jobs = _count("jobs", jobs)
        self._writer: Optional[_cable.Writer] = None
        self._searcher: Optional[_cable.Searcher] = None

    def _write(self) -> "_cable.Writer":
        if self._writer is None:
            self._writer = _cable.Writer.open(self.path, self._shards, self._jobs)
        return self._writer

    def _read(self) -> "_cable.Searcher":
        if self._searcher is None:
            self._searcher = _cable.Searcher.open(self.path)
        return self._searcher

    def add(self, path: Union[str, "_os.PathLike[str]"], progress: Optional[Callable[[int, int, int], None]] = None,
            on_error: Optional[Callable[[str], None]] = None,
            on_rewrite: Optional[Callable[[int, int], None]] = None) -> IndexSummary:
        """Indexes a file or directory (recursively, any input form) and
        commits. ``progress(files_done, files_total, cables)`` is called as it
        goes; each input that cannot be read goes to ``on_error(message)``
        (default: ignored, counted in the summary's ``failed``). When a
        replaced cable is in a shard built in bulk, that shard is written anew
        once (the summary's ``shards_rewritten``), which takes about as long as
        indexing its cables did: ``on_rewrite(cables_done, cables_total)`` is
        called as it goes, summed over the shards being rewritten. Raises
        ``cable.Error`` (code 40) when ``path`` does not exist, before the
        index is opened."""
        path = _path("path", path)
        if not _os.path.exists(path):
            error = Error(f"{path}: no such file or directory")
            error.code = 40
            raise error
        summary = self._write().index_path(path, on_error, progress, on_rewrite)
        if self._searcher is not None:
            self._searcher.refresh()
        return summary

    def remove(self, cable_id: str) -> bool:
        """Removes a cable; True when it was there. Raises ``ValueError``
        when ``cable_id`` cannot be a cable ID."""
        removed = self._write().remove(_cable_id("cable_id", cable_id))
        if self._searcher is not None:
            self._searcher.refresh()
        return removed

    def search(self, query: str, limit: int = 10, offset: int = 0,
               facets: Union[str, Sequence[str]] = (), facet_limit: int = 10,
               sort: str = "relevance", group: str = "cable", exact: bool = False,
               snippet_length: int = 240, shard_threads: bool = True) -> Results:
        """Runs a query (docs/query-language.md). ``facets``: one name or a
        sequence of names from "tag", "origin", "class", "year", "month",
        "caption", "person", "precedence"; ``sort`` "relevance", "date" or
        "-date"; ``group`` "cable" (one hit per cable) or "paragraph"
        (docs/query-language.md: what matches). ``exact`` is ignored: totals
        are always exact. ``shard_threads``: on an index of several shards, a
        search that reads many postings matches each shard in a thread of its
        own (the same answer, sooner); False keeps it to one thread. Raises
        ``cable.QueryError`` (with ``position``) on a malformed query,
        ``ValueError`` on an unknown facet, sort or group or a negative
        count, ``TypeError`` on an argument of the wrong type."""
        if not isinstance(shard_threads, bool):
            raise TypeError(f"shard_threads must be a bool, not {type(shard_threads).__name__}")
        return Results(self._read().search(
            _text("query", query), _count("limit", limit), _count("offset", offset),
            _names("facets", facets), _count("facet_limit", facet_limit), _text("sort", sort),
            _text("group", group), _count("snippet_length", snippet_length), shard_threads))

    def get(self, cable_id: str) -> Optional[Cable]:
        """The cable with this ID (canonical, or as the release published
        it), or None. Raises ``ValueError`` when ``cable_id`` cannot be a
        cable ID."""
        text = self._read().cable_json(_cable_id("cable_id", cable_id))
        return Cable(_json.loads(text)) if text is not None else None

    def cited_by(self, cable_id: str) -> List[str]:
        """IDs of the cables whose REF list cites ``cable_id``, oldest first.
        Raises ``ValueError`` when ``cable_id`` cannot be a cable ID."""
        return self._read().cited_by(_cable_id("cable_id", cable_id))

    def stats(self, top: int = 10) -> IndexStats:
        """Counts, the span of dates and the ``top`` most frequent values of
        each facet. Reads every cable's facets: for the number of cables
        alone, ``len(index)`` is cheaper."""
        return IndexStats(self._read().stats(_count("top", top)))

    def __len__(self) -> int:
        """The number of cables in the index."""
        return self._read().cables()

    def __contains__(self, cable_id: object) -> bool:
        """``"09PARIS268" in index``: whether the index has that cable."""
        if not isinstance(cable_id, str) or canonical_id(cable_id) is None:
            return False
        return self._read().cable_json(cable_id) is not None

    def __repr__(self) -> str:
        try:
            return f"<cable.Index {self.path!r}: {len(self)} cables>"
        except Error as e:
            if e.code == 70:
                return f"<cable.Index {self.path!r}: no index there yet>"
            return f"<cable.Index {self.path!r}: cannot be read (error {e.code})>"

    def refresh(self) -> None:
        """Sees commits made by other writers since the index was opened."""
        if self._searcher is not None:
            self._searcher.refresh()

    def close(self) -> None:
        """Commits and releases the writer's lock; searching still works."""
        if self._writer is not None:
            self._writer.commit()
            self._writer = None

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def parse(path: Union[str, "_os.PathLike[str]"],
          on_error: Optional[Callable[[str], None]] = None) -> List[Cable]:
    """Reads and parses a file or directory (any input form) without an
    index. Inputs that cannot be read go to ``on_error(message)``."""
    return [Cable(_json.loads(j)) for j in _cable.parse_json(_path("path", path), on_error)]
