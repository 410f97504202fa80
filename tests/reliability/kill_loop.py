"""The SIGKILL loop the crash tests share: a child process sets up a store, then sells until
the database holds enough sales while the test kills it at random moments, checking after
every kill that nothing partial is left."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def start(child: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(child), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def set_up(child: Path, db_path: Path) -> None:
    setup = start(child, "setup", str(db_path))
    assert setup.wait(timeout=120) == 0, setup.stderr.read() if setup.stderr else ""


def kill_until_done(
    child: Path,
    db_path: Path,
    total: int,
    assert_whole: Callable[[Path], int],
    *,
    seed: int,
    most_lines: int,
    most_wait_s: float,
    most_kills: int = 300,
) -> int:
    """Run ``child sell DB TOTAL`` again and again: let it commit up to ``most_lines`` sales,
    wait up to ``most_wait_s``, kill it (somewhere inside the next sale or between two,
    whatever the machine's speed), and check the database with ``assert_whole`` (which
    returns how many sales it holds) until it holds ``total``. Returns how many kills."""
    rng = random.Random(seed)
    kills = 0
    done = 0
    while done < total:
        process = start(child, "sell", str(db_path), str(total))
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready", (
            process.stderr.read() if process.stderr else ""
        )
        for _ in range(rng.randint(0, most_lines)):
            if process.stdout.readline().strip() in {"finished", ""}:
                break
        time.sleep(rng.uniform(0.0, most_wait_s))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=120)
        done = assert_whole(db_path)
        assert kills < most_kills, "the child makes no progress"
    assert done == total
    return kills
