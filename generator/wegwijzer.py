"""The wegwijzer: match a person to activities, and the data file the browser uses.

`match` and `outcome` are the reference for the rules; templates/static/wegwijzer.js
applies the same rules in the browser to wegwijzer/data.json, which `write_data`
writes at build time. Keep the two in step: the browser tests compare them. The
Dutch outcome sentences live only here (`TEXTS`) and travel to the browser in
the data file, so both sides say exactly the same.

The rules, for editors in docs/wegwijzer.md:

- "Past nu": the activity's `ladder` contains the person's rung r. "Volgende stap":
  it contains r + 1 but not r (none at rung 6).
- Chosen leefgebieden: the activity shares at least one. Chosen doelgroepen: it shares
  one or has none (open to everyone). A chosen wijk: it is in that wijk or has no wijken.
- Order: toegang (lightest first, "algemene voorziening gaat voor", Wmo 2015), then
  more shared leefgebieden first, then title (case-insensitive), then slug.
- Social activation fits when the number of chosen leefgebieden reaches
  `wegwijzer.drempel` from site.yaml (policy: a problem on 4 of 7 domains).

No I/O except through the Writer; nothing here knows about Jinja.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import present, urls
from .assemble import Site
from .model import LADDER, RUNGS, Activity, Organisation, Toegang
from .publish import Writer

# How many activities of each list start out on the printed handout (one A4 page);
# the person chooses others with the "Op het uitdeelblad" checkboxes.
HANDOUT_NOW = 5
HANDOUT_NEXT = 3

# What the outcome says, in plain Dutch (B1). The browser fills in {aantal}, {totaal},
# {drempel}, {organisatie} and {gemeente} the same way `outcome` does.
TEXTS: dict[str, str] = {
    "past": "Sociale activering past waarschijnlijk bij uw situatie: u noemt problemen"
    " op {aantal} van de {totaal} leefgebieden.",
    "past_niet": "Sociale activering is bedoeld voor mensen met problemen op {drempel}"
    " of meer leefgebieden; u noemt er {aantal} van de {totaal}, dus de activiteiten"
    " hieronder passen waarschijnlijk beter bij u.",
    "geen": "U heeft geen leefgebied gekozen, dus u ziet hieronder alle activiteiten"
    " die passen bij waar u nu staat.",
    "contact": "Bespreek met {organisatie} of sociale activering iets voor u is.",
    "contact_gemeente": "Bespreek met de gemeente {gemeente} of sociale activering iets voor u is.",
    "advies": "Dit is een advies en geen besluit.",
}


@dataclass(frozen=True)
class Outcome:
    """What the answers mean for social activation."""

    fits: bool
    aantal: int
    """How many leefgebieden were chosen."""
    totaal: int
    """How many leefgebieden the taxonomy has."""
    drempel: int
    contact: Organisation | None
    """The `wegwijzer.contact` organisation, if site.yaml names one."""
    message: str
    """The one plain sentence that says what the answers mean."""
    next_step: str
    """Whom to talk to; empty when social activation does not fit."""


def match(
    site: Site,
    leefgebieden: Iterable[str],
    rung: int,
    doelgroepen: Iterable[str] = (),
    wijk: str | None = None,
) -> tuple[list[Activity], list[Activity]]:
    """The activities that fit now ("past nu") and the next step ("volgende stap")."""
    chosen = _known(site, "leefgebieden", leefgebieden)
    groups = _known(site, "doelgroepen", doelgroepen)
    if wijk is not None:
        _known(site, "wijken", [wijk])
    if rung not in RUNGS:
        raise ValueError(f"trede {rung!r} bestaat niet; kies 1 tot en met {len(LADDER)}")

    def fits(activity: Activity) -> bool:
        if chosen and not chosen & set(activity.leefgebieden):
            return False
        if groups and activity.doelgroepen and not groups & set(activity.doelgroepen):
            return False
        return not (wijk and activity.wijken and wijk not in activity.wijken)

    def order(activity: Activity) -> tuple[int, int, str, str]:
        shared = len(chosen & set(activity.leefgebieden))
        return (activity.toegang.rank, -shared, activity.titel.casefold(), activity.slug)

    candidates = [a for a in site.activities if fits(a)]
    now = [a for a in candidates if rung in a.ladder]
    upper = rung + 1 if rung + 1 in RUNGS else None
    nxt = [a for a in candidates if upper in a.ladder and rung not in a.ladder]
    return sorted(now, key=order), sorted(nxt, key=order)


def outcome(site: Site, leefgebieden: Iterable[str]) -> Outcome:
    """Whether social activation fits, with the sentence and the contact to show."""
    aantal = len(_known(site, "leefgebieden", leefgebieden))
    config = site.config.wegwijzer
    contact = site.organisation(config.contact) if config.contact else None
    totaal = len(site.taxonomy.leefgebieden)
    values = {
        "aantal": aantal,
        "totaal": totaal,
        "drempel": config.drempel,
        "organisatie": contact.naam if contact else "",
        "gemeente": site.config.gemeente,
    }
    fits = aantal >= config.drempel
    if fits:
        message = TEXTS["past"]
    else:
        message = TEXTS["past_niet"] if aantal else TEXTS["geen"]
    next_step = ""
    if fits:
        next_step = TEXTS["contact"] if contact else TEXTS["contact_gemeente"]
    return Outcome(
        fits=fits,
        aantal=aantal,
        totaal=totaal,
        drempel=config.drempel,
        contact=contact,
        message=message.format(**values),
        next_step=next_step.format(**values),
    )


def _known(site: Site, kind: str, ids: Iterable[str]) -> set[str]:
    """The ids as a set; an unknown id is a programming error, not an empty match."""
    chosen = set(ids)
    unknown = chosen - {t.id for t in site.taxonomy.kind(kind)}
    if unknown:
        raise ValueError(f"onbekende {kind}: {', '.join(sorted(unknown))}")
    return chosen


def page_context(site: Site) -> dict[str, Any]:
    """What templates/wegwijzer.html needs besides the `Site`."""
    config = site.config.wegwijzer
    return {
        "data_file": urls.WEGWIJZER_DATA,
        "drempel": config.drempel,
        "contact_org": site.organisation(config.contact) if config.contact else None,
        "rung_questions": rung_questions(),
        "handout_now": HANDOUT_NOW,
        "handout_next": HANDOUT_NEXT,
    }


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
    previous = {RUNG_STEPS[0][0]: "leefgebieden"}
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


# --- The data file --------------------------------------------------------------------


def data(site: Site) -> dict[str, Any]:
    """Everything the browser needs to match and to print the handout.

    Activities are listed by (title case-insensitive, slug): the browser sorts its
    matches by toegang and shared leefgebieden and uses this position as the final
    tie-break, so it never has to compare Dutch text itself.
    """
    config = site.config.wegwijzer
    contact = site.organisation(config.contact) if config.contact else None
    by_title = sorted(site.activities, key=lambda a: (a.titel.casefold(), a.slug))
    return {
        "drempel": config.drempel,
        "gemeente": site.config.gemeente,
        "teksten": TEXTS,
        "leefgebieden": _terms(site, "leefgebieden"),
        "doelgroepen": _terms(site, "doelgroepen"),
        "wijken": _terms(site, "wijken"),
        "ladder": [{"trede": r.number, "naam": r.naam, "url": urls.rung(r.number)} for r in LADDER],
        "toegang": [{"id": t.value, "label": present.toegang_label(t)} for t in Toegang],
        "contact": _organisation(contact) if contact else None,
        "activiteiten": [_activity(site, a) for a in by_title],
    }


def write_data(site: Site, writer: Writer) -> None:
    """Write wegwijzer/data.json: compact and byte-for-byte reproducible."""
    text = json.dumps(data(site), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    writer.write(urls.WEGWIJZER_DATA, text + "\n")


def _terms(site: Site, kind: str) -> list[dict[str, str]]:
    return [{"id": t.id, "naam": t.naam} for t in site.taxonomy.kind(kind)]


def _organisation(org: Organisation) -> dict[str, str]:
    return {
        "naam": org.naam,
        "url": urls.organisation(org.slug),
        "telefoon": org.telefoon,
        "tel": present.tel_href(org.telefoon) if org.telefoon else "",
        "email": org.email,
        "adres": present.address_line(org.adres),
    }


def _activity(site: Site, activity: Activity) -> dict[str, Any]:
    contact = present.contact(site, activity)
    return {
        "slug": activity.slug,
        "titel": activity.titel,
        "url": urls.activity(activity.slug),
        "organisatie": site.organisation(activity.organisatie).naam,
        "toegang": activity.toegang.value,
        "ladder": sorted(set(activity.ladder)),
        "leefgebieden": list(dict.fromkeys(activity.leefgebieden)),
        "doelgroepen": list(dict.fromkeys(activity.doelgroepen)),
        "wijken": list(dict.fromkeys(activity.wijken)),
        "wanneer": activity.wanneer,
        "waar": present.place(site, activity).text,
        "kosten": present.costs(activity),
        "contactnaam": contact.naam,
        "telefoon": contact.telefoon,
        "tel": present.tel_href(contact.telefoon) if contact.telefoon else "",
        "email": contact.email,
    }
