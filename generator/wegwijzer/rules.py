"""The wegwijzer's rules: which activities fit a person, and what the outcome says.

The Python reference of templates/static/js/wegwijzer/regels.js: tests run both on
the same wegwijzer/data.json and compare the results exactly. The Dutch outcome
sentences live only here (`TEXTS`) and travel to the browser in the data file, so
both sides say exactly the same. No I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .. import applies, voice
from ..assemble import Site
from ..model import LADDER, RUNGS, Activity, Organisation
from ..wording import joined

# What the outcome says, in plain Dutch (B1). The browser fills in {aantal}, {totaal},
# {drempel}, {treden}, {trede}, {organisatie} and {gemeente} the same way `outcome` does.
TEXTS: dict[str, str] = {
    "past": "Sociale activering past waarschijnlijk bij uw situatie: u noemt problemen"
    " op {aantal} van de {totaal} leefgebieden.",
    "past_niet": "Sociale activering is bedoeld voor mensen met problemen op {drempel}"
    " of meer leefgebieden; u noemt er {aantal} van de {totaal}. Het gewone aanbod"
    " hieronder past dan waarschijnlijk beter bij u.",
    "past_niet_trede": "Sociale activering is bedoeld voor mensen op {treden} van de"
    " participatieladder, en u staat op trede {trede}. Daarom passen de activiteiten"
    " hieronder waarschijnlijk beter bij u, zoals steun bij uw werk.",
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
    """The chosen wijk's `contact`, else the `wegwijzer.contact` organisation, if any."""
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
    leeftijd: int | None = None,
) -> tuple[list[Activity], list[Activity]]:
    """The activities that fit now ("past nu") and the next step ("volgende stap").

    Order: toegang (lightest first), more shared leefgebieden, one that names a chosen
    doelgroep before one for everyone, one that names the chosen wijk before a
    municipality-wide one, then title (case-insensitive) and slug."""
    chosen = _known(site, "leefgebieden", leefgebieden)
    groups = _known(site, "doelgroepen", doelgroepen)
    if wijk is not None:
        _known(site, "wijken", [wijk])
    if rung not in RUNGS:
        raise ValueError(f"trede {rung!r} bestaat niet; kies 1 tot en met {len(LADDER)}")

    def fits(activity: Activity) -> bool:
        if chosen and not chosen & set(activity.leefgebieden):
            return False
        if groups and not any(applies.to_doelgroep(activity, g) for g in groups):
            return False
        if leeftijd is not None and not applies.to_age(activity, leeftijd):
            return False
        return not wijk or applies.to_wijk(activity, wijk)

    def order(activity: Activity) -> tuple[int, int, bool, bool, str, str]:
        shared = len(chosen & set(activity.leefgebieden))
        general = not any(applies.targets(activity, "doelgroepen", g) for g in groups)
        elsewhere = bool(wijk) and not applies.targets(activity, "wijken", wijk)
        return (
            activity.toegang.rank,
            -shared,
            general,
            elsewhere,
            activity.titel.casefold(),
            activity.slug,
        )

    candidates = [a for a in site.activities if fits(a)]
    now = [a for a in candidates if rung in a.ladder]
    upper = rung + 1 if rung + 1 in RUNGS else None
    nxt = [a for a in candidates if upper in a.ladder and rung not in a.ladder]
    return sorted(now, key=order), sorted(nxt, key=order)


def contact_for(site: Site, wijk: str | None) -> Organisation | None:
    """The chosen wijk's own `contact`, else `wegwijzer.contact`, else None."""
    term = next((t for t in site.taxonomy.wijken if t.id == wijk), None)
    slug = (term.contact if term else "") or site.config.wegwijzer.contact
    return site.organisation(slug) if slug else None


def rung_span(rungs: Iterable[int]) -> str:
    """`trede 1 tot en met 4`, `trede 2 en 3`, `trede 1, 2 en 5` or `trede 3`."""
    numbers = sorted(set(rungs))
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"trede {numbers[0]} tot en met {numbers[-1]}"
    return "trede " + joined([str(n) for n in numbers])


def outcome(site: Site, leefgebieden: Iterable[str], rung: int, wijk: str | None = None) -> Outcome:
    """Whether social activation fits (enough leefgebieden and a rung in
    `wegwijzer.treden`), with the sentence and the contact to show."""
    aantal = len(_known(site, "leefgebieden", leefgebieden))
    config = site.config.wegwijzer
    contact = contact_for(site, wijk)
    totaal = len(site.taxonomy.leefgebieden)
    values = {
        "aantal": aantal,
        "totaal": totaal,
        "drempel": config.drempel,
        "treden": rung_span(config.treden),
        "trede": rung,
        "organisatie": contact.naam if contact else "",
        "gemeente": site.config.gemeente,
    }
    enough = aantal >= config.drempel
    fits = enough and rung in config.treden
    if fits:
        message = TEXTS["past"]
    elif enough:
        message = TEXTS["past_niet_trede"]
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
        message=voice.say(message, site.config.aanspreekvorm).format(**values),
        next_step=voice.say(next_step, site.config.aanspreekvorm).format(**values),
    )


def _known(site: Site, kind: str, ids: Iterable[str]) -> set[str]:
    """The ids as a set; an unknown id is a programming error, not an empty match."""
    chosen = set(ids)
    unknown = chosen - {t.id for t in site.taxonomy.kind(kind)}
    if unknown:
        raise ValueError(f"onbekende {kind}: {', '.join(sorted(unknown))}")
    return chosen
