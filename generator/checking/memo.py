"""What a check keeps between checks of the same text in one process, as it keeps pattern hits and
frames by text: a second check of a document in a notebook, or a redline after a check in the same
box, does not weigh its sentences again. ``engine.forget_texts`` empties every memo; the answers
are the ones the check would compute, and a memo that is full is emptied, not grown."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Same:
    """A key part that is equal only to the same object (a rule, a library's compiled patterns): the
    object is held while the key is, so its id cannot be reused by another one."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.obj is self.obj


class Memo:
    """Answers by key, at most ``size`` of them."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.answers: dict[Hashable, Any] = {}
        _ALL.append(self)

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The answer kept for ``key``, or ``make()``'s, kept."""
        try:
            return self.answers[key]
        except KeyError:
            if len(self.answers) >= self.size:
                self.answers.clear()
            found = self.answers[key] = make()
            return found

    def clear(self) -> None:
        self.answers.clear()


_ALL: list[Memo] = []


def forget() -> None:
    """Empty every memo."""
    for memo in _ALL:
        memo.clear()
