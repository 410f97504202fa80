"""print queue

Revision ID: 0004_printing
Revises: 0003_counter
"""

revision = "0004_printing"
down_revision = "0003_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
