"""Counter app benchmark on a 200,000-SKU demo store; prints JSON.

    .venv/bin/python bench/ui.py [--db FILE] [--skus N] [--scans N]

Builds the demo store in a temporary directory (or reuses ``--db FILE`` when it holds a
catalog), then measures in fresh processes, offscreen:

- the whole path a clerk waits for: ``redhome-pos app`` launched on a demo store's configuration
  file (configuration, database open and upgrade check, print worker, payments, translations,
  the window) until the login screen shows, then the PIN typed on the pad (the production
  scrypt cost) until the sale screen shows, and that process's peak RSS (best of three starts
  after a first one that warms the file cache);
- start-up to the sale screen ready (clerk logged in, cart shown), beside the start-up of a bare
  QApplication with one window (the baseline measured in the same run), and the peak RSS;
- scan to line visible: a barcode scan routed as the scan filter routes it, until the cart
  table has been painted with its line (p50/p99 over ``--scans`` scans of different SKUs),
  starting 3 s after the clerk is in (the time a PIN takes; the app loads its search module
  meanwhile);
- a search typed while the cart stays responsive: queries typed into the search over the cart,
  and the longest the GUI thread went without running a 5 ms timer meanwhile.

Targets: launch to login <= 2 s, PIN to sale screen <= 1 s, peak RSS <= 300 MB, scan to line
p99 <= 30 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()
HERE = Path(__file__).resolve()
# This file is bench/ui.py: its folder must not shadow the ``ui`` package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE.parent]


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _peak_rss_mb() -> float:
    """This process's peak resident memory. ``ru_maxrss`` would carry the parent's peak over
    the fork into a child; the kernel's high-water mark starts again at exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- children: each runs in its own process -----------------------------------------------------


def child_baseline() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("REDHOME")
    label.show()
    app.processEvents()
    return {"seconds": time.perf_counter() - STARTED, "peak_rss_mb": _peak_rss_mb()}


def _shell(db_url: str) -> Any:
    from redhome_pos.domain.staff import ScryptCost
    from redhome_pos.persistence.database import Database
    from redhome_pos.services import shifts
    from redhome_pos.services.counter import Till
    from redhome_pos.services.demo_staff import add_demo_staff
    from ui.app import application, install_language
    from ui.context import AppContext
    from ui.shell import Shell

    app = application()
    install_language(app, "zh_CN")
    database = Database(db_url)
    shell = Shell(AppContext(database=database, store_code="SH001", terminal_id="T1"), app)
    shell.window.resize(1024, 768)
    shell.show()
    clerk = add_demo_staff(database, Till("SH001", "T1"), cost=ScryptCost(n=16, r=1, p=1))["1001"]
    shell.counter.session.log_in(clerk)
    # Nothing is sold before the shift is open: the clerk opened it with the float counted.
    till = shell.counter.till
    if shifts.current_shift(database, till) is None:
        shifts.open_shift(database, till, clerk, 50_000)
    shell.counter.session.set_shift(shifts.current_shift(database, till))
    app.processEvents()
    return app, shell


def child_startup(db_url: str) -> dict[str, Any]:
    _app, shell = _shell(db_url)
    ready = shell.sale.isVisible() and shell.window.current_screen() is shell.sale
    seconds = time.perf_counter() - STARTED
    shell.stop()
    return {"seconds": seconds, "ready": ready, "peak_rss_mb": _peak_rss_mb()}


def _wait(app: Any, condition: Any, timeout_s: float = 5.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()


def time_scans(
    app: Any, shell: Any, codes: list[str], per_sale: int, ending: Any = None
) -> list[float]:
    """Seconds from each of ``codes`` routed as the scan filter routes it until its line is on
    screen: the cart table painted with one more row, or one more unit of a line, than before
    the scan (the whole of what the clerk waits for: the look-up, the cart, the promotions, the
    table's layout and its painting). A new sale every ``per_sale`` scans; ``ending``, when
    given, is called with each cart before the next sale and at the end, untimed."""
    from PySide6.QtCore import QEvent, QObject

    sale = shell.sale

    def shown() -> tuple[int, int]:
        return sale.model.rowCount(), sum(line.quantity for line in sale.cart.lines)

    painted: list[tuple[int, int]] = []  # what the cart held at each paint of its table

    class Paints(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(shown())
            return False

    paints = Paints()
    sale.table.viewport().installEventFilter(paints)
    samples: list[float] = []
    for n, code in enumerate(codes):
        if n % per_sale == 0:
            if ending is not None and n:
                ending(sale.cart)
            sale.new_sale()
            _wait(app, lambda: False, timeout_s=0.05)  # the empty cart drawn
        rows, units = shown()
        painted.clear()
        begin = time.perf_counter()
        shell.route_scan(code)
        _wait(app, lambda r=rows, u=units: any(p[0] > r or p[1] > u for p in painted))
        if not any(p[0] > rows or p[1] > units for p in painted):
            raise RuntimeError(f"scan {n} ({code}): its line was never drawn")
        samples.append(time.perf_counter() - begin)
    sale.table.viewport().removeEventFilter(paints)
    if ending is not None:
        ending(sale.cart)
    return samples


def child_scans(db_url: str, skus: int, scans: int) -> dict[str, Any]:

    from redhome_pos.services.demo_catalog import demo_barcode

    app, shell = _shell(db_url)
    # A clerk takes a few seconds to log in; the app loads the search module meanwhile.
    _wait(app, lambda: False, timeout_s=3.0)
    step = max(1, skus // max(1, scans))
    codes = [demo_barcode(1, (n * step) % skus) for n in range(scans)]
    samples = time_scans(app, shell, codes, per_sale=20)
    shell.stop()
    return {
        "scans": len(samples),
        "p50_ms": round(statistics.median(samples) * 1000, 2),
        "p99_ms": round(_percentile(samples, 0.99) * 1000, 2),
        "max_ms": round(max(samples) * 1000, 2),
        "peak_rss_mb": _peak_rss_mb(),
    }


def child_search(db_url: str) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    app, shell = _shell(db_url)
    sale = shell.sale
    _wait(app, lambda: False, timeout_s=3.0)  # the clerk logging in, as for the scans
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    sale.open_search()
    shown: list[float] = []
    for query in ("口", "口红", "面膜", "kh", "khs", "精华", "lip", "咖啡"):
        begin = time.perf_counter()
        count = [0]
        sale.search.results_shown.connect(lambda n, c=count: c.__setitem__(0, c[0] + 1))
        sale.search.field.setText(query)
        _wait(app, lambda c=count: c[0] > 0)
        shown.append(time.perf_counter() - begin)
        sale.search.results_shown.disconnect()
    timer.stop()
    shell.stop()
    return {
        "queries": len(shown),
        "typed_to_results_p50_ms": round(statistics.median(shown) * 1000, 1),
        "typed_to_results_max_ms": round(max(shown) * 1000, 1),
        "gui_longest_gap_ms": round(max(gaps) * 1000, 1),
        "note": "typed_to_results includes the 150 ms debounce",
    }


def child_app(launched_at: float) -> dict[str, Any]:
    """``redhome-pos app`` as a store starts it (its configuration from REDHOME_CONFIG): the
    command line, configuration, database open and upgrade check, print worker, payments,
    translations and the window — until the login screen shows; then the clerk's PIN on the
    pad (the real scrypt check) until the sale screen shows. ``launched_at`` is the parent's
    ``time.monotonic()`` just before it started this process (the clock is system-wide)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from redhome_pos import cli
    from ui.shell import Shell

    marks: dict[str, float] = {}
    original_show = Shell.show

    def show_and_drive(shell: Shell) -> None:
        original_show(shell)
        QTimer.singleShot(0, lambda: login_shown(shell))

    def login_shown(shell: Shell) -> None:
        marks["login_shown"] = time.monotonic()
        login = shell.login
        login.staff_code.setText("1001")
        login.staff_code.returnPressed.emit()
        for digit in "1111":
            login.pad.buttons[digit].click()
        marks["pin_entered"] = time.monotonic()
        login.pad.buttons["OK"].click()
        wait_for_sale(shell)

    def wait_for_sale(shell: Shell) -> None:
        window = shell.window
        if (
            not window.is_locked
            and window.current_screen() is shell.sale
            and shell.sale.isVisible()
        ):
            marks["sale_shown"] = time.monotonic()
            marks["peak_rss_mb"] = _peak_rss_mb()
            app = QApplication.instance()
            for widget in QApplication.topLevelWidgets():
                widget.close()
            if app is not None:
                app.quit()
            return
        QTimer.singleShot(1, lambda: wait_for_sale(shell))

    Shell.show = show_and_drive  # type: ignore[method-assign]
    code = cli.main(["app"])
    return {
        "exit_code": code,
        "launch_to_login_s": round(marks["login_shown"] - launched_at, 3),
        "pin_to_sale_screen_s": round(marks["sale_shown"] - marks["pin_entered"], 3),
        "peak_rss_mb": round(marks["peak_rss_mb"], 1),
    }


def _store_config(root: Path, skus: int) -> Path:
    """A demo store under ``root`` with its configuration file, as ``redhome-pos demo`` makes
    it (staff with the production PIN cost)."""
    from redhome_pos.commands.demo import prepare_demo_store
    from redhome_pos.config import write_config
    from redhome_pos.persistence.database import Database
    from redhome_pos.persistence.migrate import upgrade
    from ui.screenshots import demo_config

    config = demo_config(root)
    scanning = replace(config.scanning, code_secret=secrets.token_urlsafe(32))
    config = replace(config, scanning=scanning)
    path = root / "config.toml"
    write_config(config, path)
    database = Database(config.database.url)
    upgrade(database)
    prepare_demo_store(config, database, skus=skus, seed=1)
    database.dispose()
    return path


def _run_app(config_path: Path) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REDHOME_CONFIG=str(config_path))
    launched_at = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(HERE), "--child", "app", repr(launched_at)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- the parent: builds the store, runs the children, prints JSON -------------------------------


def _run_child(*args: str) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(HERE), "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _build(db_path: Path, skus: int) -> float:
    from sqlalchemy import select

    from redhome_pos.persistence.database import Database
    from redhome_pos.persistence.migrate import upgrade
    from redhome_pos.persistence.models.catalog import SkuRow
    from redhome_pos.services.demo_catalog import load_demo_store

    database = Database(f"sqlite:///{db_path}")
    upgrade(database)
    with database.reading() as session:
        has_catalog = session.scalar(select(SkuRow.id).limit(1)) is not None
    began = time.perf_counter()
    if not has_catalog:
        load_demo_store(database, skus=skus, seed=1, terminal_id="T1")
    database.dispose()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="a demo store file to build or reuse")
    parser.add_argument("--skus", type=int, default=200_000)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "baseline":
            result = child_baseline()
        elif kind == "startup":
            result = child_startup(rest[0])
        elif kind == "app":
            result = child_app(float(rest[0]))
        elif kind == "scans":
            result = child_scans(rest[0], int(rest[1]), int(rest[2]))
        else:
            result = child_search(rest[0])
        print(json.dumps(result))
        return
    load_before = os.getloadavg()[0]  # other work on the machine skews the figures
    with tempfile.TemporaryDirectory(prefix="redhome-bench-ui-app-") as scratch:
        config_path = _store_config(Path(scratch), args.skus)
        _run_app(config_path)  # the first start upgrades and warms the file cache
        whole = [_run_app(config_path) for _ in range(3)]
    with tempfile.TemporaryDirectory(prefix="redhome-bench-ui-") as scratch:
        db_path = args.db or Path(scratch) / "store.db"
        build_s = _build(db_path, args.skus)
        url = f"sqlite:///{db_path}"
        _run_child("startup", url)  # warm the file cache once; the next runs are measured
        baseline = _run_child("baseline")
        startup = [_run_child("startup", url) for _ in range(3)]
        scans = _run_child("scans", url, str(args.skus), str(args.scans))
        search = _run_child("search", url)
    print(
        json.dumps(
            {
                "skus": args.skus,
                "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                "build_s": round(build_s, 1),
                # What a clerk waits for: redhome-pos launched to its login screen, then the
                # PIN (the production scrypt cost) to the sale screen; best of three starts.
                "app_launch_to_login_s": min(w["launch_to_login_s"] for w in whole),
                "app_pin_to_sale_screen_s": min(w["pin_to_sale_screen_s"] for w in whole),
                "app_peak_rss_mb": max(w["peak_rss_mb"] for w in whole),
                "app_runs": whole,
                "app_note": "the sync engine starts only with [online_store] enabled; the demo "
                "store runs offline",
                "startup_to_sale_screen_s": round(min(s["seconds"] for s in startup), 3),
                "startup_ready": all(s["ready"] for s in startup),
                "baseline_bare_window_s": round(baseline["seconds"], 3),
                "startup_peak_rss_mb": round(max(s["peak_rss_mb"] for s in startup), 1),
                "scan_to_line": scans,
                "search_while_cart_responsive": search,
                "targets": {
                    "launch_to_login_s": 2.0,
                    "pin_to_sale_screen_s": 1.0,
                    "peak_rss_mb": 300,
                    "scan_p99_ms": 30,
                },
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
