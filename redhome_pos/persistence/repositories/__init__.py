"""Repositories: they take a SQLAlchemy ``Session`` and return domain objects, never rows.

Services build them on the session of their unit of work::

    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        stock.record(movement, allow_negative=False)
        uow.commit()
"""

from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.stock import LevelMismatch, StockRepository

__all__ = ["CatalogRepository", "LevelMismatch", "OutboxRepository", "StockRepository"]
