"""Figures over repeated rounds, printed as tables of medians and spread beside a baseline."""

from __future__ import annotations

import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figures:
    """One measure's value in each round (any unit; the row names it)."""

    rounds: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median over rounds."""
        return statistics.median(self.rounds)

    @property
    def spread(self) -> tuple[float, float]:
        """The lowest and the highest round."""
        return min(self.rounds), max(self.rounds)


@dataclass(frozen=True)
class Row:
    """A measure of Pobratym beside the same measure of the bare aiogram baseline.

    `target` is the most the ratio may be (None: shown, not targeted); with `at_least`, the
    least it may be (a capacity against a baseline's).
    """

    name: str
    unit: str
    ours: Figures
    bare: Figures | None
    target: float | None = None
    at_least: bool = False

    @property
    def ratio(self) -> float | None:
        """Pobratym's median over the baseline's; None without a baseline."""
        if self.bare is None or self.bare.median == 0:
            return None
        return self.ours.median / self.bare.median


def _cell(figures: Figures | None) -> str:
    if figures is None:
        return "—"
    low, high = figures.spread
    return f"{figures.median:.3g} ({low:.3g}–{high:.3g})"


def print_table(title: str, rows: Sequence[Row], rounds: int) -> None:
    """A Markdown table: median (lowest–highest round) of each side, the ratio, the target."""
    out = sys.stdout
    out.write(f"\n### {title} ({rounds} rounds; median (lowest–highest))\n\n")
    out.write("| measure | Pobratym | bare aiogram | ratio | target | |\n")
    out.write("|---|---|---|---|---|---|\n")
    for row in rows:
        ratio = row.ratio
        ratio_text = "—" if ratio is None else f"{ratio:.2f}×"
        bound = "≥" if row.at_least else "≤"
        target_text = "—" if row.target is None else f"{bound} {row.target:g}×"
        verdict = ""
        if ratio is not None and row.target is not None:
            met = ratio >= row.target if row.at_least else ratio <= row.target
            verdict = "met" if met else "MISSED"
        out.write(
            f"| {row.name}, {row.unit} | {_cell(row.ours)} | {_cell(row.bare)}"
            f" | {ratio_text} | {target_text} | {verdict} |\n"
        )
    out.flush()
