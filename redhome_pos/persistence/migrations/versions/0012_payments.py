"""payments: wallet charge attempts, refunds through the providers, wallet ids on tenders

Revision ID: 0012_payments
Revises: 0011_badges
"""

from alembic import op
import sqlalchemy as sa

import redhome_pos.persistence.models.base


revision = "0012_payments"
down_revision = "0011_badges"
branch_labels = None
depends_on = None


def upgrade() -> None:
    utc = redhome_pos.persistence.models.base.UtcDateTime(timezone=True)
    op.create_table(
        "payment_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("out_trade_no", sa.String(length=32), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("transaction_id", sa.String(length=64), nullable=True),
        sa.Column("masked_code", sa.String(length=32), nullable=False),
        sa.Column("reason_code", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.Column("paid_at", utc, nullable=True),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"]),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("out_trade_no"),
    )
    op.create_index(
        "ix_payment_attempts_state", "payment_attempts", ["state", "terminal_id"], unique=False
    )
    op.create_index("ix_payment_attempts_sale_id", "payment_attempts", ["sale_id"], unique=False)
    op.create_table(
        "payment_refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("out_refund_no", sa.String(length=64), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("refund_id", sa.String(length=64), nullable=True),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.String(length=32), nullable=False),
        sa.Column("reason_code", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["payment_attempts.id"]),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"]),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"]),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("out_refund_no"),
    )
    op.create_index(
        "ix_payment_refunds_attempt_id", "payment_refunds", ["attempt_id"], unique=False
    )
    op.create_index("ix_payment_refunds_return_id", "payment_refunds", ["return_id"], unique=False)
    op.create_index("ix_payment_refunds_sale_id", "payment_refunds", ["sale_id"], unique=False)
    op.create_index("ix_payment_refunds_state", "payment_refunds", ["state"], unique=False)
    with op.batch_alter_table("tenders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("provider", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("out_trade_no", sa.String(length=32), nullable=False, server_default="")
        )
        batch_op.create_index("ix_tenders_out_trade_no", ["out_trade_no"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tenders", schema=None) as batch_op:
        batch_op.drop_index("ix_tenders_out_trade_no")
        batch_op.drop_column("out_trade_no")
        batch_op.drop_column("provider")
    op.drop_index("ix_payment_refunds_state", table_name="payment_refunds")
    op.drop_index("ix_payment_refunds_sale_id", table_name="payment_refunds")
    op.drop_index("ix_payment_refunds_return_id", table_name="payment_refunds")
    op.drop_index("ix_payment_refunds_attempt_id", table_name="payment_refunds")
    op.drop_table("payment_refunds")
    op.drop_index("ix_payment_attempts_sale_id", table_name="payment_attempts")
    op.drop_index("ix_payment_attempts_state", table_name="payment_attempts")
    op.drop_table("payment_attempts")
