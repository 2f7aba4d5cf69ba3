"""A facet's values below its top level (Service type: B › BD-1800 › BD-1800.2000): the tree
found in the data, its counts in one pass over the selection, and the rows a value chooses."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from ..domain.facets import Facet
from ..domain.model import FacetValue


@dataclass(slots=True)
class FacetTree:
    values: list[str]  # the values below the top level, parents before their children
    labels: list[str]
    parents: list[str]  # what each sits under: a top-level value or one of `values`
    # One (row position, value) pair for each resource and each value it sits under: its
    # terms' own values and the kept values above them, once each.
    rows: np.ndarray
    nodes: np.ndarray

    def counts(self, selected: np.ndarray, under: Iterable[str]) -> list[FacetValue]:
        """Each value's count among the `selected` rows (a boolean mask), for the values that
        sit under one of `under` (directly or deeper); FacetValue.group names the parent."""
        shown = set(under)
        counted = np.bincount(self.nodes[selected[self.rows]], minlength=len(self.values))
        found = []
        for n, value in enumerate(self.values):
            if self.parents[n] in shown:
                shown.add(value)
                found.append(FacetValue(value, self.labels[n], int(counted[n]), self.parents[n]))
        return found

    def chosen(self, facet: Facet, values: Iterable[str], size: int) -> np.ndarray | None:
        """The rows under any of `values` (None when none of them is in the tree). A value
        the data has no term for ("PN-8100", typed) chooses the values under it."""
        position = {value: n for n, value in enumerate(self.values)}
        wanted = [position[v] for v in values if v in position]
        other = {v for v in values if v not in position}
        if other and facet.item_path is not None:
            wanted += [
                n
                for n, value in enumerate(self.values)
                if other.intersection(facet.item_path({"code": value, "name": ""}))
            ]
        if not wanted:
            return None
        mask = np.zeros(size, dtype=bool)
        mask[self.rows[np.isin(self.nodes, wanted)]] = True
        return mask


def tree_names(trees: Mapping[str, FacetTree]) -> dict[str, dict[str, str]]:
    """Per facet, each value below the top level and its name ("BD-1800.2000": "Food
    Pantries"), for words that name chosen values."""
    return {facet_id: dict(zip(t.values, t.labels, strict=True)) for facet_id, t in trees.items()}


def build_tree(facet: Facet, pk: np.ndarray, terms: Iterable[tuple[int, str, str]]) -> FacetTree:
    """The tree of `facet` (with item_path) from (resource key, code, name) of each object."""
    assert facet.item_path is not None and facet.item_value is not None
    # The same few thousand terms recur across many resources: each is worked out once, and
    # the rows are handled as arrays of term numbers.
    numbered: dict[tuple[str, str], int] = {}
    keys: list[int] = []
    which: list[int] = []
    for key, code, name in terms:
        keys.append(key)
        which.append(numbered.setdefault((code or "", name or ""), len(numbered)))
    uses = np.bincount(np.array(which, dtype=np.int64), minlength=len(numbered))
    shapes: list[tuple[str, tuple[str, ...]]] = []
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for (code, name), used in zip(numbered, uses.tolist(), strict=True):
        term = {"code": code, "name": name}
        path = facet.item_path(term)
        shapes.append((facet.item_value(term), path))
        if path:
            names[path[-1]][name or path[-1]] += used
    parent: dict[str, str] = {}
    for top, path in shapes:
        kept = [value for value in path if value in names]
        for n, value in enumerate(kept):
            parent.setdefault(value, kept[n - 1] if n else top)
    label = {value: counter.most_common(1)[0][0] for value, counter in names.items()}
    children: dict[str, list[str]] = defaultdict(list)
    for value in sorted(parent, key=lambda v: (label[v].casefold(), v)):
        children[parent[value]].append(value)
    order: list[str] = []
    stack = sorted({p for p in parent.values() if p not in parent}, reverse=True)
    while stack:  # parents before children, siblings by label
        value = stack.pop()
        if value in parent:
            order.append(value)
        stack.extend(reversed(children[value]))
    number = {value: n for n, value in enumerate(order)}
    # Each term's values (its own and those above it) end to end, and each row repeated once
    # per value of its term.
    under = [[number[v] for v in path if v in number] for _, path in shapes]
    lengths = np.array([len(u) for u in under], dtype=np.int64)
    flat = np.array([n for u in under for n in u], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(under) else lengths
    term_of_row = np.array(which, dtype=np.int64)
    repeats = lengths[term_of_row]
    total = int(repeats.sum())
    first = np.repeat(starts[term_of_row] - np.cumsum(repeats) + repeats, repeats)
    nodes = flat[first + np.arange(total)] if total else flat
    row_keys = np.repeat(np.array(keys, dtype=np.int64), repeats)
    width = max(len(order), 1)
    pairs = np.unique(row_keys * width + nodes)
    return FacetTree(
        values=order,
        labels=[label[v] for v in order],
        parents=[parent[v] for v in order],
        rows=np.searchsorted(pk, pairs // width).astype(np.int64),
        nodes=(pairs % width).astype(np.int64),
    )
