"""The details pane's rows for what an import keeps: hours, fees, applying, wait, service types."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.access import service_types
from ..domain.model import Resource


def access_rows(r: Resource) -> list[tuple[str, str]]:
    """(translated label, text) of each access fact the resource has."""

    translate = QCoreApplication.translate
    rows = [
        (translate("DetailsPane", "Hours"), r.schedule),
        (translate("DetailsPane", "Fees"), r.fees),
        (translate("DetailsPane", "How to apply"), r.application_process),
        (translate("DetailsPane", "Wait time"), r.wait_time),
        (translate("DetailsPane", "Service types"), service_types(r)),
    ]
    return [(label, text) for label, text in rows if text]
