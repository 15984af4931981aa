"""Lighthouse (mobile preset, Debian Chromium) on the example site: every category >= 95.

The site is built with `basis_url` set to the local server's address, so the
canonical links point at the page Lighthouse loads, as they do in production.

The performance score is that of a mid-tier phone, whatever machine runs the tests:
Lighthouse's default CPU slowdown (4x) is made for a high-end desktop, so the slowdown
is calibrated to this machine's benchmarkIndex first, as Lighthouse's
docs/throttling.md ("Calibrating the CPU slowdown") says to do on a weaker machine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build import build
from tests.helpers import CHROMIUM, NODE_MODULES, REPO, StaticServer

LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run"
    " --disable-background-networking --disable-component-update --disable-sync"
)
MIN_SCORE = 0.95
DEFAULT_SLOWDOWN = 4.0  # Lighthouse's: a high-end desktop as a mid-tier phone
HIGH_END_DESKTOP = 1500  # the lowest benchmarkIndex of that bracket (docs/throttling.md)
ACTIVITY_BUDGET = 50 * 1024  # bytes an activity page may transfer in total


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    """The example content built for, and served at, http://127.0.0.1:PORT/."""
    root = tmp_path_factory.mktemp("lighthouse")
    content = root / "content"
    shutil.copytree(REPO / "content", content)
    out = root / "out"
    out.mkdir()
    server = StaticServer(out, compress=True)  # gzip, as every web host does
    site_yaml = content / "site.yaml"
    site_yaml.write_text(
        re.sub(
            r"(?m)^basis_url: .*$", f"basis_url: {server.base_url}", site_yaml.read_text("utf-8")
        ),
        encoding="utf-8",
    )
    build(content, out)
    server.start()
    yield server.base_url, out
    server.stop()


def run_lighthouse(url: str, report: Path, slowdown: float = DEFAULT_SLOWDOWN) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-flags={CHROME_FLAGS}",
            f"--throttling.cpuSlowdownMultiplier={slowdown}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
        env=env,
        timeout=180,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes a host of `benchmark_index` a mid-tier phone: the default
    on a high-end desktop, proportionally less on a slower host (never under 1x)."""
    share = min(1.0, benchmark_index / HIGH_END_DESKTOP)
    return max(1.0, round(DEFAULT_SLOWDOWN * share, 1))


@pytest.fixture(scope="module")
def slowdown(local_site, tmp_path_factory) -> float:
    """This machine's slowdown, from the benchmarkIndex of one run on the home page."""
    base, _ = local_site
    probe = run_lighthouse(base, tmp_path_factory.mktemp("ijking") / "report.json")
    return calibrated_slowdown(probe["environment"]["benchmarkIndex"])


def test_the_slowdown_follows_lighthouse_s_table() -> None:
    assert calibrated_slowdown(1800) == calibrated_slowdown(1500) == 4.0
    assert calibrated_slowdown(1100) == 2.9  # a low-end desktop: 2x (1-5) in the table
    assert calibrated_slowdown(200) == 1.0


def first_activity_url(out: Path) -> str:
    slug = sorted(p.name for p in (out / "activiteiten").iterdir() if p.is_dir())[0]
    return f"activiteiten/{slug}/"


PAGES = {"home": "", "zoeken": "zoeken/?q=taalcafe", "wegwijzer": "wegwijzer/"}


@pytest.mark.parametrize("kind", ["home", "activiteit", "zoeken", "wegwijzer"])
def test_lighthouse_scores(local_site, slowdown, tmp_path, kind):
    base, out = local_site
    url = base + (first_activity_url(out) if kind == "activiteit" else PAGES[kind])
    result = run_lighthouse(url, tmp_path / "report.json", slowdown)
    scores = {c: result["categories"][c]["score"] for c in CATEGORIES}
    failing = {c: s for c, s in scores.items() if s is None or s < MIN_SCORE}
    audits = result["audits"]
    details = [
        f"{a['id']}: {a.get('displayValue', '')} {a['title']}"
        for a in audits.values()
        if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
    ]
    host = f"benchmarkIndex {result['environment']['benchmarkIndex']}, CPU {slowdown}x"
    assert failing == {}, f"{scores} ({host})\n" + "\n".join(details)
    if kind == "activiteit":
        total = audits["total-byte-weight"]["numericValue"]
        assert total <= ACTIVITY_BUDGET, f"activiteitpagina is {total / 1024:.1f} KB"
