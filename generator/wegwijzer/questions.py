"""The wegwijzer's questions: the steps of the page and the participation ladder as yes/no.

The step ids are written into the page (templates/wegwijzer.html), which is where
the browser reads them from; nothing in JavaScript names a step. No I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# The steps of the page, in order. The rung steps (RUNG_STEPS, or STEP_RUNG to choose a
# rung directly) come after STEP_START; the steps after the rung need a rung.
STEP_START = "leefgebieden"
STEP_RUNG = "trede"
STEP_AFTER_RUNG = "doelgroepen"
STEP_LAST = "wijk"
STEPS_NEEDING_RUNG = (STEP_AFTER_RUNG, STEP_LAST)


# The participation ladder as yes/no questions, following Divosa's official definitions
# of the rungs (as quoted, for example, in the Leidraad Arbeidsparticipatie of the
# Nederlandse Vereniging van Arbeidsdeskundigen). Each answer leads to the next question
# or to a rung; the template writes this flow into data attributes for the browser.
RUNG_STEPS: tuple[tuple[str, str, str, str | int, str | int], ...] = (
    # (step id, question, hint, if "ja", if "nee")
    (
        "werk",
        "Heeft u betaald werk?",
        "Bijvoorbeeld werk in loondienst, met een contract, of werk als zelfstandige (zzp).",
        "steun",
        "onbetaald",
    ),
    (
        "steun",
        "Krijgt u steun om dit werk te kunnen doen?",
        "Bijvoorbeeld een aanvulling op uw loon, een jobcoach, beschut werk of een"
        " opleiding in de praktijk onder het niveau van een startkwalificatie (mbo 2).",
        5,
        6,
    ),
    (
        "onbetaald",
        "Doet u vrijwilligerswerk of ander onbetaald werk?",
        "Het telt als u daarbij taken heeft, andere mensen op u rekenen en u minstens"
        " één keer per week met anderen samenwerkt.",
        4,
        "georganiseerd",
    ),
    (
        "georganiseerd",
        "Doet u minstens één keer per week mee aan iets dat georganiseerd is?",
        "Bijvoorbeeld een club, een vereniging, een cursus of een opleiding.",
        3,
        "contact",
    ),
    (
        "contact",
        "Spreekt u minstens één keer per week mensen buiten uw eigen huis?",
        "Bijvoorbeeld familie, buren of vrienden. Een praatje met iemand in de winkel of"
        " met de thuiszorg telt niet mee.",
        2,
        1,
    ),
)


def rung_questions() -> list[dict[str, Any]]:
    """RUNG_STEPS for the template: each answer as ("naar", step) or ("trede", "n")."""
    previous = {RUNG_STEPS[0][0]: STEP_START}
    for step_id, _question, _hint, yes, no in RUNG_STEPS:
        for answer in (yes, no):
            if isinstance(answer, str):
                previous[answer] = step_id

    def target(value: str | int) -> tuple[str, str]:
        return ("trede", str(value)) if isinstance(value, int) else ("naar", value)

    return [
        {
            "id": step_id,
            "vraag": question,
            "hint": hint,
            "ja": target(yes),
            "nee": target(no),
            "vorige": previous[step_id],
        }
        for step_id, question, hint, yes, no in RUNG_STEPS
    ]


def rung_from_answers(answers: Iterable[bool]) -> int:
    """The rung that a series of yes/no answers to RUNG_STEPS leads to."""
    steps = {step[0]: step for step in RUNG_STEPS}
    current: str | int = RUNG_STEPS[0][0]
    for answer in answers:
        if isinstance(current, int):
            break
        current = steps[current][3 if answer else 4]
    if not isinstance(current, int):
        raise ValueError("te weinig antwoorden om de trede te bepalen")
    return current
