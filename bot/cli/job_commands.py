"""`kb jobs` and `kb resume`: the imports and undos stored as durable jobs, listed and finished
from the command line (when no bot runs to finish them, or to see why one is stuck)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
from typing import Any

from babel.dates import format_datetime
from babel.numbers import format_decimal

from bot.arguments import RECORD_NUMBER_MAX
from bot.cli.context import CommandContext
from bot.services import database_work
from bot.write_jobs import steps_for
from knowledge.store.durable_jobs import (
    MAX_ATTEMPTS,
    JobState,
    WriteJob,
    get_job,
    run_job,
    unfinished_jobs,
    unfinished_leases,
)


def add_jobs(actions: Any) -> None:
    """Add `kb jobs` and `kb resume` to the `kb` command's actions."""
    jobs = actions.add_parser(
        "jobs", help="list the imports and undos not finished yet, and who runs each"
    )
    jobs.set_defaults(handler=list_jobs)
    resume = actions.add_parser(
        "resume",
        help="finish here the unfinished imports and undos no running bot holds (or one of them)",
    )
    resume.add_argument("job", type=int, nargs="?", help="the job's number (see kb jobs)")
    resume.set_defaults(handler=resume_jobs)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _number(context: CommandContext, value: int) -> str:
    return format_decimal(value, locale=context.locale)


def _kind(context: CommandContext, job: WriteJob) -> str:
    _ = context.gettext
    return _("undo") if job.kind == "undo" else _("import")


def _state(context: CommandContext, job: WriteJob) -> str:
    _ = context.gettext
    return {
        JobState.WAITING.value: _("not planned yet"),
        JobState.RUNNING.value: _("running"),
        JobState.DONE.value: _("done"),
        JobState.FAILED.value: _("failed"),
        JobState.CANCELLED.value: _("cancelled"),
    }.get(job.state, job.state)


def _job_line(context: CommandContext, job: WriteJob, holder: str | None) -> str:
    _ = context.gettext
    line = _("#{id} {kind} {file}: {state}, {done} of {total} records").format(
        id=job.id,
        kind=_kind(context, job),
        file=job.filename or "",
        state=_state(context, job),
        done=_number(context, job.records_done),
        total="?" if job.records_total is None else _number(context, job.records_total),
    )
    # Every run that claimed it, then the counter that gives it up at MAX_ATTEMPTS: runs in
    # a row that did not move it on (the run that last moved it counting as the first).
    line += ", " + context.ngettext("{count} run in all", "{count} runs in all", job.runs).format(
        count=_number(context, job.runs)
    )
    line += ", " + _("{count} of {max} counted towards giving up").format(
        count=_number(context, job.attempts), max=_number(context, MAX_ATTEMPTS)
    )
    if holder is not None:
        line += "; " + holder
    return line.replace("  ", " ")


async def list_jobs(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Print each unfinished import and undo: its progress, its runs in all and those counted
    towards giving it up, and whether a live process holds it (until when) or it waits to be
    resumed. Exit code 0."""
    _ = context.gettext
    async with database_work(context.settings) as work:
        leases = await work(unfinished_leases)
    if not leases:
        context.say(_("No import or undo is unfinished."))
        return 0
    now = _now()
    for lease in leases:
        if lease.until is not None and lease.until >= now and _ended(lease.owner):
            # Its lease has not run out, but its process is gone: nobody writes it.
            holder = _(
                "held by {owner} until {time}, but that process has ended: kb resume {id}"
                " finishes it after then"
            ).format(
                owner=lease.owner,
                time=format_datetime(lease.until, "HH:mm:ss", locale=context.locale),
                id=lease.job.id,
            )
        elif lease.until is not None and lease.until >= now:
            holder = _("held by {owner} until {time}").format(
                owner=lease.owner,
                time=format_datetime(lease.until, "HH:mm:ss", locale=context.locale),
            )
        else:
            holder = _("no process holds it: kb resume {id} finishes it").format(id=lease.job.id)
        context.say(_job_line(context, lease.job, holder))
    return 0


def _ended(owner: str | None) -> bool:
    """Whether the job's holder is a process of this machine that runs no more. An owner is
    "HOST:PID:TOKEN" (a bot) or "cli:HOST:PID" (the command line); a holder on another
    machine, or not named so, is taken as its lease says."""
    parts = (owner or "").split(":")
    host_pid = parts[1:3] if parts[0] == "cli" else parts[0:2]
    if len(host_pid) != 2 or not host_pid[1].isdigit():
        return False
    host, pid = host_pid
    if host != socket.gethostname()[:40]:
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


class _Quiet:
    """Reports nothing while a resumed job runs: its end is printed once it returns."""

    async def progress(self, job: WriteJob) -> None:
        """Nothing is drawn while it runs."""

    async def finished(self, job: WriteJob, error: Exception | None) -> None:
        """Printed by the caller."""


async def resume_jobs(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Run to its end, in this process, each unfinished job no live process holds (or only
    job `arguments.job`), as the admin who started it (with the super-admins of the settings
    now) or the command line. The admin's progress message in Telegram is not edited from
    here. Exit codes: 0 when every job run ended done (or none was left); 1 when one failed,
    or the job asked for is held by a live process, has ended or does not exist."""
    _ = context.gettext
    owner = f"cli:{socket.gethostname()[:40]}:{os.getpid()}"
    code = 0
    async with database_work(context.settings) as work:
        if arguments.job is None:
            wanted = await work(unfinished_jobs, _now())
        elif (
            # A number no stored row can have (0, negative, past the key's range) is no job.
            not 0 < arguments.job <= RECORD_NUMBER_MAX
            or await work(get_job, arguments.job) is None
        ):
            context.complain(
                _("#{id}: there is no such import or undo (see kb jobs).").format(id=arguments.job)
            )
            return 1
        else:
            wanted = [arguments.job]
        if not wanted:
            context.say(_("No import or undo waits to be resumed."))
        for job_id in wanted:
            ended = await run_job(
                work,
                job_id,
                owner=owner,
                steps=steps_for(context.settings),
                reporter=_Quiet(),
                clock=_now,
            )
            if ended is None:
                context.complain(
                    _(
                        "#{id}: not resumed; a running process holds it, or it has ended"
                        " (see kb jobs)."
                    ).format(id=job_id)
                )
                code = 1
                continue
            context.say(_job_line(context, ended, None))
            if ended.state != JobState.DONE.value:
                code = 1
    return code
