"""Fresh data by routine: when an entry's `gecontroleerd` date is stale.

`nakijken_na_maanden` in site.yaml (default 12) sets the period; the loader warns
about each stale entry, and `review_queue` lists them per organisation for
`sociale-kaart nakijken`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .checks import Checker


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (31 March -> 28/29 February)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    first_of_next = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    last_day = (first_of_next - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last_day))


@dataclass(frozen=True)
class Review:
    """When an entry's `gecontroleerd` date is stale: before `months` before `today`."""

    today: dt.date
    months: int = 12

    @property
    def since(self) -> dt.date:
        """The oldest date that is still fresh."""
        return months_before(self.today, self.months)

    def is_stale(self, checked: dt.date | None) -> bool:
        return checked is None or checked < self.since

    def check(self, checker: Checker, value: dt.date | None) -> None:
        """Warn when an entry was never or not recently verified, or is dated in the future."""
        line = checker.doc.line_of("gecontroleerd")
        if value is None:
            checker.diags.warning(
                checker.path,
                1,
                "gecontroleerd",
                "ontbreekt; voeg 'gecontroleerd: JJJJ-MM-DD' toe met de datum waarop u de"
                " gegevens hebt nagekeken",
            )
        elif self.is_stale(value):
            months = f"{self.months} {'maand' if self.months == 1 else 'maanden'}"
            checker.diags.warning(
                checker.path,
                line,
                "gecontroleerd",
                f"{value.isoformat()} is meer dan {months} geleden;"
                " kijk de gegevens na en zet hier de nieuwe datum",
            )
        elif value > self.today:
            message = f"{value.isoformat()} ligt in de toekomst; klopt dit?"
            checker.diags.warning(checker.path, line, "gecontroleerd", message)
