"""A page of the site as the pipeline passes it on: `Page` (made) and `PagePlan` (to make).

`pages` and the other planners make them, `render` turns them into HTML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    """One page to render: where it goes, with which template, and what it shows."""

    url: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    in_sitemap: bool = True
    h1: str = ""
    """The page's heading, when it says more than the title."""
    policy: str = ""  # its own Content-Security-Policy, when it differs from the site's

    @property
    def heading(self) -> str:
        return self.h1 or self.title


@dataclass(frozen=True)
class PagePlan:
    """A page that will be made: its URL now, the rest (`make`) when it is rendered.

    The pages of entries are made where they are rendered, on any worker (`workers`):
    their summary, QR code and structured data are most of the work of planning."""

    url: str
    make: Callable[[], Page]
    in_sitemap: bool = True

    @classmethod
    def ready(cls, page: Page) -> PagePlan:
        """A page made already (the listings: cheap, and few)."""
        return cls(page.url, lambda: page, page.in_sitemap)
