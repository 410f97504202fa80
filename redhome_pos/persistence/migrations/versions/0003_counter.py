"""counter: sales, tenders, returns, shifts, approvals, audit

Revision ID: 0003_counter
Revises: 0002_search
"""

revision = "0003_counter"
down_revision = "0002_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
