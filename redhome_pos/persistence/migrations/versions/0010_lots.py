"""lots: lot-tracked SKUs, lot and expiry on movements, levels per lot, the lots a sale took
and the lots a delivery brought and a count found

Revision ID: 0010_lots
Revises: 0009_security
"""

from alembic import op
import sqlalchemy as sa

import redhome_pos.persistence.models.base


revision = "0010_lots"
down_revision = "0009_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): other tables' foreign keys point at these tables, and
    # SQLite cannot drop a table they reference while the store's data is in it.
    op.add_column(
        "skus", sa.Column("lot_tracked", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "stock_movements",
        sa.Column("lot_code", sa.String(length=20), nullable=False, server_default=""),
    )
    op.add_column("stock_movements", sa.Column("expiry", sa.Date(), nullable=True))
    op.create_table(
        "stock_lot_levels",
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("lot_code", sa.String(length=20), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"]),
        sa.PrimaryKeyConstraint("sku_id", "lot_code"),
    )
    op.create_index("ix_stock_lot_levels_expiry", "stock_lot_levels", ["expiry"], unique=False)
    op.create_table(
        "sale_line_lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("lot_code", sa.String(length=20), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("chosen_by", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sale_line_lots_sale_id", "sale_line_lots", ["sale_id"], unique=False)
    op.create_table(
        "receiving_lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receiving_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("lot_code", sa.String(length=20), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["receiving_id"], ["receivings.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("receiving_id", "line_no", "lot_code", name="uq_receiving_lots_lot"),
    )
    op.add_column("stock_count_lines", sa.Column("lot_snapshot", sa.JSON(), nullable=True))
    op.add_column("stock_count_lines", sa.Column("lot_counts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stock_count_lines", schema=None) as batch_op:
        batch_op.drop_column("lot_counts")
        batch_op.drop_column("lot_snapshot")
    op.drop_table("receiving_lots")
    op.drop_index("ix_sale_line_lots_sale_id", table_name="sale_line_lots")
    op.drop_table("sale_line_lots")
    op.drop_index("ix_stock_lot_levels_expiry", table_name="stock_lot_levels")
    op.drop_table("stock_lot_levels")
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.drop_column("expiry")
        batch_op.drop_column("lot_code")
    with op.batch_alter_table("skus", schema=None) as batch_op:
        batch_op.drop_column("lot_tracked")
