"""How an import's refused rows and its outcome are told to an editor (in the language of
the current aiogram i18n context)."""

from __future__ import annotations

from aiogram.utils.i18n import get_i18n, ngettext
from aiogram.utils.i18n import gettext as _

from bot.texts import problem_text
from knowledge.facts.messages import Problem, grouped, other_rows

# How many keys or refused rows a preview lists before it says "and N more".
SHOWN_ITEMS = 10


def problem_line(problem: Problem) -> str:
    """One refused row: "• row 3: reason" (a problem of no row: "• reason")."""
    reason = problem_text(problem)
    if problem.row is None:
        return f"• {reason}"
    return "• " + _("row {row}: {reason}").format(row=problem.row, reason=reason)


def problem_lines(problems: list[Problem]) -> list[str]:
    """One line per kind of problem: the first row's reason, then how many rows and which."""
    groups = grouped(problems)
    lines = []
    for group in groups[:SHOWN_ITEMS]:
        lines.append(problem_line(group[0]))
        if len(group) > 1:
            rows = other_rows(group[: SHOWN_ITEMS + 1], get_i18n().current_locale)
            more = len(group) - 1
            lines.append(
                "  "
                + ngettext(
                    "and {count} more row like it: {rows}",
                    "and {count} more rows like it: {rows}",
                    more,
                ).format(count=more, rows=", ".join(rows) + ("…" if more > SHOWN_ITEMS else ""))
            )
    if len(groups) > SHOWN_ITEMS:
        more = sum(len(group) for group in groups[SHOWN_ITEMS:])
        lines.append(ngettext("…and {count} more", "…and {count} more", more).format(count=more))
    return lines


def refused_text(problems: list[Problem]) -> str:
    """The file was refused as a whole: why, row by row (summarised)."""
    return "\n".join([_("The file is refused; nothing was written:"), *problem_lines(problems)])


def report_text(created: int, updated: int, unchanged: int, skipped: int = 0) -> str:
    """What an import wrote, in records; `skipped`: records another writer changed while the
    import ran, left as they were."""
    if not created and not updated and not skipped:
        return _("Nothing changed: every record was already as in the file.")
    lines = [
        _("Imported: {created} new, {updated} changed, {unchanged} unchanged.").format(
            created=created, updated=updated, unchanged=unchanged
        )
    ]
    if skipped:
        lines.append(
            ngettext(
                "{count} record was changed by someone else while the import ran and was left"
                " as they made it; import the file again to apply it there.",
                "{count} records were changed by someone else while the import ran and were"
                " left as they made them; import the file again to apply them there.",
                skipped,
            ).format(count=skipped)
        )
    return "\n".join(lines)
