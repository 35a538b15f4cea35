# Type stubs of the package `cable` (libcable for Python).
import datetime
import os
from typing import Any, Callable, Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

__version__: str

class Error(Exception):
    code: int

class QueryError(Error, ValueError):
    position: int
    problem: str

class Hit:
    cable: str
    paragraph: str
    order: int
    marking: str
    date: Optional[datetime.datetime]  # midnight when the cable gives no time
    subject: str
    origin: str
    classification: str
    score: float
    snippet: str
    other_matches: int
    def to_dict(self) -> Dict[str, Any]: ...

class IndexSummary:
    files: int
    files_unchanged: int
    cables_added: int
    cables_replaced: int
    cables_unchanged: int
    paragraphs: int
    failed: int
    bytes: int
    shards_rewritten: int
    def to_dict(self) -> Dict[str, int]: ...

class Cable:
    id: str
    date: Optional[datetime.datetime]  # midnight when the cable gives no time
    declassify_on: Optional[datetime.date]
    classification: str
    origin: str
    subject: str
    tags: List[str]
    references: List[Dict[str, Any]]
    paragraphs: List[Dict[str, Any]]
    signature: str
    def __init__(self, data: Dict[str, Any]) -> None: ...
    def __getattr__(self, name: str) -> Any: ...
    def to_dict(self) -> Dict[str, Any]: ...

class IndexStats:
    cables: int
    paragraphs: int
    first_date: Optional[datetime.datetime]
    last_date: Optional[datetime.datetime]
    facets: Dict[str, List[FacetValue]]
    bytes: int
    schema_version: int
    def __init__(self, raw: Dict[str, Any]) -> None: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Results:
    hits: List[Hit]
    total: int
    total_exact: bool
    facets: Dict[str, List[FacetValue]]
    suggestion: str
    def __iter__(self) -> Iterator[Hit]: ...
    def __len__(self) -> int: ...
    def __getitem__(self, i: int) -> Hit: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Index:
    path: str
    def __init__(self, path: Union[str, os.PathLike[str]], shards: int = 0,
                 jobs: int = 0) -> None: ...
    def add(self, path: Union[str, os.PathLike[str]], progress: Optional[Callable[[int, int, int], None]] = None,
            on_error: Optional[Callable[[str], None]] = None,
            on_rewrite: Optional[Callable[[int, int], None]] = None) -> IndexSummary: ...
    def remove(self, cable_id: str) -> bool: ...
    def search(self, query: str, limit: int = 10, offset: int = 0,
               facets: Union[str, Sequence[str]] = (), facet_limit: int = 10,
               sort: str = "relevance",
               group: str = "cable", exact: bool = False,
               snippet_length: int = 240, shard_threads: bool = True) -> Results: ...
    def get(self, cable_id: str) -> Optional[Cable]: ...
    def cited_by(self, cable_id: str) -> List[str]: ...
    def stats(self, top: int = 10) -> IndexStats: ...
    def __len__(self) -> int: ...
    def __contains__(self, cable_id: object) -> bool: ...
    def refresh(self) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> Index: ...
    def __exit__(self, *exc: Any) -> None: ...

def parse(path: Union[str, os.PathLike[str]],
          on_error: Optional[Callable[[str], None]] = None) -> List[Cable]: ...
def canonical_id(text: str) -> Optional[str]: ...

class TagInfo(NamedTuple):
    code: str
    name: str
    kind: str

class FacetValue(Tuple[str, int]):
    name: str
    @property
    def value(self) -> str: ...
    @property
    def count(self) -> int: ...

def tag_info(code: str) -> Optional[TagInfo]: ...
def tags_matching(text: str) -> List[TagInfo]: ...
