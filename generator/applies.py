"""Which activities apply to whom and where: the one definition every view uses.

- An activity applies to doelgroep D when it names D, or names no doelgroep at all
  (it is for everyone).
- An activity applies to wijk W when it names W, or names no wijk at all (it is for
  the whole municipality).
- An activity applies to an age when the age lies within its `leeftijd` (both ends
  inclusive); without `leeftijd` it applies to every age.
- Leefgebieden and soorten are different: an activity helps with the leefgebieden it
  names and is of the soorten it names; one that names none is of none of them.

Listings, search (in the browser, through the rule `EMPTY_APPLIES` written into
zoeken/gegevens.json), the wegwijzer and the overview all use these functions, and
tests check that they agree. No I/O.
"""

from __future__ import annotations

from .model import Activity

# For each list field of an activity: does an empty list mean "applies to every value"?
EMPTY_APPLIES = {"doelgroepen": True, "wijken": True, "leefgebieden": False, "soorten": False}


def to_term(activity: Activity, kind: str, term_id: str) -> bool:
    """Whether the activity applies to doelgroep, wijk or leefgebied `term_id`."""
    ids = getattr(activity, kind)
    return term_id in ids or (EMPTY_APPLIES[kind] and not ids)


def to_doelgroep(activity: Activity, doelgroep: str) -> bool:
    return to_term(activity, "doelgroepen", doelgroep)


def to_wijk(activity: Activity, wijk: str) -> bool:
    return to_term(activity, "wijken", wijk)


def to_age(activity: Activity, age: int) -> bool:
    low, high = activity.leeftijd.min, activity.leeftijd.max
    return (low is None or low <= age) and (high is None or age <= high)


def targets(activity: Activity, kind: str, term_id: str) -> bool:
    """Whether the activity names the term itself (not only through an empty list)."""
    return term_id in getattr(activity, kind)
