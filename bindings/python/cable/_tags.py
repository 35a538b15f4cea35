"""TAGS codes and what they mean (the glossary compiled into libcable,
libcable/data/tags.tsv), and facet values that carry a tag's meaning."""
from typing import Dict, List, NamedTuple, Optional

from . import _cable
from ._args import _text


class TagInfo(NamedTuple):
    """A TAGS code and what it means, from the glossary compiled into
    libcable (``libcable/data/tags.tsv``): ``kind`` is one of "subject",
    "geo", "org", "program", "person"."""
    code: str
    name: str
    kind: str


def tag_info(code: str) -> Optional[TagInfo]:
    """What TAGS code ``code`` means (its case ignored; "OBAMA, BARACK" is
    read as a person), or None when the glossary does not know it:
    ``tag_info("KTIP").name == "Trafficking in Persons"``."""
    found = _cable.tag_info(_text("code", code))
    return TagInfo(*found) if found else None


def tags_matching(text: str) -> List[TagInfo]:
    """The codes ``text`` names, best first: the code itself, then those
    whose meaning is ``text``, then those whose meaning holds each of its
    words, whole (``tags_matching("korea")`` gives KN and KS)."""
    return [TagInfo(*t) for t in _cable.tags_matching(_text("text", text))]


class FacetValue(tuple):
    """One value of a facet and its count of cables: a pair ``(value,
    count)``, as before, that also has ``.value``, ``.count`` and ``.name``
    (a tag's meaning, else "")."""

    def __new__(cls, value: str, count: int, name: str = ""):
        self = super().__new__(cls, (value, count))
        self.name = name
        return self

    value = property(lambda self: self[0])
    count = property(lambda self: self[1])

    def __getnewargs__(self):
        return (self[0], self[1], self.name)

    def __repr__(self) -> str:
        return f"FacetValue({self[0]!r}, {self[1]!r}, name={self.name!r})"


def _facet_values(raw: Dict[str, list]) -> Dict[str, List[FacetValue]]:
    return {facet: [FacetValue(*v) for v in values] for facet, values in raw.items()}


def _facets_dict(facets: Dict[str, List[FacetValue]]) -> Dict[str, list]:
    """As the command line's JSON writes them: ``{"value", "count"}``, and
    ``"name"`` for tags."""
    return {facet: [{"value": v.value, "name": v.name or None, "count": v.count}
                    if facet == "tag" else {"value": v.value, "count": v.count}
                    for v in values]
            for facet, values in facets.items()}
