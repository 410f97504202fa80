"""reconciliation, counts, receiving

Revision ID: 0007_manager
Revises: 0006_sync
"""

from alembic import op
import sqlalchemy as sa
import redhome_pos.persistence.models.base


revision = "0007_manager"
down_revision = "0006_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "receivings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("supplier", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.String(length=32), nullable=False),
        sa.Column(
            "created_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("posted_by", sa.Integer(), nullable=True),
        sa.Column(
            "posted_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_receivings_created_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["posted_by"], ["staff.id"], name=op.f("fk_receivings_posted_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receivings")),
    )
    with op.batch_alter_table("receivings", schema=None) as batch_op:
        batch_op.create_index(op.f("ix_receivings_state"), ["state"], unique=False)

    op.create_table(
        "reconciliation_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "started_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "finished_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.String(length=32), nullable=False),
        sa.Column("skus_here", sa.Integer(), nullable=False),
        sa.Column("skus_online", sa.Integer(), nullable=False),
        sa.Column("differences", sa.Integer(), nullable=False),
        sa.Column("value_fen", sa.Integer(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_reconciliation_runs_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliation_runs")),
    )
    op.create_table(
        "receiving_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receiving_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("movement_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["receiving_id"],
            ["receivings.id"],
            name=op.f("fk_receiving_lines_receiving_id_receivings"),
        ),
        sa.ForeignKeyConstraint(
            ["sku_id"], ["skus.id"], name=op.f("fk_receiving_lines_sku_id_skus")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receiving_lines")),
        sa.UniqueConstraint("receiving_id", "line_no", name="uq_receiving_lines_line"),
    )
    op.create_table(
        "reconciliation_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=True),
        sa.Column("red_sku_id", sa.String(length=64), nullable=False),
        sa.Column("sku_code", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("here", sa.Integer(), nullable=True),
        sa.Column("online", sa.Integer(), nullable=True),
        sa.Column("value_fen", sa.Integer(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("resolution", sa.String(length=24), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column(
            "resolved_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("resolution_reason", sa.String(length=200), nullable=False),
        sa.Column("resolution_ref", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["resolved_by"], ["staff.id"], name=op.f("fk_reconciliation_lines_resolved_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["reconciliation_runs.id"],
            name=op.f("fk_reconciliation_lines_run_id_reconciliation_runs"),
        ),
        sa.ForeignKeyConstraint(
            ["sku_id"], ["skus.id"], name=op.f("fk_reconciliation_lines_sku_id_skus")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliation_lines")),
    )
    with op.batch_alter_table("reconciliation_lines", schema=None) as batch_op:
        batch_op.create_index("ix_reconciliation_lines_run_kind", ["run_id", "kind"], unique=False)

    op.create_table(
        "stock_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("scope", sa.JSON(), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column(
            "snapshot_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.String(length=32), nullable=False),
        sa.Column("posted_by", sa.Integer(), nullable=True),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column(
            "posted_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["approval_id"], ["approvals.id"], name=op.f("fk_stock_counts_approval_id_approvals")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff.id"], name=op.f("fk_stock_counts_created_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["posted_by"], ["staff.id"], name=op.f("fk_stock_counts_posted_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_counts")),
    )
    with op.batch_alter_table("stock_counts", schema=None) as batch_op:
        batch_op.create_index(op.f("ix_stock_counts_state"), ["state"], unique=False)

    op.create_table(
        "stock_count_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("on_hand_at_snapshot", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=True),
        sa.Column(
            "counted_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("counted_by", sa.Integer(), nullable=True),
        sa.Column("recount", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("movement_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["count_id"],
            ["stock_counts.id"],
            name=op.f("fk_stock_count_lines_count_id_stock_counts"),
        ),
        sa.ForeignKeyConstraint(
            ["counted_by"], ["staff.id"], name=op.f("fk_stock_count_lines_counted_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["sku_id"], ["skus.id"], name=op.f("fk_stock_count_lines_sku_id_skus")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count_lines")),
        sa.UniqueConstraint("count_id", "sku_id", name="uq_stock_count_lines_sku"),
    )


def downgrade() -> None:
    op.drop_table("stock_count_lines")
    with op.batch_alter_table("stock_counts", schema=None) as batch_op:
        batch_op.drop_index(op.f("ix_stock_counts_state"))

    op.drop_table("stock_counts")
    with op.batch_alter_table("reconciliation_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_reconciliation_lines_run_kind")

    op.drop_table("reconciliation_lines")
    op.drop_table("receiving_lines")
    op.drop_table("reconciliation_runs")
    with op.batch_alter_table("receivings", schema=None) as batch_op:
        batch_op.drop_index(op.f("ix_receivings_state"))

    op.drop_table("receivings")
