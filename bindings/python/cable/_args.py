"""Checks of the arguments the package's functions take."""
from typing import Any


def _text(name: str, value: Any) -> str:
    """``value``, which must be a str (``name`` says which argument)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value
