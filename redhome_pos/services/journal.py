"""今日流水 at the counter: today's sales of this till, found by time, amount or product."""

from __future__ import annotations

from redhome_pos.domain.journal import SaleSummary, matches
from redhome_pos.domain.sale import Sale
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.journal import JournalRepository
from redhome_pos.persistence.repositories.sales import SaleRepository
from redhome_pos.persistence.repositories.shifts import ShiftRepository
from redhome_pos.services.counter import Till


def todays_sales(database: Database, till: Till, query: str = "") -> list[SaleSummary]:
    """This till's sales of the store's day, newest first, those ``query`` finds
    (see ``domain.journal.matches``)."""
    with database.reading() as session:
        sales = JournalRepository(session).day(till.terminal_id, till.today())
    return [sale for sale in sales if matches(sale, query, till.timezone)]


def last_sale(database: Database, till: Till) -> Sale | None:
    """The last sale of the shift open at this till (what 整单作废 would void), or None."""
    with database.reading() as session:
        shift = ShiftRepository(session).current(till.terminal_id)
        if shift is None:
            return None
        sales = SaleRepository(session)
        sale_id = sales.last_sale_id(shift.id)
        return sales.get(sale_id) if sale_id is not None else None
