"""Rights, edits, history, reminders, subscribers. `extraction` and `bot` import it.

The services own their transactions: each write commits together with its audit entry, or
rolls back entirely. Pass them a session with no transaction of the caller's own in progress.
"""
