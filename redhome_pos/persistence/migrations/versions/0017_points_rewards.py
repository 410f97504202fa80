"""points rewards: rewards members take for points, and the rewards taken in each sale

Revision ID: 0017_points_rewards
Revises: 0016_promotion_stamp
"""

from alembic import op
import sqlalchemy as sa

import redhome_pos.persistence.models.base


revision = "0017_points_rewards"
down_revision = "0016_promotion_stamp"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "points_rewards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("gift_sku_id", sa.Integer(), nullable=True),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column(
            "ended_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            redhome_pos.persistence.models.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["gift_sku_id"], ["skus.id"], name=op.f("fk_points_rewards_gift_sku_id_skus")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["staff.id"], name=op.f("fk_points_rewards_updated_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_rewards")),
        sa.UniqueConstraint("code", name=op.f("uq_points_rewards_code")),
    )
    op.create_table(
        "sale_rewards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("reward_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("value_fen", sa.Integer(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reward_id"], ["points_rewards.id"], name=op.f("fk_sale_rewards_reward_id_points_rewards")
        ),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_sale_rewards_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sale_rewards")),
    )
    with op.batch_alter_table("sale_rewards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sale_rewards_sale_id"), ["sale_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sale_rewards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sale_rewards_sale_id"))
    op.drop_table("sale_rewards")
    op.drop_table("points_rewards")
