"""`python -m bot ask` prints what a user would read, and JSON for scripts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli import run_bot


def test_ask_prints_the_answer_in_the_questions_language(tmp_path: Path) -> None:
    actual = run_bot("ask", "Is Kharkiv twinned with Lille?", cwd=tmp_path)

    assert actual.returncode == 0, actual.stderr
    assert actual.stdout.startswith("Yes, Kharkiv and Lille are twin cities.")


def test_ask_batch_json_answers_each_line_as_a_new_conversation(tmp_path: Path) -> None:
    questions = tmp_path / "questions.txt"
    questions.write_text("Партнери Мени\nа в Польщі?\n\nWhat aid did Kharkiv get?\n", "utf-8")

    actual = run_bot("ask", "--batch", str(questions), "--json", cwd=tmp_path)

    assert actual.returncode == 0, actual.stderr
    rows = [json.loads(line) for line in actual.stdout.splitlines()]
    assert [row["question"] for row in rows] == [
        "Партнери Мени",
        "а в Польщі?",
        "What aid did Kharkiv get?",
    ]
    assert [row["intent"] for row in rows] == ["partners", "need_context", "aid"]
    assert rows[0]["lang"] == "uk"
    assert rows[0]["entities"] == {"hromada": "UA74020030000069340"}
    assert "Олайне" in rows[0]["answer"]
    assert rows[2]["sources"][0]["document_number"] == "17/0/972-24"


def test_explain_shows_how_the_question_was_read(tmp_path: Path) -> None:
    actual = run_bot("ask", "--explain", "коли підписали угоду з Кошіце?", cwd=tmp_path)

    assert actual.returncode == 0, actual.stderr
    assert "# name: «Кошіце» → place:sk-kosice" in actual.stdout
    assert "# intent: signed" in actual.stdout
