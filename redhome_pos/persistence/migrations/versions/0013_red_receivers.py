"""red receivers: receiver data sealed and masked only, cancellations, online after-sales

The receiver's name and address were kept as they came; the platform sends them encrypted and
asks that only the ciphertext and masked forms are kept. Existing rows keep a masked form made
here (the first character of the name, the phone already masked); the clear columns are dropped.
The ciphertexts are read again from the platform when a label is printed.

Revision ID: 0013_red_receivers
Revises: 0012_payments
"""

from alembic import op
import sqlalchemy as sa

import redhome_pos.persistence.models.base


revision = "0013_red_receivers"
down_revision = "0012_payments"
branch_labels = None
depends_on = None


def _masked_name(name: str) -> str:
    name = name.strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def upgrade() -> None:
    with op.batch_alter_table("online_orders", schema=None) as batch_op:
        for column in ("receiver_name_sealed", "receiver_phone_sealed", "receiver_address_sealed"):
            batch_op.add_column(sa.Column(column, sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("receiver_name_masked", sa.String(length=100), nullable=False,
                      server_default="")
        )
        batch_op.add_column(
            sa.Column("receiver_address_masked", sa.String(length=400), nullable=False,
                      server_default="")
        )
        batch_op.add_column(
            sa.Column("receiver_region", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("cancel_requested", sa.Boolean(), nullable=False,
                      server_default=sa.false())
        )
    connection = op.get_bind()
    orders = sa.table(
        "online_orders",
        sa.column("order_id", sa.String),
        sa.column("receiver_name", sa.String),
        sa.column("receiver_name_masked", sa.String),
        sa.column("receiver_address_masked", sa.String),
    )
    rows = connection.execute(
        sa.select(orders.c.order_id, orders.c.receiver_name).where(orders.c.receiver_name != "")
    ).all()
    for order_id, name in rows:
        connection.execute(
            orders.update()
            .where(orders.c.order_id == order_id)
            .values(receiver_name_masked=_masked_name(name), receiver_address_masked="****")
        )
    with op.batch_alter_table("online_orders", schema=None) as batch_op:
        batch_op.drop_column("receiver_name")
        batch_op.drop_column("receiver_address")
    op.create_table(
        "online_after_sales",
        sa.Column("returns_id", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("return_type", sa.Integer(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("ours", sa.Boolean(), nullable=False),
        sa.Column(
            "applied_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "online_updated_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("refund_fen", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column(
            "received_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("received_by", sa.Integer(), nullable=True),
        sa.Column("confirm_state", sa.String(length=12), nullable=False),
        sa.Column("confirm_error", sa.Text(), nullable=False),
        sa.Column(
            "fetched_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["received_by"], ["staff.id"]),
        sa.PrimaryKeyConstraint("returns_id"),
    )
    op.create_index(
        "ix_online_after_sales_order_id", "online_after_sales", ["order_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_online_after_sales_order_id", table_name="online_after_sales")
    op.drop_table("online_after_sales")
    with op.batch_alter_table("online_orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("receiver_name", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("receiver_address", sa.String(length=400), nullable=False,
                      server_default="")
        )
        for column in ("cancel_requested", "receiver_region", "receiver_address_masked",
                       "receiver_name_masked", "receiver_address_sealed",
                       "receiver_phone_sealed", "receiver_name_sealed"):
            batch_op.drop_column(column)
