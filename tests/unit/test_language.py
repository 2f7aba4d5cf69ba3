"""The app's own words in Spanish: every vocabulary label and explanation, dates, sentences."""

from __future__ import annotations

import builtins
import re
import threading

import pytest

from cbh_directory.domain import describe, facets, language
from cbh_directory.domain import vocabulary as vocab
from cbh_directory.domain.date_words import date_words
from cbh_directory.domain.errors import InputError
from cbh_directory.domain.model import Resource
from cbh_directory.domain.verification import verification
from cbh_directory.domain.vocabulary_es import SPANISH


def _vocabulary_words() -> list[str]:
    found: list[str] = []
    for terms in (vocab.KINDS, vocab.FOCUS_GROUPS, vocab.MODERATION, vocab.ACTIVITY):
        for term in terms:
            found += [term.label, term.explanation]
    for terms in (vocab.FORMATS, vocab.COSTS, vocab.STATUSES):
        for term in terms:
            found += [term.label, term.explanation]
    found += [k.short for k in vocab.KINDS]
    found += [t.label for t in vocab.FOCUS_TERMS if not re.fullmatch(r"[A-Z0-9]+", t.label)]
    found += list(vocab.LANGUAGE_NAMES.values())
    for facet in facets.FACETS:
        found += [facet.label, facet.heading_label, facet.heading_help]
    return [w for w in found if w]


def test_every_vocabulary_word_has_spanish() -> None:
    assert [w for w in _vocabulary_words() if w not in SPANISH] == []


def test_placeholders_are_kept() -> None:
    """The same placeholders, with the same `!r` and format spec, in any order."""
    for english, spanish in SPANISH.items():
        placeholders = re.compile(r"\{[^{}]*\}")
        assert sorted(placeholders.findall(english)) == sorted(placeholders.findall(spanish)), (
            english
        )


def test_english_is_unchanged_and_spanish_is_used_when_chosen() -> None:
    assert describe.kind_label("support_group") == "Support group"
    with language.using("es"):
        assert describe.kind_label("support_group") == "Grupo de apoyo"
        assert describe.focus_labels(["joubert", "CASK"]) == ["Síndrome de Joubert", "CASK"]
        assert vocab.language_label("es") == "español"
        assert date_words("2026-05-03") == "3 de mayo de 2026"
        assert date_words("2025-04") == "abril de 2025"
    assert date_words("2026-05-03") == "3 May 2026"


def test_a_spanish_sentence_about_how_current_an_entry_is() -> None:
    resource = Resource(
        id="x",
        name="Grupo",
        kind="support_group",
        evidence={"entry": [{"url": "https://example.org", "date": "2025-04"}]},
    )
    with language.using("es"):
        found = verification(resource)
    assert found.sentence == "Información de fuentes con fecha de abril de 2025."


def test_the_choice_for_one_export_stays_in_its_thread() -> None:
    seen: list[str] = []
    with language.using("es"):
        worker = threading.Thread(target=lambda: seen.append(language.current()))
        worker.start()
        worker.join()
        assert language.current() == "es"
    assert seen == ["en"]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(InputError):
        language.check("fr")


def test_search_finds_spanish_descriptions_without_accents(curated) -> None:
    from cbh_directory.domain.model import SearchQuery

    def ids(text: str) -> set[str]:
        return set(curated.matching_ids(SearchQuery(text=text)))

    assert ids("espanol") == ids("español") and ids("espanol")
    assert ids("educacion") == ids("educación") and ids("educacion")
    # found through the Spanish description alone
    only_spanish = [
        rid
        for rid in ids("educacion")
        if "educaci" not in (curated.resource(rid).description + curated.resource(rid).name).lower()
    ]
    assert only_spanish


def test_the_reasons_a_field_is_refused_have_spanish() -> None:
    from cbh_directory.domain.errors import ValidationError
    from cbh_directory.domain.validation import normalise_resource

    with pytest.raises(ValidationError) as refused:
        normalise_resource(
            {"id": "x", "name": "", "website": "ftp://x", "email": "nope", "kind": "support_group"}
        )
    reasons = [reason for _field, reason in refused.value.problems]
    assert reasons
    with language.using("es"):
        assert [language.words(r) for r in reasons] == [SPANISH[r] for r in reasons]


# Exceptions of the hub (an HTTP server for agencies, English) and Python's own.
_NOT_OURS = {"HubDatabaseError", "ClusterError", "MigrationError", "ConflictError"}
_MESSAGE_CALLS = ("words", "in_english", "Phrase")


def _is_message_call(name: str) -> bool:
    """words(), a Phrase, or one of the app's errors (its first argument is the message)."""
    if name in _MESSAGE_CALLS or name.endswith(("Cancelled", "Refused", "Unavailable")):
        return True
    return name.endswith("Error") and not hasattr(builtins, name) and name not in _NOT_OURS


def test_every_phrase_given_to_words_has_spanish() -> None:
    """Like lupdate for the window: every literal the code passes to words(), to a Phrase or
    as an error's message has Spanish; a message built with an f-string or + could not be
    translated, so there is none (outside the hub, whose API speaks English)."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "cbh_directory"
    missing, built = [], []
    for path in sorted(package.rglob("*.py")):
        if "hub" in path.relative_to(package).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if not _is_message_call(name):
                continue
            first = node.args[0]
            branches = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            for branch in branches:
                if isinstance(branch, ast.JoinedStr | ast.BinOp):
                    built.append(f"{path.name}:{node.lineno}")
                elif (
                    isinstance(branch, ast.Constant)
                    and isinstance(branch.value, str)
                    and branch.value
                    and branch.value not in SPANISH
                ):
                    missing.append(f"{path.name}: {branch.value!r}")
    assert missing == []
    assert built == []


def test_country_names_in_spanish_come_from_cldr() -> None:
    from cbh_directory.domain.countries import country_label

    assert country_label("GB", "United Kingdom") == "United Kingdom"
    with language.using("es"):
        assert country_label("US", "United States") == "Estados Unidos"
        assert country_label("GB", "United Kingdom") == "Reino Unido"
        assert country_label("DE", "Germany") == "Alemania"
        assert country_label("QQ", "Somewhere") == "Somewhere"  # CLDR does not know it
        assert country_label("", "") == ""


def test_the_window_the_filters_and_the_handout_name_countries_in_spanish(
    curated, tmp_path
) -> None:
    from cbh_directory.domain.model import SearchQuery

    with language.using("es"):
        assert curated.country_name("GB") == "Reino Unido"
        countries = {v.value: v.label for v in curated.facets(SearchQuery())["country"]}
        assert countries["DE"] == "Alemania" and countries["US"] == "Estados Unidos"
        handout = tmp_path / "folleto.html"
        curated.export_file(handout, SearchQuery(countries=["GB"]), language="es")
        assert "Reino Unido" in handout.read_text(encoding="utf-8")
    assert curated.country_name("GB") == "United Kingdom"
    assert {v.value: v.label for v in curated.facets(SearchQuery())["country"]}["DE"] == "Germany"


def test_an_hsds_export_keeps_english_country_names(curated, tmp_path) -> None:
    with language.using("es"):
        curated.export_hsds(tmp_path / "hsds")
    places = (tmp_path / "hsds" / "locations.csv").read_text(encoding="utf-8")
    assert "United Kingdom" in places and "Reino Unido" not in places


def test_what_an_export_says_is_in_the_app_language_not_the_handout_language(
    curated, tmp_path
) -> None:
    from cbh_directory.domain.model import SearchQuery

    said = curated.export_file(tmp_path / "folleto.html", SearchQuery(text="CASK"), language="es")
    assert said == f"Wrote 7 resources to {tmp_path / 'folleto.html'}"
    language.set_language("es")
    try:
        said = curated.export_file(tmp_path / "grupos.csv", SearchQuery(text="CASK"))
        report = curated.preview_import(tmp_path / "grupos.csv")
        summary = report.summary()
    finally:
        language.set_language("en")
    assert said.startswith("Guardado en ") and said.endswith(" recursos")
    assert summary == "0 nuevos, 0 cambiados, 7 sin cambios, 0 rechazados"
    assert report.summary() == "0 new, 0 changed, 7 unchanged, 0 rejected"


def test_a_sync_report_in_spanish_has_no_english_left() -> None:
    from cbh_directory.domain.sync import SyncReport

    report = SyncReport(url="https://hub.example.org", full=True, received=5, unchanged=1)
    report.added, report.updated, report.deactivated = ["a"], ["b", "c"], ["d"]
    report.conflicts, report.rejected, report.kept_local = ["e"], [("f", "bad")], ["g"]
    report.sent, report.send_failures, report.checkups_added, report.reviewed = 1, ["x"], 2, 3
    english = report.summary()
    with language.using("es"):
        spanish = report.summary()
    assert english.startswith("full sync from https://hub.example.org: 5 services received")
    assert spanish.startswith("sincronización completa desde https://hub.example.org: 5 serv")
    leftover = {"sync", "added", "updated", "unchanged", "removed", "skipped", "valid", "kept"}
    leftover |= {"proposal", "sent", "check-up", "received", "reviewed"}
    assert [w for w in re.findall(r"[a-z-]+", spanish) if w in leftover] == []


def test_a_place_is_shown_with_its_country_in_the_readers_language() -> None:
    from cbh_directory.domain.model import Place

    place = Place("Leeds", "ENG", "England", "GB", "United Kingdom", "", 53.8, -1.5, 1, "city")
    with language.using("es"):
        assert place.shown_label == "Leeds, England, Reino Unido"
        assert place.label == "Leeds, England, United Kingdom"  # what the place box reads back
    assert place.shown_label == place.label


def test_messages_never_change_a_vocabulary_word() -> None:
    """messages_es is merged over vocabulary_es: the same English must not get two Spanish."""
    import ast
    from pathlib import Path

    from cbh_directory.domain.messages_es import MESSAGES

    source = Path(language.__file__).with_name("vocabulary_es.py").read_text(encoding="utf-8")
    table = next(n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Dict))
    vocabulary = {k.value for k in table.keys if isinstance(k, ast.Constant)}
    assert sorted(vocabulary & set(MESSAGES)) == []
