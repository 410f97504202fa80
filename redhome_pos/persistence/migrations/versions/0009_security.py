"""security: how many times in a row an account was locked out

Revision ID: 0009_security
Revises: 0008_promotions
"""

from alembic import op
import sqlalchemy as sa


revision = "0009_security"
down_revision = "0008_promotions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pin_lockouts", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("pin_lockouts")
