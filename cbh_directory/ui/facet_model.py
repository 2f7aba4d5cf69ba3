"""The filter tree: groups of checkable values with live counts, from the facet counts.

Focus values sit under Genes/Syndromes/Causes/Broad; regions sit under their country; a
service type's codes sit under the code or top level above them.
Counts change with every search without resetting the tree, so expansion and scrolling stay.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication

from ..domain import vocabulary as vocab
from ..domain.facets import FACET_BY_ID, FACETS, heading_of
from ..domain.language import words
from ..domain.model import Facets, FacetValue, SearchQuery
from ..domain.taxonomy import term_label
from . import colours
from .accessibility import SAID_IN_ROW
from .i18n import number
from .panel import bold_font

Index = QModelIndex | QPersistentModelIndex

MAX_RANGE_UPDATES = 16
KeyRole = Qt.ItemDataRole.UserRole + 1  # (group, value) of a value node
LABEL, COUNT = 0, 1


@dataclass(eq=False)
class Node:
    label: str
    group: str = ""  # filter group of a value ("kind", "focus", "country", "region", ...)
    value: str | None = None  # None for headings
    count: int = 0
    checked: bool = False
    tooltip: str = ""
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    @property
    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class FacetModel(QAbstractItemModel):
    """A tree of filter values with counts; checking a value emits `toggled`."""

    toggled = Signal(str, str, bool)  # group, value, checked

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = Node("")
        self._shape: tuple[Any, ...] = ()
        self._by_key: dict[tuple[str, str], Node] = {}
        self._counting = False  # new results are shown and their counts are on the way
        self._dim: tuple[int, Any] | None = None  # (palette key, colour), see _dimmed

    # -- feeding

    @property
    def counting(self) -> bool:
        return self._counting

    def set_counting(self) -> None:
        """The results changed and their counts follow: show no numbers until they come, never
        the previous search's."""
        if not self._counting and self._root.children:
            self._counting = True
            self._all_counts_changed()

    def _all_counts_changed(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    def set_facets(self, facets: Facets, query: SearchQuery) -> None:
        selected = {(g, v) for g, values in query.filter_values().items() for v in values}
        shape = _shape(facets)
        rebuild = shape != self._shape
        counted, self._counting = self._counting, False
        if rebuild:
            self.beginResetModel()
            self._root = _build(facets)
            self._by_key = {(n.group, n.value): n for n in _walk(self._root) if n.value is not None}
            self._shape = shape
        changed: set[int] = set()  # ids of the parents whose children changed
        for group, values in facets.items():
            for fv in values:
                node = self._by_key.get((group, fv.value))
                if node is None:
                    continue
                checked = (group, fv.value) in selected
                if node.count != fv.count or node.checked != checked:
                    node.count, node.checked = fv.count, checked
                    if node.parent is not None:
                        changed.add(id(node.parent))
        for heading in self._root.children:  # a heading counts its chosen values
            chosen = sum(1 for g, _ in selected if heading_of(FACET_BY_ID[g]) == heading.group)
            if heading.count != chosen:
                heading.count = chosen
                changed.add(id(self._root))
        if rebuild:
            self.endResetModel()
        elif counted or len(changed) > MAX_RANGE_UPDATES:
            # Many regions under many countries: one relayout is far cheaper for the tree
            # view than a dataChanged per country. The structure is the same, so expansion,
            # selection and scrolling stay.
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()
        else:
            self._emit_changed(self._root, changed)

    def _emit_changed(self, node: Node, changed: set[int]) -> None:
        """One dataChanged per parent whose children changed: counts update without a
        reset (the tree keeps its expansion) and without repainting what did not change."""
        if not node.children:
            return
        if id(node) in changed:
            first = self.createIndex(0, LABEL, node.children[0])
            last = self.createIndex(len(node.children) - 1, COUNT, node.children[-1])
            self.dataChanged.emit(first, last)
        for child in node.children:
            if child.children:
                self._emit_changed(child, changed)

    def index_of(self, group: str, value: str) -> QModelIndex:
        node = self._by_key.get((group, value))
        return self.createIndex(node.row, LABEL, node) if node else QModelIndex()

    def group_index(self, group: str) -> QModelIndex:
        for node in self._root.children:
            if node.group == group:
                return self.createIndex(node.row, LABEL, node)
        return QModelIndex()

    def count_of(self, group: str, value: str) -> int:
        node = self._by_key.get((group, value))
        return node.count if node else 0

    # -- Qt model interface

    def _node(self, index: Index) -> Node:
        node: Node = index.internalPointer() if index.isValid() else self._root
        return node

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < 2):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._node(index).value is not None and index.column() == LABEL:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Filter"), "")[section] if 0 <= section < 2 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        is_value = node.value is not None
        top = node.parent is self._root
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LABEL:
                return node.label
            if is_value:
                return "" if self._counting else str(node.count)
            if top and node.count:
                return self.on_count(node)
            return None
        if role == Qt.ItemDataRole.CheckStateRole and is_value and column == LABEL:
            return Qt.CheckState.Checked if node.checked else Qt.CheckState.Unchecked
        if role == KeyRole and is_value:
            return (node.group, node.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Always the whole label first: a narrow panel or large text cuts it short.
            tip = node.tooltip
            if node.label.lower() in tip.lower():
                return tip
            return f"{node.label}: {tip}" if tip else node.label
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COUNT:  # the row is said once, from its label
                return SAID_IN_ROW
            if is_value:
                return self.accessible_text(node)
            if top and node.count:  # its count column is not said: "Kind, 1 checked"
                return f"{node.label}, " + self.tr("%s checked") % number(node.count)
            return node.label
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == LABEL:
            # where it sits (Focus › Genes) and what it means: tooltips are not read out
            path = " › ".join(self.path(node))
            return f"{path}. {node.tooltip}" if node.tooltip and path else node.tooltip or path
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and is_value
            and node.count == 0
            and not node.checked
            and not self._counting
        ):
            return self._dimmed()
        if role == Qt.ItemDataRole.FontRole and top:
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _dimmed(self) -> Any:
        """The colour of a value with no results, worked out once per palette (a readable
        shade is searched for, and dozens of cells ask at every paint)."""
        palette = QApplication.palette()
        if self._dim is None or self._dim[0] != palette.cacheKey():
            self._dim = (palette.cacheKey(), colours.dimmed(palette))
        return self._dim[1]

    def on_count(self, node: Node) -> str:
        """How many values of a top group are checked, short: "1 on"."""
        return self.tr("%s on") % number(node.count)

    def accessible_text(self, node: Node) -> str:
        """ "CASK, 4 results, not checked": the name, the count and the state, once."""
        count = (
            self.tr("1 result") if node.count == 1 else self.tr("%s results") % number(node.count)
        )
        state = self.tr("checked") if node.checked else self.tr("not checked")
        if self._counting:
            return f"{node.label}, {state}"
        return f"{node.label}, {count}, {state}"

    def path(self, node: Node) -> list[str]:
        """The headings above a node, outermost first."""
        above: list[str] = []
        parent = node.parent
        while parent is not None and parent is not self._root:
            above.insert(0, parent.label)
            parent = parent.parent
        return above

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        node = self._node(index)
        if node.value is None:
            return False
        checked = (
            Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        )
        if checked == node.checked:
            return True
        node.checked = checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(node.group, node.value, checked)
        return True


def _shape(facets: Facets) -> tuple[Any, ...]:
    return tuple(
        (group, tuple(v.value for v in values)) for group, values in sorted(facets.items())
    )


def _walk(node: Node) -> Iterator[Node]:
    for child in node.children:
        yield child
        yield from _walk(child)


def _build(facets: Facets) -> Node:
    """One heading per heading of the registry (domain/facets.py), in its order."""
    root = Node("")
    headings: dict[str, Node] = {}
    values: dict[tuple[str, str], Node] = {}  # (facet, value) -> node, for nesting
    for facet in FACETS:
        key = heading_of(facet)
        if key not in headings:
            headings[key] = root.add(
                Node(words(facet.heading_label), group=key, tooltip=words(facet.heading_help))
            )
        heading = headings[key]
        subgroups = {
            g.id: heading.add(Node(words(g.label), tooltip=words(g.explanation)))
            for g in facet.subgroups
        }
        terms = facet.term_by_id
        for fv in facets.get(facet.id, []):
            node = _value_node(facet.id, fv, _tooltip(terms.get(fv.value), words(fv.label)))
            if fv.value in facet.short_labels:
                node.label = words(facet.short_labels[fv.value])
                if node.label != words(fv.label):  # the full name, not said twice
                    node.tooltip = f"{words(fv.label)}: {node.tooltip}"
            if subgroups:
                parent = subgroups.get(fv.group) or list(subgroups.values())[-1]
            elif facet.item_path is not None and fv.group:
                # below the top level (Basic Needs › Food Pantries): under its parent value
                parent = values.get((facet.id, fv.group)) or heading
                node.tooltip = term_label({"code": fv.value, "name": node.label})
            elif facet.nest_under:
                parent = values.get((facet.nest_under, fv.group)) or heading.add(
                    Node(fv.group or QCoreApplication.translate("facet_model", "Other"))
                )
                values[(facet.nest_under, fv.group)] = parent
            else:
                parent = heading
            values[(facet.id, fv.value)] = parent.add(node)
    return root


def _tooltip(term: vocab.Term | vocab.FocusTerm | None, label: str) -> str:
    """A term's explanation, or for a focus term the other names it goes by."""
    if isinstance(term, vocab.FocusTerm):
        also = ", ".join(term.synonyms)
        return label + (f" (also: {also})" if also else "")
    return words(term.explanation) if term is not None else ""


def _value_node(group: str, fv: FacetValue, tooltip: str = "") -> Node:
    return Node(words(fv.label), group=group, value=fv.value, count=fv.count, tooltip=tooltip)
