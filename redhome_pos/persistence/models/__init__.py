"""Every table of the store database; importing this package registers them all on ``Base``.

Each area owns one module here and one Alembic revision (see ``persistence/migrations``).
Modules are found automatically so that adding an area touches no shared file.
"""

import importlib
import pkgutil

from redhome_pos.persistence.models.base import Base

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")

__all__ = ["Base"]
