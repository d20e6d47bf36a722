"""Admin texts in the reader's language: previews, history, reminders, refusals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from babel.dates import format_date, format_datetime

from knowledge.admin.common import AdminError, FieldChange
from knowledge.admin.editing import (
    AgreementRefusedError,
    EditConflictError,
    MissingReferenceError,
    RecordInUseError,
    RecordNotFoundError,
)
from knowledge.admin.fields import change_line, visible_changes
from knowledge.admin.history import Change, UndoRefusal, UndoRefusedError, UndoReport
from knowledge.admin.permissions import (
    AdminList,
    PermissionDeniedError,
    Refusal,
    UnknownHromadaError,
)
from knowledge.admin.reminders import Reminder
from knowledge.facts.dates import KYIV, Precision
from knowledge.facts.messages import N_
from knowledge.facts.vocabulary import AuditAction
from knowledge.render.labels import AUDIT_ACTIONS
from knowledge.render.lang import Language
from knowledge.render.translations import translation
from knowledge.store.followers import NewRecord

ENTITIES = {
    "source": N_("source"),
    "place": N_("place"),
    "agreement": N_("agreement"),
    "aid": N_("aid record"),
    "hromada": N_("hromada"),
    "activity": N_("activity"),
    "programme": N_("programme"),
    "editor": N_("editing right"),
    # The chat references a group's upgrade to a supergroup moves.
    "chat_preference": N_("chat language"),
    "subscription": N_("subscription"),
    "setting": N_("setting"),
    "correction": N_("correction"),
}


def _entity(entity: str, lang: str) -> str:
    label = ENTITIES.get(entity)
    return entity if label is None else translation(lang).gettext(label)


def change_lines(
    changes: list[FieldChange],
    lang: str,
    entity: str = "",
    known: Mapping[str, str] | None = None,
) -> list[str]:
    """One line per changed field: its translated label, the old value and the new one.

    `entity` ("agreement", "source"...) tells which vocabulary a field such as "kind" holds;
    `known` names records by key (a place, a source) instead of showing the key.
    """
    return [change_line(entity, change, lang, known) for change in visible_changes(changes)]


def change_preview(
    changes: list[FieldChange],
    lang: str,
    entity: str = "",
    known: Mapping[str, str] | None = None,
) -> str:
    """The confirmation text of an edit: every field it would change (records `known` by
    name shown by name)."""
    _ = translation(lang).gettext
    lines = change_lines(changes, lang, entity, known)
    if not lines:
        return _("Nothing would change.")
    return "\n".join([_("These fields will change:"), *lines])


def entity_label(entity: str, lang: str) -> str:
    """The kind of record ("agreement", "aid"...) in the reader's language."""
    return _entity(entity, lang)


def _verb(action: str, lang: str) -> str:
    if action not in set(AuditAction):
        return action
    return translation(lang).gettext(AUDIT_ACTIONS[AuditAction(action)])


def change_summary(change: Change, lang: str) -> str:
    """A change in a few words: number, what was done, to which record."""
    return (
        f"#{change.id} · {_verb(change.action, lang)}: {_entity(change.entity, lang)} {change.key}"
    )


def undo_preview_line(change: Change, lang: str) -> str:
    """What undoing one change of a batch will do: number, outcome, record."""
    outcome = translation(lang).gettext(_UNDO_OUTCOMES[_undo_verb_key(change.action)][1])
    return f"#{change.id} · {_entity(change.entity, lang)} {change.key} {outcome}"


def undo_question(change: Change, lang: str) -> str:
    """The question above a single change's undo preview, saying what will happen."""
    translations = translation(lang)
    values = {"id": change.id, "entity": _entity(change.entity, lang), "key": change.key}
    if change.action == AuditAction.CREATE.value:
        return translations.gettext(
            "Undo change #{id}? The {entity} {key} it added will be removed."
        ).format(**values)
    if change.action == AuditAction.DELETE.value:
        return translations.gettext(
            "Undo change #{id}? The {entity} {key} it deleted will be restored:"
        ).format(**values)
    return translations.gettext(
        "Undo change #{id} ({entity} {key})? These values will be put back:"
    ).format(**values)


def history_line(change: Change, lang: str) -> str:
    """One change in a history list: number, time in Kyiv (as every time the bot shows; a
    naive `change.at` is UTC), who, what, and how many fields."""
    translations = translation(lang)
    when = format_datetime(change.at, "d MMM y, HH:mm", tzinfo=KYIV, locale=lang)
    verb = _verb(change.action, lang)
    count = len(visible_changes(change.changes))
    fields = translations.ngettext("{count} field", "{count} fields", count).format(count=count)
    entity = _entity(change.entity, lang)
    return f"#{change.id} · {when} · {change.actor} · {verb}: {entity} {change.key} ({fields})"


def history_text(changes: list[Change], lang: str) -> str:
    """A history list, newest first, or a note that there is none."""
    if not changes:
        return translation(lang).gettext("No changes recorded yet.")
    return "\n".join(history_line(change, lang) for change in changes)


# How many records an undo report names one by one.
UNDO_LISTED = 20


def undo_text(report: UndoReport, lang: str) -> str:
    """What an undo did, record by record: removed what was added, restored what was deleted,
    put back the earlier values of what was changed."""
    translations = translation(lang)
    lines = [translations.gettext("Undone: {counts}.").format(counts=_undo_counts(report, lang))]
    lines += [
        f"• {_undo_verb(item.undone_action, lang)}: {_entity(item.entity, lang)} {item.key}"
        for item in report.restored[:UNDO_LISTED]
    ]
    # An import's undo would list hundreds; the counts above tell the whole.
    rest = len(report.restored) - UNDO_LISTED
    if rest > 0:
        lines.append(
            translations.ngettext("…and {count} more", "…and {count} more", rest).format(
                count=rest
            )
        )
    return "\n".join(lines)


def _undo_counts(report: UndoReport, lang: str) -> str:
    counts = Counter(_undo_verb_key(item.undone_action) for item in report.restored)
    return ", ".join(
        _undo_count(verb, counts[verb], lang)
        for verb in ("removed", "restored", "put back")
        if counts[verb]
    )


def _undo_count(verb: str, count: int, lang: str) -> str:
    ngettext = translation(lang).ngettext
    if verb == "removed":
        text = ngettext("{count} record removed", "{count} records removed", count)
    elif verb == "restored":
        text = ngettext("{count} record restored", "{count} records restored", count)
    else:
        text = ngettext(
            "{count} record put back as it was", "{count} records put back as they were", count
        )
    return text.format(count=count)


def _undo_verb_key(undone_action: str) -> str:
    if undone_action == AuditAction.CREATE.value:
        return "removed"
    if undone_action == AuditAction.DELETE.value:
        return "restored"
    return "put back"


# What undoing a change does to its record: said after it (done) and before it (to be done).
_UNDO_OUTCOMES = {
    "removed": (N_("removed"), N_("will be removed")),
    "restored": (N_("restored"), N_("will be restored")),
    "put back": (N_("put back as it was"), N_("will be put back as it was")),
}


def _undo_verb(undone_action: str, lang: str) -> str:
    """What undoing this action did to the record, as a word."""
    return translation(lang).gettext(_UNDO_OUTCOMES[_undo_verb_key(undone_action)][0])


def _end_date(reminder: Reminder, lang: str) -> str:
    until = reminder.end.until
    if until.precision is Precision.DAY:
        return format_date(until.earliest(), "long", locale=lang)
    if until.precision is Precision.MONTH:
        return format_date(until.earliest(), "LLLL y", locale=lang)
    return str(until.year)


def reminder_text(reminder: Reminder, lang: str) -> str:
    """The reminder an admin gets before an agreement ends."""
    translations = translation(lang)
    text = translations.ngettext(
        "The agreement of {hromada} hromada with {place} ends on {date}, in {days} day.",
        "The agreement of {hromada} hromada with {place} ends on {date}, in {days} days.",
        reminder.days_left,
    ).format(
        hromada=Language(lang).text(reminder.hromada),
        place=Language(lang).text(reminder.place),
        date=_end_date(reminder, lang),
        days=reminder.days_left,
    )
    if reminder.end.estimated:
        text += " " + translations.gettext(
            "The date is worked out from the agreement's term; please check it."
        )
    return text + " " + translations.gettext("Record: {key}").format(key=reminder.agreement_key)


def new_record_text(record: NewRecord, hromada_name: str, lang: str) -> str:
    """The short announcement subscribers get about a new agreement or aid record."""
    _ = translation(lang).gettext
    if record.entity == "agreement":
        return _("{hromada} hromada has a new partnership agreement. Ask me about it!").format(
            hromada=hromada_name
        )
    return _("New aid for {hromada} hromada was recorded. Ask me about it!").format(
        hromada=hromada_name
    )


def news_text(records: list[NewRecord], hromada_name: str, lang: str) -> str:
    """What a hromada's subscribers are told of its new records in one message: the short
    announcement for one, a digest counting them by kind for several (an import)."""
    if len(records) == 1:
        return new_record_text(records[0], hromada_name, lang)
    translations = translation(lang)
    language = Language(lang)
    agreements = sum(1 for record in records if record.entity == "agreement")
    aid = len(records) - agreements
    counts = []
    if agreements:
        counts.append(
            translations.ngettext(
                "{count} new partnership agreement",
                "{count} new partnership agreements",
                agreements,
            ).format(count=language.number(agreements))
        )
    if aid:
        counts.append(
            translations.ngettext("{count} new aid record", "{count} new aid records", aid).format(
                count=language.number(aid)
            )
        )
    return translations.gettext("{hromada} hromada has {counts}. Ask me about them!").format(
        hromada=hromada_name, counts=translations.gettext(" and ").join(counts)
    )


def admins_text(admins: AdminList, lang: str) -> str:
    """The super-admins and editors with their scope."""
    _ = translation(lang).gettext
    lines = [_("Super-admins:")]
    lines += [f"• {user_id}" for user_id in admins.super_admins] or [f"• {_('(empty)')}"]
    lines.append(_("Editors:"))
    for editor in admins.editors:
        name = editor.hromada_name_uk if lang == "uk" else editor.hromada_name_en
        scope = _("all hromadas") if editor.hromada_code is None else name or editor.hromada_code
        lines.append(f"• {editor.user_id}: {scope}")
    if not admins.editors:
        lines.append(f"• {_('(empty)')}")
    return "\n".join(lines)


def error_text(error: AdminError, lang: str) -> str:
    """A refused admin action explained in the reader's language."""
    translations = translation(lang)
    _ = translations.gettext
    if isinstance(error, PermissionDeniedError):
        return {
            Refusal.NOT_AN_EDITOR: _("You may not edit the knowledge base. Nothing was changed."),
            Refusal.NOT_FOR_THIS_HROMADA: _(
                "You may not edit this hromada's records. Nothing was changed."
            ),
            Refusal.NOT_A_SUPER_ADMIN: _("Only a super-admin may do this. Nothing was changed."),
        }[error.refusal]
    if isinstance(error, UnknownHromadaError):
        return _("There is no hromada with the code {code}.").format(code=error.code)
    if isinstance(error, EditConflictError):
        return "\n".join(
            [
                _(
                    "Someone changed this record ({entity} {key}) while you were editing it;"
                    " nothing was saved. This is what changed:"
                ).format(entity=_entity(error.entity, lang), key=error.key),
                *change_lines(error.changes, lang, error.entity),
            ]
        )
    if isinstance(error, MissingReferenceError):
        return _("Not found: {entity} {key}. Add it first.").format(
            entity=_entity(error.entity, lang), key=error.key
        )
    if isinstance(error, RecordInUseError):
        users = ", ".join(f"{_entity(entity, lang)} {key}" for entity, key in error.used_by)
        return _("Cannot delete {entity} {key}: it is used by {users}.").format(
            entity=_entity(error.entity, lang), key=error.key, users=users
        )
    if isinstance(error, AgreementRefusedError):
        reason = error.problem.render_alone(_, lang)
        return _("{reason}. Nothing was saved.").format(reason=reason)
    if isinstance(error, RecordNotFoundError):
        return _("Not found: {entity} {key}.").format(
            entity=_entity(error.entity, lang), key=error.key
        )
    if isinstance(error, UndoRefusedError):
        if error.refusal is UndoRefusal.NO_SUCH_CHANGE:
            return _("There is no such change to undo.")
        if error.refusal is UndoRefusal.NOT_UNDOABLE:
            return _("Change #{id} cannot be undone; change it back by hand.").format(
                id=error.change_id
            )
        return "\n".join(
            [
                _(
                    "Change #{id} cannot be undone: the record ({entity} {key}) was changed"
                    " since. This is what changed:"
                ).format(
                    id=error.change_id, entity=_entity(error.entity or "", lang), key=error.key
                ),
                *change_lines(error.changes, lang, error.entity or ""),
            ]
        )
    return _("This cannot be done. Nothing was changed.")
