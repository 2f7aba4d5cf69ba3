"""Everything the window does with lists: actions, menus, dialogs, and the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from ..domain.errors import CBHError
from ..domain.lists import ListImportReport, ListInfo
from ..service import Directory
from . import msgbox
from .actions import make_action
from .i18n import list_name
from .list_commands import (
    AddToList,
    CreateList,
    DeleteList,
    ListCommand,
    MoveItem,
    RemoveFromList,
    RenameList,
)


class ListActions(QObject):
    """Owns the undo stack and the list actions; `changed` fires after any list change."""

    changed = Signal()
    message = Signal(str)

    def __init__(
        self,
        directory: Directory,
        parent_widget: QWidget,
        selected_ids: Callable[[], list[str]],
        current_list: Callable[[], ListInfo | None],
    ) -> None:
        super().__init__(parent_widget)
        self.directory = directory
        self.parent_widget = parent_widget
        self.selected_ids = selected_ids
        self.current_list = current_list
        self.stack = QUndoStack(self)

        self.undo_action = self.stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)

        self.bookmark_action = self._action(self.tr("Bookmark"), "Ctrl+D", self.toggle_bookmarks)
        self.new_list_action = self._action(
            self.tr("&New List…"), "Ctrl+Shift+N", lambda: self.new_list()
        )
        self.rename_list_action = self._action(
            self.tr("&Rename List…"), None, lambda: self.rename_list()
        )
        self.duplicate_list_action = self._action(
            self.tr("D&uplicate List…"), None, lambda: self.duplicate_list()
        )
        self.delete_list_action = self._action(self.tr("&Delete List"), None, self.delete_list)
        self.export_list_action = self._action(
            self.tr("Export Lis&t for Sharing…"), None, lambda: self.export_list()
        )
        self.import_list_action = self._action(
            self.tr("Import &Shared List…"), None, lambda: self.import_list()
        )
        self.remove_action = self._action(self.tr("Re&move from List"), None, self.remove_selected)
        self.move_up_action = self._action(
            self.tr("Move U&p"), "Alt+Up", lambda: self.move_selected(-1)
        )
        self.move_down_action = self._action(
            self.tr("Move Do&wn"), "Alt+Down", lambda: self.move_selected(1)
        )
        self.update_enabled()

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        return make_action(self.parent_widget, text, slot, shortcut or None)

    # -- state

    def update_enabled(self, list_order: bool = False) -> None:
        current = self.current_list()
        user_list = current is not None and not current.is_bookmarks
        has_selection = bool(self.selected_ids())
        self.rename_list_action.setEnabled(user_list)
        self.delete_list_action.setEnabled(user_list)
        self.duplicate_list_action.setEnabled(current is not None)
        self.export_list_action.setEnabled(current is not None)
        self.remove_action.setEnabled(current is not None and has_selection)
        self.remove_action.setText(
            self.tr("Re&move from %s") % current.name if current else self.tr("Re&move from List")
        )
        self.move_up_action.setEnabled(current is not None and has_selection and list_order)
        self.move_down_action.setEnabled(current is not None and has_selection and list_order)
        self.bookmark_action.setEnabled(has_selection)

    def push(self, command: ListCommand) -> bool:
        self.stack.push(command)
        if command.error:
            self._warn(command.error)
            return False
        return True

    def _changed(self) -> None:
        self.changed.emit()

    def _warn(self, text: str) -> None:
        msgbox.warn(self.parent_widget, msgbox.TITLE, text)

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        return msgbox.get_text(self.parent_widget, title, label, text)

    # -- items

    def add_to(self, list_id: int, ids: list[str] | None = None) -> bool:
        ids = ids if ids is not None else self.selected_ids()
        if not ids:
            return False
        info = self.directory.list_info(list_id)
        ok = self.push(AddToList(self.directory, self._changed, list_id, ids, info.name))
        if ok:
            self.message.emit(self.tr("Added to %s") % info.name)
        return ok

    def remove_from(self, list_id: int, ids: list[str]) -> bool:
        info = self.directory.list_info(list_id)
        ok = self.push(RemoveFromList(self.directory, self._changed, list_id, ids, info.name))
        if ok:
            self.message.emit(self.tr("Removed from %s (Ctrl+Z to undo)") % info.name)
        return ok

    def remove_selected(self) -> None:
        current = self.current_list()
        ids = self.selected_ids()
        if current is not None and ids:
            self.remove_from(current.id, ids)

    def toggle_bookmarks(self, ids: list[str] | None = None) -> None:
        """Star the resources, or unstar them if all are starred already."""
        ids = ids if ids is not None else self.selected_ids()
        if not ids:
            return
        bookmarks = self.directory.bookmarks()
        starred = self.directory.list_ids(bookmarks.id)
        if all(rid in starred for rid in ids):
            self.remove_from(bookmarks.id, ids)
        else:
            self.add_to(bookmarks.id, [rid for rid in ids if rid not in starred])

    def move_selected(self, offset: int) -> None:
        current = self.current_list()
        ids = self.selected_ids()
        if current is not None and len(ids) == 1:
            self.push(MoveItem(self.directory, self._changed, current.id, ids[0], offset))

    def set_item_note(self, list_id: int, resource_id: str, note: str) -> None:
        try:
            self.directory.set_item_note(list_id, resource_id, note)
        except CBHError as exc:
            self._warn(exc.message)

    def set_list_note(self, list_id: int, note: str) -> None:
        try:
            self.directory.set_list_note(list_id, note)
        except CBHError as exc:
            self._warn(exc.message)

    # -- lists

    def new_list(self, name: str | None = None, add_ids: list[str] | None = None) -> int | None:
        name = name or self._ask_name(
            self.tr("New list"), self.tr("Name of the new list (e.g. Rivera family — March visit):")
        )
        if not name:
            return None
        command = CreateList(self.directory, self._changed, name)
        if not self.push(command):
            return None
        if add_ids and command.list_id is not None:
            self.add_to(command.list_id, add_ids)
        return command.list_id

    def rename_list(self, name: str | None = None) -> None:
        current = self.current_list()
        if current is None or current.is_bookmarks:
            return
        name = name or self._ask_name(self.tr("Rename list"), self.tr("New name:"), current.name)
        if name and name != current.name:
            self.push(RenameList(self.directory, self._changed, current.id, current.name, name))

    def duplicate_list(self, name: str | None = None) -> None:
        current = self.current_list()
        if current is None:
            return
        name = name or self._ask_name(
            self.tr("Duplicate list"), self.tr("Name of the copy:"), f"{current.name} (copy)"
        )
        if name:
            self.push(CreateList(self.directory, self._changed, name, copy_of=current.id))

    def delete_list(self) -> None:
        """Delete the chosen list; undoable, so no confirmation is asked."""
        current = self.current_list()
        if current is None or current.is_bookmarks:
            return
        if self.push(DeleteList(self.directory, self._changed, current.id, current.name)):
            self.message.emit(self.tr("Deleted %s (Ctrl+Z to undo)") % current.name)

    # -- sharing

    def export_list(self, path: Path | None = None) -> Path | None:
        current = self.current_list()
        if current is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                self.tr("Export list for sharing"),
                f"{current.name}.cbhlist.json",
                self.tr("CBH Directory list (*.json)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            count = self.directory.export_list(current.id, path)
        except CBHError as exc:
            self._warn(exc.message)
            return None
        self.message.emit(self.tr("Saved %s items of %s to %s") % (count, current.name, path.name))
        return path

    def import_list(self, path: Path | None = None) -> ListImportReport | None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent_widget,
                self.tr("Import shared list"),
                "",
                self.tr("CBH Directory list (*.json)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            preview = self.directory.import_list(path, apply=False)
            if not self._confirm_import(preview):
                return None
            report = self.directory.import_list(path, apply=True)
        except CBHError as exc:
            self._warn(exc.message)
            return None
        self.stack.clear()  # list ids may have changed under older commands
        self._changed()
        self.message.emit(self.tr("Imported ") + report.summary())
        return report

    def _confirm_import(self, preview: ListImportReport) -> bool:
        return msgbox.ask(
            self.parent_widget,
            self.tr("Import shared list"),
            self.tr("Import ") + preview.summary() + "?",
            informative=self.tr(
                "Items already in your list keep their notes. Nothing else changes."
            ),
            yes=msgbox.Button.Apply,
            no=msgbox.Button.Cancel,
        )

    # -- menus

    def fill_add_menu(self, menu: QMenu) -> None:
        """Fill an "Add to list" menu: every list, then a new one."""
        menu.clear()
        ids = self.selected_ids()
        for info in self.directory.lists():
            action = menu.addAction(list_name(info))
            action.triggered.connect(lambda _c=False, list_id=info.id: self.add_to(list_id, ids))
        menu.addSeparator()
        new = menu.addAction(self.tr("New List…"))
        new.triggered.connect(lambda _c=False: self.new_list(add_ids=ids))
        menu.setEnabled(bool(ids))

    def results_menu(self, parent: QWidget, position: QPoint, copy_contact: QAction) -> QMenu:
        menu = QMenu(parent)
        starred = self.directory.bookmarked_ids()
        ids = self.selected_ids()
        self.bookmark_action.setText(
            self.tr("Remove Bookmark")
            if ids and all(i in starred for i in ids)
            else self.tr("Bookmark")
        )
        menu.addAction(self.bookmark_action)
        self.fill_add_menu(menu.addMenu(self.tr("Add to List")))
        if self.current_list() is not None:
            menu.addAction(self.remove_action)
            menu.addAction(self.move_up_action)
            menu.addAction(self.move_down_action)
        menu.addSeparator()
        menu.addAction(copy_contact)
        return menu

    def sidebar_actions(self) -> list[QAction]:
        return [
            self.new_list_action,
            self.rename_list_action,
            self.duplicate_list_action,
            self.delete_list_action,
            self.export_list_action,
            self.import_list_action,
        ]
