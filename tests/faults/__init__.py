"""Faults under load, through the running bot.

- `services`: private PostgreSQL (`private_postgres()`, `astop()` / `astart()`) and Redis
  (`private_redis()`, `kill()` / `start()`) on free ports; the shared servers are never touched.
- `fleet`: `webhook_fleet(home, environment, replicas=N)` starts N `python -m bot webhook`
  processes behind a round-robin `Balancer`; `polling_bot(...)` one `python -m bot run`.
  A `BotReplica` can be killed (SIGKILL), stopped (SIGTERM) and started again.
- `load`: `Residents` ask at a steady rate, one chat each; `AdminDialog` adds agreements with
  the one-line form and confirms each; `FaultReport` counts sent / answered / apologised / lost.
- `scenario`: `Scenario(telegram, database_url).run(name, fault)` runs the load around a fault
  and checks that every change confirmed to the admin is stored.

The fixtures (`fault_postgres`, `fault_database`, `fault_redis`, `fault_report`) are in
`conftest.py`; the table of every fault's report is printed at the end of the run. Set
POBRATYM_LONG_FAULTS=1 for the long variants.
"""
