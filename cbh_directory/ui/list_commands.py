"""Undoable list changes (QUndoStack commands): add, remove, move, create, rename, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..domain.errors import CBHError
from ..domain.lists import ListDump
from ..service import Directory

Changed = Callable[[], None]


class ListCommand(QUndoCommand):
    """Base: each command calls `changed` after doing or undoing, so views refresh."""

    def __init__(self, directory: Directory, changed: Changed, text: str) -> None:
        super().__init__(text)
        self.directory = directory
        self.changed = changed
        self.error = ""

    def redo(self) -> None:
        try:
            self.do()
        except CBHError as exc:
            # A command that could not be done leaves the stack at once (Qt drops obsolete
            # commands after push); the window shows `error`.
            self.error = exc.message
            self.setObsolete(True)
            return
        self.changed()

    def undo(self) -> None:
        self.revert()
        self.changed()

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddToList(ListCommand):
    def __init__(
        self, directory: Directory, changed: Changed, list_id: int, ids: list[str], name: str
    ) -> None:
        super().__init__(
            directory,
            changed,
            QCoreApplication.translate("ListCommand", "Add %s to %s") % (_count(ids), name),
        )
        self.list_id, self.ids = list_id, ids
        self.added: list[str] = []

    def do(self) -> None:
        self.added = self.directory.add_to_list(self.list_id, self.ids)

    def revert(self) -> None:
        self.directory.remove_from_list(self.list_id, self.added)


class RemoveFromList(ListCommand):
    def __init__(
        self, directory: Directory, changed: Changed, list_id: int, ids: list[str], name: str
    ) -> None:
        super().__init__(
            directory,
            changed,
            QCoreApplication.translate("ListCommand", "Remove %s from %s") % (_count(ids), name),
        )
        self.list_id, self.ids = list_id, ids
        self.removed: list[dict[str, Any]] = []

    def do(self) -> None:
        self.removed = self.directory.remove_from_list(self.list_id, self.ids)

    def revert(self) -> None:
        self.directory.restore_items(self.list_id, self.removed)


class MoveItem(ListCommand):
    def __init__(
        self, directory: Directory, changed: Changed, list_id: int, resource_id: str, offset: int
    ) -> None:
        super().__init__(
            directory,
            changed,
            QCoreApplication.translate("ListCommand", "Move up")
            if offset < 0
            else QCoreApplication.translate("ListCommand", "Move down"),
        )
        self.list_id, self.resource_id, self.offset = list_id, resource_id, offset
        self.before: list[str] = []

    def do(self) -> None:
        self.before = self.directory.move_item(self.list_id, self.resource_id, self.offset)

    def revert(self) -> None:
        self.directory.reorder_list(self.list_id, self.before)


class CreateList(ListCommand):
    """Create (or duplicate) a list; undo deletes it, redo brings it back with the same id."""

    def __init__(
        self, directory: Directory, changed: Changed, name: str, copy_of: int | None = None
    ) -> None:
        super().__init__(
            directory,
            changed,
            (
                QCoreApplication.translate("ListCommand", "Duplicate list %s")
                if copy_of
                else QCoreApplication.translate("ListCommand", "New list %s")
            )
            % name,
        )
        self.name, self.copy_of = name, copy_of
        self.list_id: int | None = None
        self.dump: ListDump | None = None

    def do(self) -> None:
        if self.dump is not None:
            self.list_id = self.directory.restore_list(self.dump).id
        elif self.copy_of is not None:
            self.list_id = self.directory.duplicate_list(self.copy_of, self.name).id
        else:
            self.list_id = self.directory.create_list(self.name).id

    def revert(self) -> None:
        assert self.list_id is not None
        self.dump = self.directory.delete_list(self.list_id)


class RenameList(ListCommand):
    def __init__(
        self, directory: Directory, changed: Changed, list_id: int, old: str, new: str
    ) -> None:
        super().__init__(
            directory,
            changed,
            QCoreApplication.translate("ListCommand", "Rename %s to %s") % (old, new),
        )
        self.list_id, self.old, self.new = list_id, old, new

    def do(self) -> None:
        self.directory.rename_list(self.list_id, self.new)

    def revert(self) -> None:
        self.directory.rename_list(self.list_id, self.old)


class DeleteList(ListCommand):
    def __init__(self, directory: Directory, changed: Changed, list_id: int, name: str) -> None:
        super().__init__(
            directory, changed, QCoreApplication.translate("ListCommand", "Delete list %s") % name
        )
        self.list_id = list_id
        self.dump: ListDump | None = None

    def do(self) -> None:
        self.dump = self.directory.delete_list(self.list_id)

    def revert(self) -> None:
        assert self.dump is not None
        self.list_id = self.directory.restore_list(self.dump).id


def _count(ids: list[str]) -> str:
    return (
        QCoreApplication.translate("list_commands", "1 resource")
        if len(ids) == 1
        else QCoreApplication.translate("list_commands", "%s resources") % len(ids)
    )
