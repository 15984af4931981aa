"""The wegwijzer: match a person to activities, the questions, and the data file.

- `rules`: `match` and `outcome`, the Python reference of the browser's
  js/wegwijzer/regels.js (tests compare the two on the same data file);
- `questions`: the steps of the page and the participation ladder as yes/no questions;
- `datafile`: wegwijzer/data.json, which the browser reads.

The rules, for editors in docs/wegwijzer.md:

- "Past nu": the activity's `ladder` contains the person's rung r. "Volgende stap":
  it contains r + 1 but not r (none at rung 6).
- Chosen leefgebieden: the activity shares at least one. Chosen doelgroepen: it shares
  one or has none (open to everyone). A chosen wijk: it is in that wijk or has no wijken.
  An age: it lies within the activity's `leeftijd` (see `applies.to_age`).
- Order: toegang (lightest first, "algemene voorziening gaat voor", Wmo 2015), then
  more shared leefgebieden, then one that names a chosen doelgroep, then one in the
  chosen wijk, then title (case-insensitive), then slug.
- Social activation fits when the number of chosen leefgebieden reaches
  `wegwijzer.drempel` (policy: a problem on 4 of 7 domains) and the rung is in
  `wegwijzer.treden` (default 1-4); the contact is the chosen wijk's own, else
  `wegwijzer.contact`.

No I/O except through the Writer; nothing here knows about Jinja.
"""

from __future__ import annotations

from typing import Any

from .. import urls
from ..assemble import Site
from . import questions
from .datafile import data, write_data
from .questions import rung_from_answers, rung_questions
from .rules import TEXTS, Outcome, match, outcome, rung_span

__all__ = [
    "TEXTS",
    "data",
    "Outcome",
    "match",
    "outcome",
    "page_context",
    "rung_from_answers",
    "write_data",
]


# How many activities of each list start out on the printed handout (one A4 page);
# the person chooses others with the "Op het uitdeelblad" checkboxes.
HANDOUT_NOW = 5
HANDOUT_NEXT = 3


def page_context(site: Site) -> dict[str, Any]:
    """What templates/wegwijzer.html needs besides the `Site`."""
    config = site.config.wegwijzer
    return {
        "data_file": urls.WEGWIJZER_DATA,
        "drempel": config.drempel,
        "treden_text": rung_span(config.treden),
        "contact_org": site.organisation(config.contact) if config.contact else None,
        "rung_questions": rung_questions(),  # the template says them in the site's voice
        "handout_now": HANDOUT_NOW,
        "handout_next": HANDOUT_NEXT,
        "steps": {
            "start": questions.STEP_START,
            "rung": questions.STEP_RUNG,
            "after_rung": questions.STEP_AFTER_RUNG,
            "last": questions.STEP_LAST,
            "first_rung_question": questions.RUNG_STEPS[0][0],
            "needing_rung": " ".join(questions.STEPS_NEEDING_RUNG),
        },
    }
