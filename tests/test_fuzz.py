"""Property-based: whatever an editor writes, the build answers with diagnostics, never a crash.

Hypothesis writes front matter (known and unknown fields, YAML syntax, any Unicode,
nesting) and Markdown bodies, and sometimes raw bytes, into one activity and one
organisation file of an otherwise valid content folder. Every input must give
exit 0 or exit 1, and every line on stderr must be a `file:line: ...` diagnostic or
the closing summary: never a traceback, never a hang (a deadline per example), and
never a file written outside the output folder.

The number of examples is bounded so that CI stays fast; derandomized, so that a
CI run is reproducible. For a longer local search:
`SOCIALE_KAART_FUZZ=2000 .venv/bin/python -m pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.schema import ACTIVITY, ORGANISATION
from tests.conftest import MINIMAL_CONTENT, RECENT
from tests.helpers import write_tree

EXAMPLES = int(os.environ.get("SOCIALE_KAART_FUZZ", "200"))
DIAGNOSTIC = re.compile(r"^/\S*:\d+: ")
# The closing lines of cli.py: the count, and alike warnings taken together.
SUMMARY = re.compile(
    r"^(Gestopt: \d+ fout(en)?, \d+ waarschuwing(en)?\.( \S+ is niet gewijzigd\.)?"
    r"|… en nog \d+ keer dezelfde waarschuwing( over \S+)? \(alle: --alle\))$"
)

# Text that YAML and Markdown react to, mixed with any Unicode (surrogates included).
SYNTAX = st.sampled_from(
    list(":-[]{}#&*!|>'\"%@`,?\\\n\t ") + ["---", "...", "\\u", "\\x", "<a ", "[x](", "**", "> "]
)
TEXT = st.lists(st.one_of(SYNTAX, st.text(max_size=12)), max_size=12).map("".join)
SCALAR = st.one_of(TEXT, st.integers().map(str), st.sampled_from(["", "~", "ja", "nee", "1e9"]))
VALUE = st.recursive(
    SCALAR.map(lambda s: f'"{s}"' if s and s[0] in " \"'" else s),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.sampled_from(["min", "max", "van", "naam", "x"]), inner, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"
        ),
    ),
    max_leaves=6,
)


def _front_matter(keys: list[str]) -> st.SearchStrategy[str]:
    key = st.one_of(st.sampled_from(keys), TEXT)
    line = st.tuples(key, VALUE).map(lambda kv: f"{kv[0]}: {kv[1]}")
    return st.lists(line, max_size=10).map("\n".join)


VALID_ACTIVITY = (
    f"organisatie: buurthuis\nladder: [1]\ntoegang: vrij\nkosten: gratis\ngecontroleerd: {RECENT}\n"
)
VALID_ORGANISATION = f"gecontroleerd: {RECENT}\n"
PRINTABLE = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=30)
MARKDOWN = st.lists(
    st.one_of(
        PRINTABLE,
        SYNTAX,
        st.sampled_from(["\n\n", "- ", "1. ", "# ", "![a](b.png)", "<b>", "&amp;", "[x](y)"]),
    ),
    max_size=20,
).map("".join)


def _file(keys: list[str], valid: str, name: str, fields: list[str]) -> st.SearchStrategy[bytes]:
    """Fuzzed front matter and body; or a valid file whose body and one text field are
    fuzzed (these reach the templates); or any bytes."""
    fuzzed = st.tuples(_front_matter(keys), TEXT).map(lambda fb: f"---\n{fb[0]}\n---\n{fb[1]}\n")
    field = st.tuples(st.sampled_from(fields or [""]), PRINTABLE).map(
        lambda f: f"{f[0]}: {json.dumps(f[1])}\n" if f[0] else ""
    )
    rendered = st.tuples(PRINTABLE, field, MARKDOWN).map(
        lambda v: f"---\n{name}: {json.dumps(v[0])}\n{valid}{v[1]}---\n{v[2]}\n"
    )
    as_bytes = st.one_of(fuzzed, rendered, rendered).map(
        lambda t: t.encode("utf-8", "surrogatepass")
    )
    return st.one_of(as_bytes, as_bytes, as_bytes, st.binary(max_size=200))


ACTIVITY_FILE = _file(list(ACTIVITY), VALID_ACTIVITY, "titel", ["wanneer", "locatie"])
ORGANISATION_FILE = _file(list(ORGANISATION), VALID_ORGANISATION, "naam", [])


@settings(
    max_examples=EXAMPLES,
    deadline=5000,  # ms per example: a hang fails instead of stalling CI
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(activity=ACTIVITY_FILE, organisation=ORGANISATION_FILE)
def test_any_content_gives_diagnostics_never_a_crash(activity: bytes, organisation: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content = root / "content"
        write_tree(content, dict(MINIMAL_CONTENT))
        (content / "activiteiten" / "fuzz.md").write_bytes(activity)
        (content / "organisaties" / "fuzz.md").write_bytes(organisation)
        out = root / "out"

        def outside() -> list[Path]:  # every path that is not the output (staging included)
            return sorted(p for p in root.rglob("*") if not p.is_relative_to(out))

        before = outside()
        result = CliRunner().invoke(
            main, ["build", "--content", str(content), "--output", str(out)]
        )
        event(f"exit {result.exit_code}")
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        for line in result.stderr.splitlines():
            assert DIAGNOSTIC.match(line) or SUMMARY.match(line), line
        assert outside() == before
