"""The service's lists: Bookmarks and named lists, their items and notes, and sharing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.lists import ListDump, ListImportReport, ListInfo, ListItem
from ..exchange.list_file import read_list_file, write_list_file
from ..store import checkups, lists
from .base import ServiceBase


class ListsService(ServiceBase):
    def lists(self) -> list[ListInfo]:
        return lists.all_lists(self.db)

    def list_info(self, name_or_id: str | int) -> ListInfo:
        return lists.get_list(self.db, name_or_id)

    def bookmarks(self) -> ListInfo:
        return lists.bookmarks(self.db)

    def bookmarked_ids(self) -> set[str]:
        return lists.item_ids(self.db, self.bookmarks().id)

    def lists_holding(self, resource_id: str) -> list[ListInfo]:
        return lists.lists_holding(self.db, resource_id)

    def list_ids(self, list_id: int) -> set[str]:
        return lists.item_ids(self.db, list_id)

    def create_list(self, name: str, note: str = "") -> ListInfo:
        return lists.create_list(self.db, name, note)

    def rename_list(self, list_id: int, name: str) -> ListInfo:
        return lists.rename_list(self.db, list_id, name)

    def duplicate_list(self, list_id: int, name: str) -> ListInfo:
        return lists.duplicate_list(self.db, list_id, name)

    def delete_list(self, list_id: int) -> ListDump:
        return lists.delete_list(self.db, list_id)

    def restore_list(self, dump: ListDump) -> ListInfo:
        return lists.restore_list(self.db, dump)

    def set_list_note(self, list_id: int, note: str) -> None:
        lists.set_list_note(self.db, list_id, note)

    def list_items(self, list_id: int) -> list[ListItem]:
        return lists.list_items(self.db, list_id)

    def add_to_list(self, list_id: int, resource_ids: list[str], note: str = "") -> list[str]:
        return lists.add_items(self.db, list_id, resource_ids, note)

    def remove_from_list(self, list_id: int, resource_ids: list[str]) -> list[dict[str, Any]]:
        return lists.remove_items(self.db, list_id, resource_ids)

    def restore_items(self, list_id: int, items: list[dict[str, Any]]) -> None:
        lists.restore_items(self.db, list_id, items)

    def set_item_note(self, list_id: int, resource_id: str, note: str) -> None:
        lists.set_item_note(self.db, list_id, resource_id, note)

    def item_note(self, list_id: int, resource_id: str) -> str:
        return lists.get_item_note(self.db, list_id, resource_id)

    def move_item(self, list_id: int, resource_id: str, offset: int) -> list[str]:
        return lists.move_item(self.db, list_id, resource_id, offset)

    def reorder_list(self, list_id: int, ordered_ids: list[str]) -> None:
        lists.reorder(self.db, list_id, ordered_ids)

    def export_list(self, list_id: int, path: Path) -> int:
        """Write the list (with notes) to a JSON file for another computer; returns item count."""
        self.check_output(path)
        dump = lists.dump_list(self.db, list_id)
        found = checkups.checkups_for(self.db, [item["resource_id"] for item in dump.items])
        write_list_file(dump, path, [c for group in found.values() for c in group])
        return len(dump.items)

    def import_list(self, path: Path, *, apply: bool = True) -> ListImportReport:
        """Merge a shared list file (and the check-ups it carries, without duplicates and never
        over one here); with apply False, only report what it would do."""
        shared = read_list_file(path)
        report = lists.import_shared_list(self.db, shared, apply=apply)
        report.checkups = len(shared.checkups)
        if apply and shared.checkups:
            checkups.merge_checkups(self.db, shared.checkups)
        return report
