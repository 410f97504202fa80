"""A reconciliation run from the back office: the online figures are read with the store's
connector, compared with the store's, and the run kept; all on the long-job worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from redhome_pos.domain.reconciliation import DifferenceKind, Resolution
from redhome_pos.domain.staff import Permission, StaffSession, require
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services import reconciliation
from redhome_pos.services.counter import Till
from redhome_pos.services.reconciliation import Decision, RunLine, RunRecord, RunResult
from redhome_pos.services.reconciliation_export import write_run_csv
from sync.connector import OnlineStore
from sync.errors import SyncError
from sync.reconcile_fetch import fetch_mirrored_figures

Report = Callable[[str, int, int], None]


@contextmanager
def online_store_of(context: Any) -> Iterator[OnlineStore]:
    """The connector the app was given (``extras["online_store"]``), or one built from the
    store's configuration for this run."""
    given = context.extras.get("online_store")
    if given is not None:
        yield given
        return
    config = context.config
    online = getattr(config, "online_store", None)
    if online is None or not online.enabled or online.kind != "red":
        raise SyncError(detail="no online store is set up in the settings")
    from sync.red.setup import red_client, red_online_store
    from sync.token_store import DatabaseTokenStore

    with red_client(online) as client:
        yield red_online_store(online, client, DatabaseTokenStore(context.database, online.kind))


def run(
    context: Any, till: Till, staff: StaffSession, report: Report, *, full: bool = False
) -> RunResult:
    """Bring the online catalog mirror up to date (only what changed since the last read,
    unless ``full``), read online stock for the SKUs that need it, compare, keep the run."""
    require(staff, Permission.RECONCILE)
    moved = None if full else reconciliation.stock_to_read(context.database)
    with online_store_of(context) as store:
        figures = fetch_mirrored_figures(
            context.database, store, moved=moved, full=full, progress=report
        )
    return reconciliation.run_reconciliation(
        context.database,
        till,
        figures.skus,
        staff=staff,
        progress=lambda done, total: report("compare", done, total),
    )


def lines(
    database: Database, run_id: int, kind: DifferenceKind | None, text: str, undecided: bool
) -> tuple[list[RunLine], dict[int, str]]:
    """The run's lines as filtered, and the variant (色号：#520) of each store SKU in them."""
    found = reconciliation.run_lines(
        database,
        run_id,
        kinds=None if kind is None else [kind],
        text=text,
        undecided_only=undecided,
    )
    skus = (line.difference.sku_id for line in found if line.difference.sku_id is not None)
    with database.reading() as session:
        variants = {sku: named[1] for sku, named in CatalogRepository(session).names(skus).items()}
    return found, variants


def runs(database: Database) -> list[RunRecord]:
    return reconciliation.runs(database)


def decide(
    database: Database,
    till: Till,
    staff: StaffSession,
    line_ids: list[int],
    resolution: Resolution,
    reason: str,
) -> list[Decision]:
    return reconciliation.resolve(database, till, staff, line_ids, resolution, reason=reason)


def export(database: Database, run_id: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"reconciliation-{run_id}.csv"
    write_run_csv(database, run_id, path)
    return path
