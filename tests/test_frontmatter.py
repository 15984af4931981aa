"""Reading one content file: bytes -> text -> YAML with the line of every key and item.

These are unit tests of generator.frontmatter; test_validation.py checks the
same problems end to end, with the file path, through generator.build.check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.frontmatter import decode, dotted, parse_markdown_file, parse_yaml


def read_yaml(text: str) -> tuple[dict | None, list[str]]:
    diags = Diagnostics()
    doc = parse_yaml(text, "f.yaml", diags)
    return (doc.data if doc else None), [d.format() for d in diags]


def read_markdown(text: str) -> tuple[object, list[str]]:
    diags = Diagnostics()
    doc = parse_markdown_file(text, "f.md", diags)
    return doc, [d.format() for d in diags]


# --- Bytes to text -------------------------------------------------------------


def test_decode_removes_bom_and_normalises_line_endings() -> None:
    diags = Diagnostics()
    text = decode("\ufeffa: 1\r\nb: 2\rc: 3\n".encode(), "f", diags)
    assert text == "a: 1\nb: 2\nc: 3\n"
    assert len(diags) == 0


def test_decode_reports_the_line_of_a_byte_that_is_not_utf8() -> None:
    diags = Diagnostics()
    assert decode(b"a: 1\nb: caf\xe9\n", "f", diags) is None
    assert [d.format() for d in diags] == [
        "f:2: het bestand is niet opgeslagen als UTF-8: op deze regel staat waarschijnlijk het"
        " teken 'é' (byte 0xe9 in Windows-1252); sla het bestand op als UTF-8 (in Kladblok:"
        " Opslaan als, Codering UTF-8)"
    ]
    assert decode(b"a: \x81", "f", Diagnostics()) is None
    undefined = Diagnostics()
    decode(b"a: \x81", "f", undefined)
    assert "staat een onleesbaar teken (byte 0x81)" in undefined.items[0].message


@pytest.mark.parametrize("raw", [b"", b"\n\n", b"  \r\n\t\n", b"\xef\xbb\xbf"])
def test_decode_reports_an_empty_file(raw: bytes) -> None:
    diags = Diagnostics()
    assert decode(raw, "f", diags) is None
    assert [d.format() for d in diags] == [
        "f:1: het bestand is leeg; vul de velden in of verwijder het bestand"
    ]


# --- YAML traps: every scalar stays text -----------------------------------------


def test_plain_scalars_stay_text() -> None:
    data, problems = read_yaml(
        "telefoon: 0570123456\n"
        "a: no\n"
        "b: off\n"
        "c: yes\n"
        "d: 2026-02-30\n"
        "e: 1.50\n"
        "f: 0x1F\n"
        "g: 1e3\n"
        "h: .inf\n"
        "i: 12:30\n"
        "j: 010\n"
    )
    assert problems == []
    assert data == {
        "telefoon": "0570123456",
        "a": "no",
        "b": "off",
        "c": "yes",
        "d": "2026-02-30",
        "e": "1.50",
        "f": "0x1F",
        "g": "1e3",
        "h": ".inf",
        "i": "12:30",
        "j": "010",
    }


def test_empty_values_are_none_but_quoted_ones_are_text() -> None:
    data, _ = read_yaml("a:\nb: ~\nc: null\nd: ''\ne: 'null'\n")
    assert data == {"a": None, "b": None, "c": None, "d": "", "e": "null"}


def test_the_global_yaml_loader_is_untouched() -> None:
    import yaml

    assert yaml.safe_load("a: no\nb: 10") == {"a": False, "b": 10}


# --- Lines ------------------------------------------------------------------------


def test_lines_of_keys_nested_keys_and_list_items() -> None:
    diags = Diagnostics()
    doc = parse_yaml(
        "titel: a\ncontact:\n  naam: b\ndoelgroepen:\n  - x\n  - y\nladder: [1, 2]\n",
        "f",
        diags,
        line_offset=1,
    )
    assert doc is not None
    assert doc.line_of("titel") == 2
    assert doc.line_of("contact", "naam") == 4
    assert doc.line_of("doelgroepen", 1) == 7
    assert doc.line_of("ladder", 1) == 8
    # Unknown keys fall back to their parent, and finally to line 1.
    assert doc.line_of("contact", "email") == 3
    assert doc.line_of("nergens") == 1


def test_dotted_names_count_list_items_from_one() -> None:
    assert dotted(("doelgroepen", 0)) == "doelgroepen[1]"
    assert dotted(("contact", "naam")) == "contact.naam"
    assert dotted(("wijken", 2, "id")) == "wijken[3].id"
    assert dotted(()) == ""


# --- Problems inside the YAML -----------------------------------------------------------

YAML_ERRORS = {
    "unquoted-colon": (
        "titel: Koffie: lekker\n",
        "f.yaml:1: de YAML klopt niet: hier staat een ':' die YAML niet verwacht; zet de tekst"
        ' tussen aanhalingstekens ("...") of controleer het inspringen',
    ),
    "indented-key": (
        "titel: a\n  toegang: vrij\n",
        "f.yaml:2: de YAML klopt niet: hier staat een ':' die YAML niet verwacht; zet de tekst"
        ' tussen aanhalingstekens ("...") of controleer het inspringen',
    ),
    "dedented-key": (
        "contact:\n    naam: a\n  telefoon: b\n",
        "f.yaml:3: de YAML klopt niet: controleer het inspringen"
        " (alle velden even ver naar rechts)",
    ),
    "tab-indent": (
        "contact:\n\tnaam: a\n",
        "f.yaml:2: de YAML klopt niet: er staat een tab; gebruik spaties om in te springen",
    ),
    "missing-colon": (
        "titel: a\nwanneer\nkosten: b\n",
        "f.yaml:2: de YAML klopt niet: hier mist een ':' na de veldnaam",
    ),
    "missing-colon-at-start": (
        "wanneer\ntitel: a\n",
        "f.yaml:2: de YAML klopt niet: hier staat een ':' die YAML niet verwacht; zet de tekst"
        ' tussen aanhalingstekens ("...") of controleer het inspringen',
    ),
    "bad-escape-code": (
        'titel: "a\\qb"\n',
        "f.yaml:1: de YAML klopt niet: na een '\\' tussen dubbele aanhalingstekens staat een"
        " onbekend teken; gebruik enkele aanhalingstekens ('...')",
    ),
    "unclosed-quote": (
        'titel: "Koffie\nkosten: gratis\n',
        "f.yaml:1: de YAML klopt niet: een aanhalingsteken wordt niet afgesloten",
    ),
    "unclosed-list": (
        "ladder: [1, 2\ntoegang: vrij\n",
        "f.yaml:1: de YAML klopt niet: een lijst die begint met '[' wordt niet goed afgesloten;"
        " zet komma's tussen de items en sluit af met ']'",
    ),
    "unclosed-group": (
        "leeftijd: {min: 1\n",
        "f.yaml:1: de YAML klopt niet: een groep die begint met '{' wordt niet goed afgesloten;"
        " sluit af met '}'",
    ),
    "text-after-quote": (
        'titel: "Koffie" en thee\n',
        "f.yaml:1: de YAML klopt niet: hier staat tekst die YAML niet verwacht; staat er tekst"
        " na een aanhalingsteken, of springt de regel verkeerd in?",
    ),
    "apostrophe-in-single-quotes": (
        "titel: 'Koffie 's ochtends'\n",
        "f.yaml:1: de YAML klopt niet: hier staat tekst die YAML niet verwacht; staat er tekst"
        " na een aanhalingsteken, of springt de regel verkeerd in?",
    ),
    "at-sign": (
        "email: @buurthuis\n",
        "f.yaml:1: de YAML klopt niet: een waarde mag niet beginnen met '@'; zet de tekst"
        ' tussen aanhalingstekens ("...")',
    ),
    "alias": (
        "kosten: *gratis\n",
        "f.yaml:1: de YAML klopt niet: een waarde mag niet beginnen met '*'; zet de tekst"
        ' tussen aanhalingstekens ("...")',
    ),
    "recursive-alias": (
        "a: &x [*x]\n",
        "f.yaml:1: de YAML klopt niet: een waarde mag niet beginnen met '&'; zet de tekst"
        ' tussen aanhalingstekens ("...")',
    ),
    "tag": (
        "titel: !belangrijk Koffie\n",
        "f.yaml:1: de YAML klopt niet: een waarde mag niet beginnen met '!'; zet de tekst"
        ' tussen aanhalingstekens ("...")',
    ),
    "python-tag": (
        "titel: !!python/object/apply:os.system [ls]\n",
        "f.yaml:1: de YAML klopt niet: een waarde mag niet beginnen met '!'; zet de tekst"
        ' tussen aanhalingstekens ("...")',
    ),
    "bad-escape": (
        'titel: "C:\\Users"\n',
        "f.yaml:1: de YAML klopt niet: na een '\\' tussen dubbele aanhalingstekens staat een"
        " onbekend teken; gebruik enkele aanhalingstekens ('...')",
    ),
    "second-document": (
        "titel: a\n---\ngemeente: b\n",
        "f.yaml:2: de YAML klopt niet: er staat een regel '---' te veel; haal die weg",
    ),
    "control-character": (
        "titel: a\nkosten: gr\x07tis\n",
        "f.yaml:2: er staat een onzichtbaar of verboden teken (code U+0007); haal het weg",
    ),
    "list-instead-of-fields": (
        "- titel: a\n",
        "f.yaml:1: verwacht velden als 'naam: waarde', één per regel, maar vond een lijst",
    ),
    "text-instead-of-fields": (
        "Koffie-ochtend\n",
        "f.yaml:1: verwacht velden als 'naam: waarde', één per regel,"
        " maar vond alleen de tekst 'Koffie-ochtend'",
    ),
    "comments-only": ("# niets\n", "f.yaml:1: er staan geen gegevens in"),
    "key-is-a-list": (
        "titel: a\n[b, c]: d\n",
        "f.yaml:2: een veldnaam moet gewone tekst zijn, zoals 'naam:'",
    ),
}


@pytest.mark.parametrize("text, expected", YAML_ERRORS.values(), ids=YAML_ERRORS.keys())
def test_yaml_errors_are_explained_in_dutch_with_their_line(text: str, expected: str) -> None:
    _, problems = read_yaml(text)
    assert problems == [expected]


def test_duplicate_keys_are_reported_at_the_second_one_and_the_first_value_stays() -> None:
    data, problems = read_yaml("titel: a\ncontact:\n  naam: b\n  naam: c\ntitel: d\n")
    assert problems == [
        "f.yaml:4: contact.naam: dit veld staat er twee keer in",
        "f.yaml:5: titel: dit veld staat er twee keer in",
    ]
    assert data == {"titel": "a", "contact": {"naam": "b"}}


def test_yaml_errors_get_the_line_in_the_whole_file() -> None:
    diags = Diagnostics()
    parse_yaml("a: b\nc: d: e\n", "f", diags, line_offset=1)
    assert [d.line for d in diags] == [3]


# --- Front matter --------------------------------------------------------------------


def test_front_matter_and_body() -> None:
    doc, problems = read_markdown("---\ntitel: a\n---\n\nTekst met --- erin.\n\n---\nMeer.\n")
    assert problems == []
    assert doc.data == {"titel": "a"}
    assert doc.body == "Tekst met --- erin.\n\n---\nMeer."
    assert doc.body_line == 5  # the first line of text, after the blank line
    assert doc.line_of("titel") == 2


def test_front_matter_may_end_with_dots_and_trailing_spaces() -> None:
    doc, problems = read_markdown("--- \ntitel: a\n...  \nTekst\n")
    assert problems == []
    assert doc.data == {"titel": "a"}
    assert doc.body == "Tekst"


def test_file_without_body_is_fine() -> None:
    doc, problems = read_markdown("---\ntitel: a\n---\n")
    assert problems == []
    assert doc.body == ""


FRONT_MATTER_ERRORS = {
    "no-front-matter": (
        "titel: a\n",
        "f.md:1: het bestand moet beginnen met een regel '---', dan de velden, dan weer '---'",
    ),
    "text-before-front-matter": (
        "Koffie\n---\ntitel: a\n---\n",
        "f.md:1: het bestand moet beginnen met een regel '---', dan de velden, dan weer '---'",
    ),
    "missing-closing-line": (
        "---\ntitel: a\n",
        "f.md:1: de velden bovenaan worden niet afgesloten met een regel '---'",
    ),
    "empty-front-matter": (
        "---\n---\nTekst\n",
        "f.md:1: er staan geen velden tussen de regels '---'",
    ),
    "error-inside": (
        "---\ntitel: a\nwanneer: dinsdag: 10 uur\n---\n",
        "f.md:3: de YAML klopt niet: hier staat een ':' die YAML niet verwacht; zet de tekst"
        ' tussen aanhalingstekens ("...") of controleer het inspringen',
    ),
}


@pytest.mark.parametrize(
    "text, expected", FRONT_MATTER_ERRORS.values(), ids=FRONT_MATTER_ERRORS.keys()
)
def test_front_matter_errors(text: str, expected: str) -> None:
    doc, problems = read_markdown(text)
    assert doc is None
    assert problems == [expected]


def test_the_fast_and_the_careful_yaml_reader_agree_on_every_content_file() -> None:
    """libyaml reads what it safely can; PyYAML's own loader the rest. On every file of
    the example and the every-field corpus both give the same values and lines."""
    import yaml

    from generator import frontmatter, yaml_loaders

    if yaml_loaders._FastTextLoader is None:
        pytest.skip("PyYAML without libyaml")
    repo = Path(__file__).resolve().parent.parent
    files = [*repo.glob("content/**/*.yaml"), *repo.glob("content/**/*.md")]
    files += [*repo.glob("tests/fixtures/alle-velden/**/*.*")]
    fast = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("---", 2)[1]
        docs = []
        for loader in (yaml_loaders._FastTextLoader, yaml_loaders._TextLoader):
            node = yaml.compose(text, Loader=loader)
            doc = frontmatter.Document(data={})
            doc.data = frontmatter._convert(node, (), doc, str(path), Diagnostics(), 0)
            docs.append((doc.data, doc.lines))
        assert docs[0] == docs[1], path
        fast += yaml_loaders._SPECIAL.search(text) is None and yaml_loaders._shallow(text)
    assert fast > 100  # most files take the fast path
