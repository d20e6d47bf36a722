"""Admin texts read naturally in both languages."""

from __future__ import annotations

import datetime as dt

from knowledge.admin.common import FieldChange
from knowledge.admin.editing import EditConflictError, RecordInUseError
from knowledge.admin.history import Change, Restored, UndoRefusal, UndoRefusedError, UndoReport
from knowledge.admin.permissions import PermissionDeniedError, Refusal
from knowledge.admin.wording import change_preview, error_text, history_line, undo_text

STATUS = FieldChange("status", "active", "suspended")


def test_a_preview_lists_the_changes_and_marks_empty_values() -> None:
    actual = change_preview([STATUS, FieldChange("term_years", None, 5)], "uk")

    assert (
        actual
        == "Зміняться такі поля:\n• Статус: Чинна → Призупинена\n• Строк: (порожньо) → 5 років"
    )
    assert change_preview([], "en") == "Nothing would change."


def test_a_history_line_says_who_did_what_and_when() -> None:
    change = Change(
        id=17,
        at=dt.datetime(2026, 11, 23, 14, 5, tzinfo=dt.UTC),
        actor="telegram:100",
        batch=None,
        action="update",
        entity="agreement",
        key="kharkiv-kosice",
        changes=[STATUS, FieldChange("term_years", None, 5)],
    )

    # 14:05 UTC is 16:05 in Kyiv in November.
    assert history_line(change, "en") == (
        "#17 · 23 Nov 2026, 16:05 · telegram:100 · changed: agreement kharkiv-kosice (2 fields)"
    )
    assert history_line(change, "uk").endswith("змінено: угода kharkiv-kosice (2 поля)")


def test_refusals_are_explained_in_the_readers_language() -> None:
    conflict = EditConflictError("agreement", "kharkiv-kosice", [STATUS])
    in_use = RecordInUseError("place", "sk-kosice", [("agreement", "kharkiv-kosice")])

    assert error_text(conflict, "uk").splitlines() == [
        "Хтось змінив цей запис (угода kharkiv-kosice), поки ви його редагували; нічого не"
        " збережено. Ось що змінилося:",
        "• Статус: Чинна → Призупинена",
    ]
    assert error_text(in_use, "en") == (
        "Cannot delete place sk-kosice: it is used by agreement kharkiv-kosice."
    )
    assert error_text(PermissionDeniedError(1, Refusal.NOT_FOR_THIS_HROMADA), "uk") == (
        "Ви не маєте права редагувати записи цієї громади. Нічого не змінено."
    )
    assert error_text(UndoRefusedError(UndoRefusal.NO_SUCH_CHANGE), "en") == (
        "There is no such change to undo."
    )


def test_the_undo_of_a_large_import_is_summarised_within_one_message() -> None:
    report = UndoReport(
        [
            Restored("agreement", f"kharkiv-de-town-{n}-cooperation-agreement", "create", [])
            for n in range(300)
        ],
        "batch",
    )

    english = undo_text(report, "en")
    ukrainian = undo_text(report, "uk")

    assert english.startswith("Undone: 300 records removed.")
    assert english.endswith("…and 280 more")
    assert ukrainian.endswith("…і ще 280")
    assert len(english) < 4096
    assert len(ukrainian) < 4096
