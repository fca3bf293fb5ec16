"""The HTML export in a real browser: headless Chromium draws it, prints it, asks for nothing.

Needs Debian's ``chromium`` (the ``chromium`` fixture, in conftest.py, says what happens
without it).
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import struct
import subprocess
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.core.models import Plan
from careercoach.ui.html_export import to_html

from .browser import CHROMIUM_FLAGS

pytestmark = pytest.mark.e2e

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
WIDTH, HEIGHT = 1000, 2400  # the chart comes after the actions and strengths
# The bar colours of the chart (export._CSS): high, moderate, low.
BAR_COLOURS = {
    "high": (0xB3, 0x26, 0x1E),
    "moderate": (0xA1, 0x5C, 0x00),
    "low": (0x2E, 0x7D, 0x32),
}


@pytest.fixture
def sample() -> Plan:
    return Plan.model_validate_json((PLANS / "sample.json").read_text(encoding="utf-8"))


# Chromium's own background traffic (network time, component updates, sign-in) that the
# flags do not stop; nothing a page asks for goes to these hosts.
CHROMIUM_OWN = ("google.com", "googleapis.com", "gstatic.com", "gvt1.com")


def request_host(line: str) -> str:
    """``CONNECT host:443 HTTP/1.1`` or ``GET http://host/path HTTP/1.1`` -> ``host``."""
    parts = line.split()
    target = parts[1] if len(parts) > 1 else ""
    if "://" in target:
        target = target.split("://", 1)[1].split("/", 1)[0]
    return target.rsplit(":", 1)[0] if ":" in target else target


class Listener:
    """Chromium's proxy: every request the browser makes arrives here and is noted."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(32)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _note(self, conn: socket.socket) -> None:
        conn.settimeout(2)
        try:
            self.requests.append(conn.recv(1024).split(b"\r\n", 1)[0].decode("latin-1"))
        except OSError as exc:
            self.requests.append(f"? {exc}")
        finally:
            conn.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self._note(conn)

    def page_requests(self) -> list[str]:
        """Stop, note what still waits in the backlog, and return the requests that are
        not Chromium's own."""
        if not self._stop.is_set():
            self._stop.set()
            self._thread.join()
            self.sock.setblocking(False)
            with contextlib.suppress(OSError):
                while True:
                    self._note(self.sock.accept()[0])
        return [
            line
            for line in self.requests
            if not any(
                request_host(line) == own or request_host(line).endswith("." + own)
                for own in CHROMIUM_OWN
            )
        ]

    def close(self) -> None:
        self.page_requests()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


def run_chromium(chromium: str, tmp: Path, proxy_port: int, *args: str) -> None:
    command = [
        chromium,
        "--headless",
        *CHROMIUM_FLAGS,
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'profile'}",
        # Every request the page could make goes to the listener (none should).
        f"--proxy-server=http://127.0.0.1:{proxy_port}",
        "--proxy-bypass-list=<-loopback>",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        previous = line
        if bpp == 4:
            rgb = bytearray(width * 3)
            rgb[0::3], rgb[1::3], rgb[2::3] = line[0::4], line[1::4], line[2::4]
            rows.append(bytes(rgb))
        else:
            rows.append(bytes(line))
    return width, height, rows


def pixels(rows: list[bytes]) -> Iterator[tuple[int, int, tuple[int, int, int]]]:
    for y, row in enumerate(rows):
        for x in range(0, len(row), 3):
            yield x // 3, y, (row[x], row[x + 1], row[x + 2])


BAR_RUN = 12
"""Pixels of a level's colour in a row: at least this many side by side are a bar; the
level's word in the findings table, in the same colour, has shorter strokes."""


def rows_rgb(rows: list[bytes], x: int, y: int) -> tuple[int, int, int]:
    return (rows[y][3 * x], rows[y][3 * x + 1], rows[y][3 * x + 2])


def test_html_draws_a_chart_and_requests_nothing(
    chromium: str, sample: Plan, tmp_path: Path, listener: Listener
) -> None:
    page = tmp_path / "plan.html"
    # with explain, the chart holds every need: low ones too (without, moderate and high)
    page.write_text(to_html(sample, explain=True), encoding="utf-8")
    shot = tmp_path / "plan.png"
    run_chromium(
        chromium,
        tmp_path,
        listener.port,
        f"--window-size={WIDTH},{HEIGHT}",
        f"--screenshot={shot}",
        page.as_uri(),
    )
    width, height, rows = read_png(shot)
    assert (width, height) == (WIDTH, HEIGHT)

    colours: set[tuple[int, int, int]] = set()
    bars: dict[str, list[tuple[int, int]]] = {level: [] for level in BAR_COLOURS}
    by_colour = {rgb: level for level, rgb in BAR_COLOURS.items()}
    run: list[tuple[int, int]] = []  # the pixels of one colour in a row, left to right
    for x, y, rgb in pixels(rows):
        colours.add(rgb)
        if run and (rgb != rows_rgb(rows, *run[-1]) or y != run[-1][1] or x != run[-1][0] + 1):
            if len(run) >= BAR_RUN:  # a bar, not the level word in the table below it
                bars[by_colour[rows_rgb(rows, *run[0])]] += run
            run = []
        if rgb in by_colour:
            run.append((x, y))
    assert len(colours) > 16  # text, rules, bars: not a blank page

    # Every level has bars (in the sample: 6 high, 5 moderate, 5 low with a score > 0),
    # high bars above moderate ones above low ones, as the plan orders them.
    for level, points in bars.items():
        assert len(points) > 400, (level, len(points))
    top = {level: min(y for _, y in points) for level, points in bars.items()}
    assert top["high"] < top["moderate"] < top["low"]

    # The chart area (the box around the bars) is largely not white.
    xs = [x for points in bars.values() for x, _ in points]
    ys = [y for points in bars.values() for _, y in points]
    left, right, upper, lower = min(xs), max(xs), min(ys), max(ys)
    area = [
        rows[y][3 * x : 3 * x + 3] for y in range(upper, lower + 1) for x in range(left, right + 1)
    ]
    non_white = sum(1 for rgb in area if rgb != b"\xff\xff\xff")
    assert non_white / len(area) > 0.3  # bars and tracks, white gaps between rows (0.36 here)

    assert listener.page_requests() == []


def test_html_prints_to_pdf(
    chromium: str, sample: Plan, tmp_path: Path, listener: Listener
) -> None:
    page = tmp_path / "plan.html"
    page.write_text(to_html(sample, explain=True), encoding="utf-8")
    pdf = tmp_path / "plan.pdf"
    run_chromium(
        chromium,
        tmp_path,
        listener.port,
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 20_000  # text and the chart, not an empty page
    assert listener.page_requests() == []
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:  # poppler-utils: page 1 holds the chart's bars
        with contextlib.suppress(subprocess.SubprocessError):
            subprocess.run(
                [pdftoppm, "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
                check=True,
                timeout=60,
            )
            (first,) = tmp_path.glob("p*.png")
            _, _, rows = read_png(first)
            found = {rgb for _, _, rgb in pixels(rows)}
            assert BAR_COLOURS["high"] in found


def test_the_proxy_sees_what_a_page_asks_for(
    chromium: str, tmp_path: Path, listener: Listener
) -> None:
    """Control: a page that does load something is caught, so the checks above mean it."""
    page = tmp_path / "leaky.html"
    page.write_text(
        '<!DOCTYPE html><p>x</p><img src="http://leak.example/pixel.png">', encoding="utf-8"
    )
    run_chromium(
        chromium, tmp_path, listener.port, f"--screenshot={tmp_path / 'x.png'}", page.as_uri()
    )
    assert [request_host(line) for line in listener.page_requests()] == ["leak.example"]


def test_a_browser_reads_hostile_own_words_and_commitments_as_text(
    chromium: str, tmp_path: Path, listener: Listener
) -> None:
    """The browser's own parser, not ours: a written answer and an if-then line full of
    HTML build no element of their own in the page."""
    from html.parser import HTMLParser

    from careercoach.core.models import Commitment, OwnWords

    plan = Plan.model_validate_json((PLANS / "injection.json").read_text(encoding="utf-8"))
    hostile = "</p></blockquote><img src=http://leak.example/x.png><script>alert(1)</script>"
    plan = plan.model_copy(
        update={
            "own_words": [OwnWords(bank="inj", question="q", prompt=hostile, text=hostile)],
            "commitments": [
                Commitment(
                    number=1, action_id="inj.a1", text=hostile, by="2031-01-10", if_then=hostile
                )
            ],
        }
    )
    page = tmp_path / "plan.html"
    page.write_text(to_html(plan), encoding="utf-8")
    command = [chromium, "--headless", *CHROMIUM_FLAGS]
    command += [
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--proxy-server=http://127.0.0.1:{listener.port}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.tags.append(tag)

    tags = Tags()
    tags.feed(done.stdout)
    assert "img" not in tags.tags and "script" not in tags.tags
    assert tags.tags.count("blockquote") == 1
    assert "By Friday 10 January 2031." in done.stdout
    assert listener.page_requests() == []
