"""Promotions benchmark; prints JSON.

Full size (the figures the targets are for; a few minutes, on a quiet machine):

    .venv/bin/python bench/promotions.py --rules 500 --lines 30 --rounds 300 \
        --skus 20000 --scans 200

Small, to check while others work (pricing only, fewer rounds):

    nice -n 10 .venv/bin/python bench/promotions.py --no-counter --rounds 100

1. Pricing: a 30-line cart (1 to 3 of each SKU, half of them SKUs that SKU rules name) priced by
   the promotion engine with 500 active rules of every kind and scope (SKU, product, brand,
   category, bundles, store-wide 满减 in a group, a few exclusive), p50/p99/max over
   ``--rounds`` fresh pricings; beside it, as the baseline of the same run, the same cart
   priced with no rules. Both the engine alone and the whole cart total (what the counter
   works out after each scan) are timed. Target: p99 <= 5 ms with the rules.
2. Scan to line at the counter, offscreen, in fresh processes on a demo store of ``--skus``
   SKUs: barcodes scanned into 30-line carts, each until its line is drawn, first with
   no promotions in the database (the baseline), then with ``--rules`` active promotions on
   the store's own SKUs, products, brands and categories. Target: p99 <= 30 ms, the counter's
   scan-to-line target (bench/ui.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
# This file is in bench/: its folder must not shadow the ``ui`` package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE.parent]

from redhome_pos.domain.cart import Cart, CartItem, PromotionContext  # noqa: E402
from redhome_pos.domain.promotions import (  # noqa: E402
    PricingLine,
    Promotion,
    PromotionBook,
    PromotionKind,
    Scope,
    ScopeKind,
    Stacking,
)

TARGET_PRICING_P99_MS = 5.0
TARGET_SCAN_P99_MS = 30.0


@dataclass(frozen=True, slots=True)
class Goods:
    """A SKU as promotions see it."""

    sku_id: int
    code: str
    product_id: int
    brand: str
    category: str
    price_fen: int


def _percentiles(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3),
    }


def make_rules(goods: Sequence[Goods], count: int, rng: random.Random) -> list[Promotion]:
    """``count`` active rules over ``goods``, as a busy store has them: mostly on one to three
    SKUs or on one product, twenty on a brand, four on a category (one exclusive), ten bundles,
    and three store-wide 满减 tiers of which one at most applies."""
    brands = sorted({g.brand for g in goods})
    categories = sorted({g.category for g in goods})
    rules: list[Promotion] = []
    sku_kinds = (
        {"kind": PromotionKind.SPECIAL_PRICE, "pay_bp": 8000},
        {"kind": PromotionKind.NTH_ITEM, "nth": 2, "pay_bp": 5000},
        {"kind": PromotionKind.BUY_GET, "buy_qty": 2, "get_qty": 1},
        {"kind": PromotionKind.THRESHOLD_PERCENT, "min_qty": 2, "pay_bp": 9000},
    )
    n = 0

    def add(**fields: Any) -> None:
        nonlocal n
        n += 1
        rules.append(Promotion(code=f"B{n:04d}", **fields))

    plan = [("store", 3), ("category", 4), ("brand", 20), ("bundle", 10), ("product", 120)]
    kinds = [kind for kind, n in plan for _ in range(n)]
    kinds += ["sku"] * max(0, count - len(kinds))
    for number, kind in enumerate(kinds[:count]):
        if kind == "store":  # 满199减20, 满299减40, 满499减80: one of them at most
            add(
                kind=PromotionKind.THRESHOLD_OFF,
                threshold_fen=(19_900, 29_900, 49_900)[number % 3],
                off_fen=(2_000, 4_000, 8_000)[number % 3],
                group="满减",
            )
        elif kind == "category":
            add(
                kind=PromotionKind.THRESHOLD_PERCENT,
                scope=Scope(ScopeKind.CATEGORY, frozenset({categories[number % len(categories)]})),
                min_qty=3,
                pay_bp=9500,
                stacking=Stacking.EXCLUSIVE_ITEMS if number % 4 == 0 else Stacking.STACK,
            )
        elif kind == "brand":
            add(
                kind=PromotionKind.THRESHOLD_OFF,
                scope=Scope(ScopeKind.BRAND, frozenset({brands[number % len(brands)]})),
                threshold_fen=20_000,
                off_fen=2_000,
            )
        elif kind == "bundle":
            picked = rng.sample(list(goods), 2)
            add(
                kind=PromotionKind.BUNDLE,
                bundle=tuple((g.sku_id, 1) for g in picked),
                price_fen=max(100, sum(g.price_fen for g in picked) * 8 // 10),
            )
        elif kind == "product":
            add(
                scope=Scope(ScopeKind.PRODUCT, frozenset({str(rng.choice(goods).product_id)})),
                **sku_kinds[number % len(sku_kinds)],
            )
        else:
            named = rng.sample(list(goods), rng.randint(1, 3))
            add(
                scope=Scope(ScopeKind.SKU, frozenset(str(g.sku_id) for g in named)),
                priority=50 + number % 100,
                **sku_kinds[number % len(sku_kinds)],
            )
    return rules


def make_cart_goods(
    goods: Sequence[Goods], rules: Sequence[Promotion], lines: int, rng: random.Random
) -> list[tuple[Goods, int]]:
    """``lines`` different SKUs, a third of them named by SKU rules, 1 to 3 of each."""
    named = {
        int(v) for rule in rules if rule.scope.kind is ScopeKind.SKU for v in rule.scope.values
    }
    by_id = {g.sku_id: g for g in goods}
    promoted = rng.sample(sorted(named & set(by_id)), min(lines // 3, len(named)))
    chosen = [by_id[i] for i in promoted]
    others = [g for g in goods if g.sku_id not in set(promoted)]
    chosen += rng.sample(others, lines - len(chosen))
    return [(g, rng.randint(1, 3)) for g in chosen]


def synthetic_goods(count: int, rng: random.Random) -> list[Goods]:
    brands = [f"品牌{n}" for n in range(60)]
    categories = ["美妆", "护肤", "零食", "饮料", "家居", "个护", "母婴", "服饰", "数码", "文具"]
    return [
        Goods(
            sku_id=n,
            code=f"SKU-{n:06d}",
            product_id=n // 4 + 1,
            brand=brands[(n // 4) % len(brands)],
            category=categories[(n // 4) % len(categories)],
            price_fen=rng.randrange(990, 39_900, 10),
        )
        for n in range(1, count + 1)
    ]


def _timed(
    rounds: int, work: Callable[[Any], object], setup: Callable[[], Any] = lambda: None
) -> dict[str, float]:
    """Wall-clock percentiles, and the same of the CPU time this process spent (on a machine
    others load, the wall clock also counts the time the process waited for a core)."""
    work(setup())  # warm
    wall, cpu = [], []
    for _ in range(rounds):
        prepared = setup()
        began, began_cpu = time.perf_counter(), time.process_time()
        work(prepared)
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    found = _percentiles(wall)
    found.update({f"cpu_{k}": v for k, v in _percentiles(cpu).items() if k != "max_ms"})
    return found


def _item(g: Goods) -> CartItem:
    return CartItem(
        sku_id=g.sku_id,
        sku_code=g.code,
        title=g.code,
        price_fen=g.price_fen,
        vat_rate_bp=1300,
        product_id=g.product_id,
        brand=g.brand,
        category=g.category,
    )


def pricing(rule_count: int, line_count: int, rounds: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    goods = synthetic_goods(5_000, rng)
    rules = make_rules(goods, rule_count, rng)
    picked = make_cart_goods(goods, rules, line_count, rng)
    at = datetime(2026, 6, 18, 6, 0, tzinfo=UTC)
    lines = [
        PricingLine(n, g.sku_id, g.code, g.price_fen, qty, g.product_id, g.brand, g.category)
        for n, (g, qty) in enumerate(picked, start=1)
    ]

    def cart_before_last_scan(book: PromotionBook) -> Callable[[], Cart]:
        """The cart with every line but the last one's last unit, priced already."""

        def setup() -> Cart:
            cart = Cart(promotions=PromotionContext(book, at))
            for n, (g, qty) in enumerate(picked):
                if n < len(picked) - 1 or qty > 1:
                    cart.add(_item(g), qty if n < len(picked) - 1 else qty - 1)
            cart.totals()
            return cart

        return setup

    def scan_last(cart: Cart) -> object:
        cart.add(_item(picked[-1][0]))
        return cart.totals()

    with_rules = PromotionBook(rules)
    none = PromotionBook([])
    result = with_rules.price(lines, at)
    engine_with = _timed(rounds, lambda _: with_rules.price(lines, at))
    engine_none = _timed(rounds, lambda _: none.price(lines, at))
    scan_with = _timed(rounds, scan_last, cart_before_last_scan(with_rules))
    scan_none = _timed(rounds, scan_last, cart_before_last_scan(none))
    return {
        "rules": rule_count,
        "cart_lines": line_count,
        "cart_units": sum(qty for _, qty in picked),
        "rounds": rounds,
        "promotions_applied": len(result.applied),
        "saving_fen": result.saving_fen,
        "engine_with_rules": engine_with,
        "engine_with_none": engine_none,
        "scan_with_rules": scan_with,
        "scan_with_none": scan_none,
        "note": (
            "engine: pricing the 30-line cart (the exact best combination); scan: one more "
            "unit added to the priced cart and its totals worked out again, as the counter "
            "does after a scan"
        ),
    }


# -- scan to line, in fresh processes ------------------------------------------------------------


def _wait(app: Any, condition: Callable[[], bool], timeout_s: float = 5.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()


def child_scans(db_url: str, scans: int, lines: int) -> dict[str, Any]:
    from redhome_pos.domain.staff import ScryptCost
    from redhome_pos.persistence.database import Database
    from redhome_pos.services import shifts
    from redhome_pos.services.counter import Till
    from redhome_pos.services.demo_picks import stocked_skus
    from redhome_pos.services.demo_staff import add_demo_staff
    from ui.app import application, install_language
    from ui.context import AppContext
    from ui.shell import Shell

    app = application()
    install_language(app, "zh_CN")
    database = Database(db_url)
    codes = [s.barcode for s in stocked_skus(database, min_on_hand=1, limit=lines * 4)]
    shell = Shell(AppContext(database=database, store_code="SH001", terminal_id="T1"), app)
    shell.window.resize(1024, 768)
    shell.show()
    clerk = add_demo_staff(database, Till("SH001", "T1"), cost=ScryptCost(n=16, r=1, p=1))["1001"]
    shell.counter.session.log_in(clerk)
    counter = shell.counter
    if shifts.current_shift(database, counter.till) is None:  # scans need an open shift
        shifts.open_shift(database, counter.till, clerk, 50_000)
    shell.refresh_shift()
    sale = shell.sale
    _wait(app, lambda: sale.promotions.book is not None)
    _wait(app, lambda: False, timeout_s=2.0)  # the clerk logging in
    rules = len(sale.promotions.book) if sale.promotions.book is not None else 0
    saving = [0]  # the largest any cart got

    def ending(cart: Cart) -> None:
        saving[0] = max(saving[0], cart.totals().promotion_fen)

    scanned = [codes[(n * 7) % len(codes)] for n in range(scans)]
    samples = _bench_ui().time_scans(app, shell, scanned, lines, ending)
    shell.stop()
    return {"rules_loaded": rules, "scans": len(samples), "largest_saving_fen": saving[0]} | (
        _percentiles(samples)
    )


def _bench_ui() -> Any:
    """bench/ui.py, whose scans are timed as these are (its name would shadow the ``ui``
    package: it is loaded from its file under another)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_ui", HERE.parent / "ui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def _store_goods(database: Any) -> list[Goods]:
    from sqlalchemy import select

    from redhome_pos.persistence.models.catalog import ProductRow, SkuRow

    with database.reading() as session:
        rows = session.execute(
            select(
                SkuRow.id,
                SkuRow.code,
                SkuRow.product_id,
                ProductRow.brand,
                ProductRow.category,
                SkuRow.price_fen,
            ).join(ProductRow, ProductRow.id == SkuRow.product_id)
        ).all()
    return [Goods(int(i), c, int(p), b or "", k or "", int(f)) for i, c, p, b, k, f in rows]


def scan_to_line(skus: int, rule_count: int, scans: int, lines: int, seed: int) -> dict[str, Any]:
    from redhome_pos.persistence.database import Database
    from redhome_pos.persistence.migrate import upgrade
    from redhome_pos.persistence.repositories.promotions import PromotionRepository
    from redhome_pos.services.demo_catalog import load_demo_store

    with tempfile.TemporaryDirectory(prefix="redhome-bench-promotions-") as scratch:
        path = Path(scratch) / "store.db"
        url = f"sqlite:///{path}"
        database = Database(url)
        upgrade(database)
        began = time.perf_counter()
        load_demo_store(database, skus=skus, seed=1, terminal_id="T1")
        build_s = time.perf_counter() - began
        baseline = _run_child("scans", url, str(scans), str(lines))
        rng = random.Random(seed)
        rules = make_rules(_store_goods(database), rule_count, rng)
        with database.unit_of_work() as uow:
            repository = PromotionRepository(uow.session)
            for rule in rules:
                repository.save(rule, None, datetime.now(UTC))
            uow.commit()
        database.dispose()
        promoted = _run_child("scans", url, str(scans), str(lines))
    return {
        "skus": skus,
        "build_s": round(build_s, 1),
        "with_no_promotions": baseline,
        "with_promotions": promoted,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rules", type=int, default=500)
    parser.add_argument("--lines", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--skus", type=int, default=20_000)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--no-counter", action="store_true", help="pricing only")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _kind, url, scans, lines = args.child
        print(json.dumps(child_scans(url, int(scans), int(lines))))
        return
    report: dict[str, Any] = {
        "pricing": pricing(args.rules, args.lines, args.rounds, args.seed),
    }
    if not args.no_counter:
        report["scan_to_line"] = scan_to_line(
            args.skus, args.rules, args.scans, args.lines, args.seed
        )
    report["load_average_1_min"] = round(os.getloadavg()[0], 2)
    report["cores"] = os.cpu_count()
    report["targets"] = {
        "pricing_p99_ms": TARGET_PRICING_P99_MS,
        "scan_to_line_p99_ms": TARGET_SCAN_P99_MS,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
