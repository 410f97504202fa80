"""promotion stamp: a number raised with every change of the promotions or member prices

Revision ID: 0016_promotion_stamp
Revises: 0015_split_parcels
"""

from alembic import op
import sqlalchemy as sa


revision = "0016_promotion_stamp"
down_revision = "0015_split_parcels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "promotion_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotion_stamp")),
    )


def downgrade() -> None:
    op.drop_table("promotion_stamp")
