"""Every table of the store database; importing this package registers them all on ``Base``.

Each area owns one module here and one Alembic revision (see ``persistence/migrations``).
"""

from redhome_pos.persistence.models.base import Base
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow

__all__ = [
    "Base",
    "BarcodeRow",
    "ProductRow",
    "SkuRow",
    "StaffRow",
    "StockLevelRow",
    "StockMovementRow",
]
