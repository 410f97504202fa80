"""catalog search index

Revision ID: 0002_search
Revises: 0001_foundation
"""

revision = "0002_search"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
