"""The opt-in background map of /kaart/: nothing from elsewhere until "Kaart laden",
then tiles from the one origin site.yaml names, which only that page's policy allows."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from generator.build import build, check
from generator.diagnostics import BuildFailed
from generator.policy import CONTENT_SECURITY_POLICY, allowing
from tests.conftest import MINIMAL_CONTENT, buurthuis_activity
from tests.helpers import axe_check

PLACE = (
    "locaties:\n"
    "  - naam: Buurthuis De Linde\n"
    "    plaats: Proefdorp\n"
    "    coordinaten: [52.2551, 6.1602]\n"
)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 220, 200)).save(out, "PNG")
    return out.getvalue()


class TileServer:
    """Another origin that answers every path with the same tile, and notes the paths."""

    def __init__(self) -> None:
        tile = _png()
        seen: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                seen.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(tile)))
                self.end_headers()
                self.wfile.write(tile)

            def log_message(self, *args: object) -> None:
                pass

        self.seen = seen
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def tiles() -> Iterator[TileServer]:
    server = TileServer()
    yield server
    server.server.shutdown()


def _site_yaml(background: str) -> str:
    return MINIMAL_CONTENT["site.yaml"] + "kaart:\n  achtergrond:\n" + background


def _content(minimal_content, background: str) -> Path:
    return minimal_content(
        {
            "site.yaml": _site_yaml(background),
            "activiteiten/inloop.md": buurthuis_activity("Inloop", PLACE),
        }
    )


def _policy(path: Path) -> str:
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


@pytest.mark.browser
def test_tiles_come_only_after_the_click_and_only_from_the_chosen_origin(
    minimal_content, tmp_path: Path, tiles: TileServer, serve_site, page
) -> None:
    tile_url = tiles.origin + "/{z}/{x}/{y}.png"
    content = _content(
        minimal_content,
        f"    tegels: {tile_url}\n    bronvermelding: © Proefdorp en OpenStreetMap-bijdragers\n",
    )
    out = tmp_path / "out"
    build(content, out)
    assert _policy(out / "kaart/index.html") == allowing(tiles.origin)
    assert _policy(out / "index.html") == CONTENT_SECURITY_POLICY
    base = serve_site(out)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "kaart/")
    button = page.get_by_role("button", name="Kaart laden")
    assert button.is_visible()
    assert "127.0.0.1:" + tiles.origin.rsplit(":", 1)[1] in page.text_content(".kaart-privacy")
    assert not [r for r in requests if r.startswith(tiles.origin)]
    assert [str(v) for v in axe_check(page, "kaart met knop")] == []
    button.click()
    page.wait_for_selector(".leaflet-tile-loaded")
    page.wait_for_selector(".leaflet-interactive")  # the place, as a circle
    foreign = {r.split("/")[2] for r in requests if not r.startswith(base)}
    assert foreign == {tiles.origin.removeprefix("http://")}
    assert tiles.seen and all(p.endswith(".png") for p in tiles.seen)
    assert "Proefdorp en OpenStreetMap" in page.text_content(".leaflet-control-attribution")
    assert page.is_hidden(".kaart-figuur")
    assert [str(v) for v in axe_check(page, "kaart met achtergrond")] == []


def test_a_pmtiles_file_widens_the_policy_for_its_origin(minimal_content, tmp_path) -> None:
    content = _content(
        minimal_content,
        "    pmtiles: https://tegels.proefdorp.nl/kaart.pmtiles\n    bronvermelding: © Proefdorp\n",
    )
    out = tmp_path / "out"
    build(content, out)
    policy = _policy(out / "kaart/index.html")
    assert "connect-src 'self' https://tegels.proefdorp.nl;" in policy
    assert "img-src 'self' data: https://tegels.proefdorp.nl;" in policy
    assert (out / "static/vendor/protomaps-leaflet.js").is_file()
    assert (out / "static/vendor/leaflet/leaflet.js").is_file()
    button = BeautifulSoup((out / "kaart/index.html").read_text("utf-8"), "html.parser").select_one(
        "[data-kaart-laden]"
    )
    assert button["data-pmtiles"] == "https://tegels.proefdorp.nl/kaart.pmtiles"


def test_without_a_background_nothing_of_it_is_there(example_site: Path) -> None:
    assert not (example_site / "static/vendor/leaflet").exists()
    assert "Kaart laden" not in (example_site / "kaart/index.html").read_text("utf-8")
    assert _policy(example_site / "kaart/index.html") == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    ("background", "message"),
    [
        (
            "    tegels: https://t.example.nl/{z}/{x}.png\n    bronvermelding: x\n",
            "in het adres van de tegels ontbreekt {y}; schrijf het zoals"
            " https://tegels.voorbeeld.nl/{z}/{x}/{y}.png",
        ),
        (
            "    tegels: https://t.example.nl/{z}/{x}/{y}.png\n"
            "    pmtiles: https://t.example.nl/a.pmtiles\n    bronvermelding: x\n",
            "kies één bron voor de achtergrond: pmtiles of tegels",
        ),
        (
            "    tegels: https://t.example.nl/{z}/{x}/{y}.png\n",
            "dit veld ontbreekt of is leeg; het is verplicht",
        ),
    ],
)
def test_a_wrong_background_is_named(minimal_content, background: str, message: str) -> None:
    with pytest.raises(BuildFailed) as failed:
        check(_content(minimal_content, background))
    (error,) = failed.value.diagnostics.errors
    assert error.message == message
    assert error.field.startswith("kaart.achtergrond")


def test_the_server_header_of_the_map_page_is_its_own_policy(example_site: Path) -> None:
    """`serve` sends each page's own policy; docs/beveiliging.md shows the widened one."""
    from generator.policy import FRAME_POLICY, HEADER_POLICY, header_for

    assert header_for((example_site / "kaart/index.html").read_bytes()) == HEADER_POLICY
    widened = f'<meta http-equiv="Content-Security-Policy" content="{allowing("https://t.nl")}">'
    assert header_for(widened.encode()) == allowing("https://t.nl") + FRAME_POLICY
    docs = (Path(__file__).parent.parent / "docs/beveiliging.md").read_text("utf-8")
    assert allowing("https://tegels.lindeveen.example") + FRAME_POLICY in docs
