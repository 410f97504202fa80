"""badges: each issued badge has an id (in its signed code) and can be revoked

Revision ID: 0011_badges
Revises: 0010_lots
"""

from alembic import op
import sqlalchemy as sa

import redhome_pos.persistence.models.base


revision = "0011_badges"
down_revision = "0010_lots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_badges",
        sa.Column("badge_id", sa.String(length=16), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column(
            "issued_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column(
            "revoked_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("revoked_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"]),
        sa.PrimaryKeyConstraint("badge_id"),
    )
    op.create_index("ix_staff_badges_staff_id", "staff_badges", ["staff_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_staff_badges_staff_id", table_name="staff_badges")
    op.drop_table("staff_badges")
