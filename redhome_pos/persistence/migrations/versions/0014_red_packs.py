"""red packs: online SKUs sold in packs (ipq > 1) are known, so their stock is never pushed

Revision ID: 0014_red_packs
Revises: 0013_red_receivers
"""

from alembic import op
import sqlalchemy as sa


revision = "0014_red_packs"
down_revision = "0013_red_receivers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("online_skus", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pack_units", sa.Integer(), nullable=False, server_default="1")
        )


def downgrade() -> None:
    with op.batch_alter_table("online_skus", schema=None) as batch_op:
        batch_op.drop_column("pack_units")
