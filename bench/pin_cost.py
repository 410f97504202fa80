"""How long one PIN check takes at each scrypt cost, on this machine (JSON out).

The counter checks a PIN at every login and approval, so a check must stay short; someone who
copied the database must pay the same cost for every PIN they try. The program's cost
(``PIN_COST``) is chosen to take about 100 ms here. The baseline measured in the same run is
the cost the program used before (n = 2**15).

    .venv/bin/python bench/pin_cost.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

from redhome_pos.domain.staff import PIN_COST, ScryptCost, hash_pin, pin_matches

BEFORE = ScryptCost(n=2**15, r=8, p=1)
TARGET_MS = 100.0


def check_ms(cost: ScryptCost, repeat: int) -> float:
    stored = hash_pin("4821", cost=cost)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        pin_matches("4821", stored)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    costs = [ScryptCost(n=2**k, r=8, p=1) for k in range(14, 17)]
    by_cost = {f"n=2**{c.n.bit_length() - 1},r={c.r}": check_ms(c, args.repeat) for c in costs}
    chosen = check_ms(PIN_COST, args.repeat)
    baseline = check_ms(BEFORE, args.repeat)
    offline_seconds = 10_000 * chosen / 1000  # every 4-digit PIN, one core
    print(
        json.dumps(
            {
                "load_average": os.getloadavg()[0],
                "pin_cost": {"n": PIN_COST.n, "r": PIN_COST.r, "p": PIN_COST.p},
                "check_ms_median": round(chosen, 1),
                "baseline_n_2_15_ms_median": round(baseline, 1),
                "target_ms": TARGET_MS,
                "all_4_digit_pins_one_core_seconds": round(offline_seconds),
                "by_cost_ms_median": {k: round(v, 1) for k, v in by_cost.items()},
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
