"""The weekly function score: the PEG scale (Krebs et al. 2009, J Gen Intern Med 24:733-738).

Three questions about the past week, 0-10 each (average pain, how much pain interfered with enjoyment of life,
with general activity); the score is their mean. Which week it is and whether it is due: coach.history.function_weeks.
Pure: answers in, a number out.
"""

from __future__ import annotations

from typing import Any

from coach.content.ids import FUNCTION_ITEMS, FUNCTION_OFFER, FUNCTION_SKIP


def peg_score(answers: dict[str, Any]) -> float | None:
    """The mean of the three items, to two decimals; None unless all three were answered (and not skipped)."""
    if answers.get(FUNCTION_OFFER) == FUNCTION_SKIP:
        return None
    items = [answers.get(name) for name in FUNCTION_ITEMS]
    numbers = [v for v in items if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10]
    if len(numbers) != len(items):
        return None
    return round(sum(numbers) / len(numbers), 2)


def offer_answered(answers: dict[str, Any]) -> bool:
    """This check-in offered the score and the person answered it or chose "not this week"."""
    return FUNCTION_OFFER in answers or peg_score(answers) is not None
