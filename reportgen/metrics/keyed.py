"""``Keyed``: the ordered, read-only collection every list in a metrics result is."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar, overload

from reportgen.errors import ReportgenError

T = TypeVar("T")


class KeyedSequence(Generic[T]):
    """An ordered, read-only sequence that can also be indexed by key: what every list of a
    metrics result (:class:`Keyed`) and its frozen template copy
    (:class:`reportgen.sandbox.KeyedValues`) have in common."""

    __slots__ = ("_items", "_index")
    _items: tuple[T, ...]
    _index: dict[str, T]

    def _hold(self, items: Iterable[T], index: dict[str, T]) -> None:
        # object.__setattr__: a subclass may refuse attribute writes once it is made.
        object.__setattr__(self, "_items", tuple(items))
        object.__setattr__(self, "_index", index)

    @overload
    def __getitem__(self, key: int) -> T: ...
    @overload
    def __getitem__(self, key: str) -> T: ...
    def __getitem__(self, key: int | str) -> T:
        if isinstance(key, str):
            if key not in self._index:
                # Raised as the user's error so a narrative's typo names what there is.
                known = ", ".join(f"'{k}'" for k in self._index) or "none"
                raise ReportgenError(f"no item '{key}' here (there are: {known})")
            return self._index[key]
        return self._items[key]

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __bool__(self) -> bool:
        return bool(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, KeyedSequence):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            return self._items == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)


class Keyed(KeyedSequence[T]):
    """An ordered, read-only list that can also be indexed by key.

    Templates iterate it (``{% for t in placements.by_type %}``) or pick one item by its key
    (``placements.by_type['residential']``) or position (``budget.lines[0]``).
    """

    __slots__ = ("_keys",)

    def __init__(self, items: Iterable[T], key: Callable[[T], str]) -> None:
        held = tuple(items)
        self._keys: tuple[str, ...] = tuple(key(item) for item in held)
        index: dict[str, T] = {}
        for k, item in zip(self._keys, held, strict=True):
            index.setdefault(k, item)  # first wins; figures use positions for repeats
        self._hold(held, index)

    def __repr__(self) -> str:
        return f"Keyed({list(self._items)!r})"

    def get(self, key: str, default: T | None = None) -> T | None:
        return self._index.get(key, default)

    def keys(self) -> list[str]:
        return list(self._index)

    def is_unique(self, key: str) -> bool:
        """True when exactly one item has this key (so a key lookup is unambiguous)."""
        return self._keys.count(key) == 1
