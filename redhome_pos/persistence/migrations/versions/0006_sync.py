"""online store sync state

Revision ID: 0006_sync
Revises: 0005_scanning
"""

revision = "0006_sync"
down_revision = "0005_scanning"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
