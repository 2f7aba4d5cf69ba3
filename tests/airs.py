"""Test services filed under real 211/AIRS codes and names, added to a directory."""

from __future__ import annotations

from cbh_directory.service import Directory

Terms = list[tuple[str, str]]


def add_services(directory: Directory, services: dict[str, Terms]) -> Directory:
    for name, terms in services.items():
        directory.create_resource(
            {
                "name": name,
                "kind": "local_service",
                "format": "in_person",
                "taxonomy": [{"code": c, "name": n, "taxonomy": "AIRS"} for c, n in terms],
            }
        )
    return directory
