"""print queue

Revision ID: 0004_printing
Revises: 0003_counter
"""

from alembic import op
import sqlalchemy as sa
import redhome_pos.persistence.models.base


revision = "0004_printing"
down_revision = "0003_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("printer", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("reprint_of", sa.Integer(), nullable=True),
        sa.Column("created_at", redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column("printed_at", redhome_pos.persistence.models.base.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_print_jobs_due", ["terminal_id", "status", "next_attempt_at"], unique=False
        )
        batch_op.create_index("ix_print_jobs_reference", ["reference"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_print_jobs_reference")
        batch_op.drop_index("ix_print_jobs_due")
    op.drop_table("print_jobs")
