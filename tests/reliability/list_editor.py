"""A child process for the kill tests: edits one list step by step, saying after each commit.

Usage: python list_editor.py DB LIST_NAME IDS_COMMA_SEPARATED STEPS
Prints "ready", then "done N" after step N is committed. Step i: i % 3 == 0 adds resource
i // 3 with a note, 1 changes that note, 2 moves it up one place.
"""

from __future__ import annotations

import sys

from cbh_directory.service import Directory


def step(directory: Directory, list_id: int, ids: list[str], number: int) -> None:
    resource_id = ids[number // 3]
    kind = number % 3
    if kind == 0:
        directory.add_to_list(list_id, [resource_id], note=f"added in step {number}")
    elif kind == 1:
        directory.set_item_note(list_id, resource_id, f"note changed in step {number}")
    else:
        directory.move_item(list_id, resource_id, -1)


def main() -> None:
    db, name, ids_text, steps = sys.argv[1:5]
    ids = ids_text.split(",")
    directory = Directory.open(db, prepare=False)
    list_id = directory.list_info(name).id
    print("ready", flush=True)
    for number in range(int(steps)):
        step(directory, list_id, ids, number)
        print(f"done {number}", flush=True)
    directory.close()


if __name__ == "__main__":
    main()
