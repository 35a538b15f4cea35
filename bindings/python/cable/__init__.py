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
import json as _json
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from ._errors import Error, QueryError
from . import _cable

__version__: str = _cable.__version__
__all__ = ["Index", "Results", "Hit", "Cable", "IndexSummary", "parse", "Error", "QueryError",
           "__version__"]

Hit = _cable.Hit
IndexSummary = _cable.IndexSummary

_HIT_FIELDS = ("cable", "paragraph", "order", "marking", "date", "subject", "origin",
               "classification", "score", "snippet", "other_matches")
_SUMMARY_FIELDS = ("files", "files_unchanged", "cables_added", "cables_replaced",
                   "cables_unchanged", "paragraphs", "failed", "bytes", "shards_rewritten")


def _hit_to_dict(hit: "Hit") -> Dict[str, Any]:
    return {name: getattr(hit, name) for name in _HIT_FIELDS}


def _summary_to_dict(summary: "IndexSummary") -> Dict[str, int]:
    return {name: getattr(summary, name) for name in _SUMMARY_FIELDS}


Hit.to_dict = _hit_to_dict
Hit.__repr__ = lambda h: f"<Hit {h.cable} ¶{h.paragraph or '-'} score={h.score:.3f}>"
IndexSummary.to_dict = _summary_to_dict
IndexSummary.__repr__ = lambda s: f"<IndexSummary {_summary_to_dict(s)}>"


class Cable:
    """A parsed cable: attributes as in the JSON form (docs/formats.md):
    ``id``, ``date``, ``classification``, ``origin``, ``tags``, ``subject``,
    ``references``, ``paragraphs`` (each a dict with ``number``, ``marking``,
    ``text``), ``signature`` and the rest."""

    def __init__(self, data: Dict[str, Any]):
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    def to_dict(self) -> Dict[str, Any]:
        """The cable as plain data (a copy)."""
        return _json.loads(_json.dumps(self._data))

    def __repr__(self) -> str:
        return f"<Cable {self._data.get('id')} {self._data.get('date', '')[:10]}>"


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
        #: Per facet asked for, ``[(value, count), …]``, most frequent first.
        self.facets: Dict[str, List[Tuple[str, int]]] = raw.facets
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
                "facets": {k: [list(v) for v in vs] for k, vs in self.facets.items()},
                "suggestion": self.suggestion}

    def __repr__(self) -> str:
        return f"<Results total={self.total} hits={len(self.hits)}>"


class Index:
    """An index in a directory. Searching opens it for reading; ``add`` and
    ``remove`` open it for writing (created if missing) on first use and
    hold the writer's lock until ``close()``.

    Raises ``cable.Error`` when the index cannot be opened: missing (on a
    search), locked by another writer, of another schema version."""

    def __init__(self, path: str, shards: int = 0, jobs: int = 0):
        self.path = str(path)
        self._shards = shards
        self._jobs = jobs
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

    def add(self, path: str, progress: Optional[Callable[[int, int, int], None]] = None,
            on_error: Optional[Callable[[str], None]] = None,
            on_rewrite: Optional[Callable[[int, int], None]] = None) -> IndexSummary:
        """Indexes a file or directory (recursively, any input form) and
        commits. ``progress(files_done, files_total, cables)`` is called as it
        goes; each input that cannot be read goes to ``on_error(message)``
        (default: ignored, counted in the summary's ``failed``). When a
        replaced cable is in a shard built in bulk, that shard is written anew
        once (the summary's ``shards_rewritten``), which takes about as long as
        indexing its cables did: ``on_rewrite(cables_done, cables_total)`` is
        called as it goes, summed over the shards being rewritten."""
        summary = self._write().index_path(str(path), on_error, progress, on_rewrite)
        if self._searcher is not None:
            self._searcher.refresh()
        return summary

    def remove(self, cable_id: str) -> bool:
        """Removes a cable; True when it was there."""
        removed = self._write().remove(cable_id)
        if self._searcher is not None:
            self._searcher.refresh()
        return removed

    def search(self, query: str, limit: int = 10, offset: int = 0,
               facets: Sequence[str] = (), facet_limit: int = 10, sort: str = "relevance",
               group: str = "cable", exact: bool = False, snippet_length: int = 240,
               shard_threads: bool = True) -> Results:
        """Runs a query (docs/query-language.md). ``facets`` from "tag",
        "origin", "class", "year", "month", "caption", "person", "precedence";
        ``sort`` "relevance",
        "date" or "-date"; ``group`` "cable" (one hit per cable) or
        "paragraph" (docs/query-language.md: what matches). ``exact`` is
        ignored: totals are always exact. ``shard_threads``: on an index of several shards, a
        search that reads many postings matches each shard in a thread of its
        own (the same answer, sooner); False keeps it to one thread. Raises
        ``cable.QueryError`` (with ``position``) on a malformed query,
        ``ValueError`` on an unknown facet, sort or group."""
        return Results(self._read().search(query, limit, offset, list(facets), facet_limit,
                                           sort, group, snippet_length, shard_threads))

    def get(self, cable_id: str) -> Optional[Cable]:
        """The cable with this ID, or None."""
        text = self._read().cable_json(cable_id)
        return Cable(_json.loads(text)) if text is not None else None

    def cited_by(self, cable_id: str) -> List[str]:
        """IDs of the cables whose REF list cites ``cable_id``, oldest first."""
        return self._read().cited_by(cable_id)

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


def parse(path: str, on_error: Optional[Callable[[str], None]] = None) -> List[Cable]:
    """Reads and parses a file or directory (any input form) without an
    index. Inputs that cannot be read go to ``on_error(message)``."""
    return [Cable(_json.loads(j)) for j in _cable.parse_json(str(path), on_error)]
