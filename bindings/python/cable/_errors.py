"""The exceptions of libcable, defined in Python so that they pickle and
subclass like any other."""


class Error(Exception):
    """Something libcable could not do: an unreadable file, an index that is
    missing, locked by another writer, of another schema version, or on a full
    disk. ``str(e)`` names the file, index or query position at fault;
    ``e.code`` is the numeric code of the C and C++ APIs."""

    code: int = 99


class QueryError(Error, ValueError):
    """A malformed query. ``e.position`` is the byte offset of the fault in the
    query, ``e.problem`` the message without it."""

    position: int = 0
    problem: str = ""
