"""RED note links and scans

Revision ID: 0005_scanning
Revises: 0004_printing
"""

import sqlalchemy as sa
from alembic import op

import redhome_pos.persistence.models.base

revision = "0005_scanning"
down_revision = "0004_printing"
branch_labels = None
depends_on = None

UtcDateTime = redhome_pos.persistence.models.base.UtcDateTime


def upgrade() -> None:
    op.create_table(
        "note_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.String(length=64), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("linked_by", sa.Integer(), nullable=True),
        sa.Column("linked_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["linked_by"], ["staff.id"], name=op.f("fk_note_links_linked_by_staff")
        ),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_note_links_sku_id_skus")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_links")),
        sa.UniqueConstraint("note_id", "sku_id", name="uq_note_links_note_sku"),
    )
    with op.batch_alter_table("note_links", schema=None) as batch_op:
        batch_op.create_index("ix_note_links_sku_id", ["sku_id"], unique=False)

    op.create_table(
        "note_scans",
        sa.Column("note_id", sa.String(length=64), nullable=False),
        sa.Column("scan_count", sa.Integer(), nullable=False),
        sa.Column("first_scanned_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("last_scanned_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("note_id", name=op.f("pk_note_scans")),
    )
    with op.batch_alter_table("note_scans", schema=None) as batch_op:
        batch_op.create_index("ix_note_scans_count", ["scan_count"], unique=False)

    op.create_table(
        "short_links",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("note_id", sa.String(length=64), nullable=True),
        sa.Column("scan_count", sa.Integer(), nullable=False),
        sa.Column("first_seen_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_short_links")),
    )


def downgrade() -> None:
    op.drop_table("short_links")
    with op.batch_alter_table("note_scans", schema=None) as batch_op:
        batch_op.drop_index("ix_note_scans_count")
    op.drop_table("note_scans")
    with op.batch_alter_table("note_links", schema=None) as batch_op:
        batch_op.drop_index("ix_note_links_sku_id")
    op.drop_table("note_links")
