"""The one transaction policy of the services' callers: a unit of work per call.

A caller (a Telegram handler, a job) names the service and its arguments; the unit of work
opens the session, runs the service in it and commits what is left open when the service
returns, or rolls all of it back when it raises. The services that write commit their own
write transactions (`knowledge.store.engines.writing`), each with its audit entry, so a
caller never holds a session and never decides when anything is committed.

A long service (a job written a chunk at a time, a wait for another job) ends each of its
steps with `end_step`: what the step wrote is kept whatever the next one does, and the next
reads the database as committed then. It is the one place a transaction is committed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

Arguments = ParamSpec("Arguments")
Result = TypeVar("Result")


async def end_step(session: AsyncSession) -> None:
    """End the current step of a unit of work: commit the session's transaction, if it is in
    one, so that what the step wrote is kept and the next statement begins a new transaction
    that reads what others have committed meanwhile. Raises what the commit raises (the
    database away, a constraint refused at commit), the step's writes then rolled back."""
    if session.in_transaction():
        await session.commit()


class UnitOfWork:
    """Runs service calls, each in a session of its own (`await work(service, *arguments)`)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def __call__(
        self,
        service: Callable[Concatenate[AsyncSession, Arguments], Awaitable[Result]],
        *args: Arguments.args,
        **kwargs: Arguments.kwargs,
    ) -> Result:
        """What `service(session, *args, **kwargs)` returns, its reads committed after it; what
        it raises, with everything it left uncommitted rolled back."""
        async with self._sessions() as session:
            result = await service(session, *args, **kwargs)
            await end_step(session)
            return result
