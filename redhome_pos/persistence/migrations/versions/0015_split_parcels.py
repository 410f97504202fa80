"""split parcels: an online order may leave in several parcels, each with its own courier

One delivery per order becomes one row per parcel (``parcels``) with the units of each order
line it holds (``parcel_lines``). Every existing delivery becomes parcel 1 of its order holding
all of the order's units, told to the online store as the whole order (no SKU list).

Revision ID: 0015_split_parcels
Revises: 0014_red_packs
"""

from alembic import op
import sqlalchemy as sa

import redhome_pos.persistence.models.base


revision = "0015_split_parcels"
down_revision = "0014_red_packs"
branch_labels = None
depends_on = None

UTC_TIME = redhome_pos.persistence.models.base.UtcDateTime(timezone=True)
COPIED = (
    "order_id", "state", "method", "express_no", "company_code", "attempts", "last_error",
    "staff_id", "terminal_id", "requested_at", "sent_at", "confirmed_at", "refused_at",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("parcel_no", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("express_no", sa.String(length=64), nullable=False),
        sa.Column("company_code", sa.String(length=32), nullable=False),
        sa.Column("sku_ids", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.String(length=32), nullable=False),
        sa.Column("requested_at", UTC_TIME, nullable=False),
        sa.Column("sent_at", UTC_TIME, nullable=True),
        sa.Column("confirmed_at", UTC_TIME, nullable=True),
        sa.Column("refused_at", UTC_TIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["online_orders.order_id"],
            name=op.f("fk_parcels_order_id_online_orders"),
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_parcels_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcels")),
        sa.UniqueConstraint("order_id", "parcel_no", name="uq_parcels_order_parcel"),
    )  # fmt: skip
    with op.batch_alter_table("parcels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parcels_state"), ["state"], unique=False)
    op.create_table(
        "parcel_lines",
        sa.Column("parcel_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parcel_id"], ["parcels.id"], name=op.f("fk_parcel_lines_parcel_id_parcels")
        ),
        sa.PrimaryKeyConstraint("parcel_id", "line_no", name=op.f("pk_parcel_lines")),
    )
    connection = op.get_bind()
    meta = sa.MetaData()
    deliveries = sa.Table("deliveries", meta, autoload_with=connection)
    parcels = sa.Table("parcels", meta, autoload_with=connection)
    parcel_lines = sa.Table("parcel_lines", meta, autoload_with=connection)
    lines = sa.Table("online_order_lines", meta, autoload_with=connection)
    for row in connection.execute(sa.select(*(deliveries.c[name] for name in COPIED))).mappings():
        parcel_id = connection.execute(
            parcels.insert()
            .values(**dict(row), parcel_no=1, sku_ids=[])
            .returning(parcels.c.id)
        ).scalar_one()
        units = connection.execute(
            sa.select(lines.c.line_no, lines.c.quantity).where(
                lines.c.order_id == row["order_id"]
            )
        ).all()
        if units:
            connection.execute(
                parcel_lines.insert(),
                [{"parcel_id": parcel_id, "line_no": n, "quantity": q} for n, q in units],
            )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliveries_state"))
    op.drop_table("deliveries")


def downgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("express_no", sa.String(length=64), nullable=False),
        sa.Column("company_code", sa.String(length=32), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.String(length=32), nullable=False),
        sa.Column("requested_at", UTC_TIME, nullable=False),
        sa.Column("sent_at", UTC_TIME, nullable=True),
        sa.Column("confirmed_at", UTC_TIME, nullable=True),
        sa.Column("refused_at", UTC_TIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["online_orders.order_id"],
            name=op.f("fk_deliveries_order_id_online_orders"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_deliveries_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_deliveries")),
    )  # fmt: skip
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deliveries_state"), ["state"], unique=False)
    # One delivery per order again: the first parcel of each order stands for the order.
    connection = op.get_bind()
    meta = sa.MetaData()
    parcels = sa.Table("parcels", meta, autoload_with=connection)
    deliveries = sa.Table("deliveries", meta, autoload_with=connection)
    rows = connection.execute(
        sa.select(*(parcels.c[name] for name in COPIED)).where(parcels.c.parcel_no == 1)
    ).mappings().all()
    if rows:
        connection.execute(deliveries.insert(), [dict(row) for row in rows])
    op.drop_table("parcel_lines")
    with op.batch_alter_table("parcels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parcels_state"))
    op.drop_table("parcels")
